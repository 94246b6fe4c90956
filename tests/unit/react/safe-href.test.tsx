import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { ConsentExplainer } from '../../../packages/react/src/explainer/consent-explainer'
import { checkHref } from '../../../packages/react/src/explainer/safe-href'

/** Scheme-relative hrefs lead to another host: refused like `javascript:` (issue 12). */
const PROTOCOL_RELATIVE = [
  '//evil.example/x',
  '\\\\evil.example/x',
  '/\\evil.example',
  '\\/evil.example',
  '///evil.example',
  ' //evil.example/x',
  '\t//evil.example/x',
  '/\t/evil.example/x',
  '/\n/evil.example/x',
  '/\r\n\\evil.example',
  '\n\\\\evil.example',
  '%2F%2Fevil.example/x',
  '%2f%5cevil.example',
  '/%2Fevil.example',
  '%5C%5Cevil.example',
  '%252F%252Fevil.example',
  '/%09/evil.example',
]

describe('checkHref', () => {
  it.each(PROTOCOL_RELATIVE)('refuses the protocol-relative %j with a TypeError naming it', (href) => {
    const result = checkHref(href)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(TypeError)
    expect(result.error.message).toContain(JSON.stringify(href))
    expect(result.error.message).toContain('protocol-relative')
  })

  it.each(['/privacy', '/privacy/', './x//y', 'docs/privacy', '#a//b', '?next=//x', '/a%2Fb', 'https://example.com//x'])(
    'still accepts %j',
    (href) => {
      expect(checkHref(href)).toEqual({ ok: true, href })
    },
  )
})

describe('ConsentExplainer with a protocol-relative learnMoreHref', () => {
  let consoleError: MockInstance
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => consoleError.mockRestore())

  it.each(['//evil.example/x', '\\\\evil.example/x', '/\\evil.example', '/\t/evil.example'])(
    'renders no link for %j and reports a TypeError through onError',
    (href) => {
      const onError = vi.fn()
      render(<ConsentExplainer checked={false} learnMoreHref={href} onError={onError} />)
      expect(screen.queryByRole('link')).not.toBeInTheDocument()
      expect(onError).toHaveBeenCalledTimes(1)
      expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(TypeError)
    },
  )
})
