import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ConsentExplainer } from '../../../packages/react/src/explainer/consent-explainer'
import { checkHref } from '../../../packages/react/src/explainer/safe-href'
import { en } from '../../../packages/react/src/messages'

const decidedAt = '2026-11-26T12:00:00.000Z'
const decision = (value: boolean) => ({ value, decidedAt, policyVersion: '2026-11', source: 'user' as const })
const toggle = () => screen.getByRole('button', { name: 'What does this mean?' })

describe('ConsentExplainer', () => {
  it('shows the summary that matches the state, always visible', () => {
    const { rerender } = render(<ConsentExplainer checked={false} />)
    expect(screen.getByText(en.summaryOff)).toBeVisible()
    expect(screen.queryByText(en.summaryOn)).not.toBeInTheDocument()
    rerender(<ConsentExplainer checked />)
    expect(screen.getByText(en.summaryOn)).toBeVisible()
  })

  it('gives the summary the id the parent asks for, for aria-describedby', () => {
    render(<ConsentExplainer checked={false} summaryId="improve-summary" />)
    expect(screen.getByText(en.summaryOff)).toHaveAttribute('id', 'improve-summary')
  })

  it('generates a summary id when none is given', () => {
    render(<ConsentExplainer checked={false} />)
    expect(screen.getByText(en.summaryOff).id).not.toBe('')
  })

  describe('the disclosure', () => {
    it('hides the details until the button is pressed', async () => {
      const user = userEvent.setup()
      render(<ConsentExplainer checked={false} id="details" />)
      expect(toggle()).toHaveAttribute('aria-expanded', 'false')
      expect(toggle()).toHaveAttribute('aria-controls', 'details')
      expect(toggle()).toHaveAttribute('data-state', 'closed')
      expect(screen.getByText(en.detailsOn)).not.toBeVisible()
      await user.click(toggle())
      expect(toggle()).toHaveAttribute('aria-expanded', 'true')
      expect(toggle()).toHaveAttribute('data-state', 'open')
      const details = document.getElementById('details')
      expect(details).toBeVisible()
      expect(details).toHaveAttribute('data-slot', 'explainer-details')
      await user.keyboard('{Enter}')
      expect(toggle()).toHaveAttribute('aria-expanded', 'false')
      expect(details).not.toBeVisible()
    })

    it('says what on and off mean, that media is separate, from now on, and any time', () => {
      render(<ConsentExplainer checked defaultOpen />)
      for (const text of [en.detailsOn, en.detailsOff, en.detailsMedia, en.detailsFromNow, en.detailsAnyTime]) {
        expect(screen.getByText(text)).toBeVisible()
      }
      expect(screen.getByText(en.detailsOn)).toHaveAttribute('data-current', '')
      expect(screen.getByText(en.detailsOff)).not.toHaveAttribute('data-current')
    })

    it('when controlled, reports the request and waits for the parent', async () => {
      const user = userEvent.setup()
      const onOpenChange = vi.fn()
      const { rerender } = render(<ConsentExplainer checked={false} open={false} onOpenChange={onOpenChange} />)
      await user.click(toggle())
      expect(onOpenChange).toHaveBeenCalledWith(true)
      expect(toggle()).toHaveAttribute('aria-expanded', 'false')
      rerender(<ConsentExplainer checked={false} open onOpenChange={onOpenChange} />)
      expect(toggle()).toHaveAttribute('aria-expanded', 'true')
    })
  })

  describe('the decision record', () => {
    it('reads "On since 26 Nov 2026" in English', () => {
      render(<ConsentExplainer checked decision={decision(true)} defaultOpen />)
      expect(screen.getByText('On since 26 Nov 2026')).toBeVisible()
    })

    it('reads "Off since 26 Nov 2026" for an off decision', () => {
      render(<ConsentExplainer checked={false} decision={decision(false)} defaultOpen />)
      expect(screen.getByText('Off since 26 Nov 2026')).toBeVisible()
    })

    it('formats the date for the locale', () => {
      render(<ConsentExplainer checked decision={decision(true)} locale="en-US" defaultOpen />)
      expect(screen.getByText('On since Nov 26, 2026')).toBeVisible()
    })

    it('is absent when nothing was decided', () => {
      render(<ConsentExplainer checked={false} decision={null} defaultOpen />)
      expect(screen.queryByText(/since/)).not.toBeInTheDocument()
    })

    it('shows message text as text, never as HTML', () => {
      render(<ConsentExplainer checked={false} messages={{ summaryOff: '<b>bold</b>' }} />)
      expect(screen.getByText('<b>bold</b>')).toBeInTheDocument()
    })
  })

  describe('learnMoreHref', () => {
    let consoleError: ReturnType<typeof vi.spyOn>
    beforeEach(() => {
      consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    })
    afterEach(() => consoleError.mockRestore())

    it.each([
      ['https://example.com/privacy', 'https://example.com/privacy'],
      ['HTTPS://example.com/', 'HTTPS://example.com/'],
      ['http://example.com', 'http://example.com'],
      ['mailto:privacy@example.com', 'mailto:privacy@example.com'],
      ['/privacy', '/privacy'],
      ['./privacy', './privacy'],
      ['privacy.html', 'privacy.html'],
      ['#training', '#training'],
      ['?tab=privacy', '?tab=privacy'],
      ['  https://example.com/ \n', 'https://example.com/'],
    ])('links to %j', (href, expected) => {
      const onError = vi.fn()
      render(<ConsentExplainer checked={false} defaultOpen learnMoreHref={href} onError={onError} />)
      expect(screen.getByRole('link', { name: 'Learn more' })).toHaveAttribute('href', expected)
      expect(onError).not.toHaveBeenCalled()
    })

    it.each([
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u00a0javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com',
      'java\u0000script:alert(1)',
      '   ',
    ])('refuses %j: no link, and a TypeError through onError and console.error', (href) => {
      const onError = vi.fn()
      render(<ConsentExplainer checked={false} defaultOpen learnMoreHref={href} onError={onError} />)
      expect(screen.queryByRole('link')).not.toBeInTheDocument()
      expect(onError).toHaveBeenCalledTimes(1)
      const error: unknown = onError.mock.calls[0]?.[0]
      expect(error).toBeInstanceOf(TypeError)
      expect((error as TypeError).message).toContain(JSON.stringify(href))
      expect((error as TypeError).message).toContain('Only https:, http:, mailto: and relative URLs')
      expect(consoleError).toHaveBeenCalledWith(error)
    })

    it('reports the same bad href once, and a new one again', async () => {
      const user = userEvent.setup()
      const onError = vi.fn()
      const { rerender } = render(
        <ConsentExplainer checked={false} learnMoreHref="javascript:void 0" onError={onError} />,
      )
      await user.click(toggle())
      rerender(<ConsentExplainer checked learnMoreHref="javascript:void 0" onError={onError} />)
      expect(onError).toHaveBeenCalledTimes(1)
      rerender(<ConsentExplainer checked learnMoreHref="data:," onError={onError} />)
      expect(onError).toHaveBeenCalledTimes(2)
    })

    it('names the refused scheme', () => {
      const result = checkHref('VBScript:x')
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain('the vbscript: scheme is not allowed')
    })
  })
})

describe('ConsentExplainer while loading', () => {
  it('leaves the summary empty and marks no detail current, then follows checked', async () => {
    const user = userEvent.setup()
    const { container, rerender } = render(<ConsentExplainer checked={false} loading summaryId="summary" />)
    const summary = container.querySelector('#summary')!
    expect(summary).toBeEmptyDOMElement()
    await user.click(toggle())
    expect(container.querySelectorAll('[data-current]')).toHaveLength(0)
    // The details still say what each state means.
    expect(screen.getByText(en.detailsOff)).toBeVisible()
    rerender(<ConsentExplainer checked loading={false} summaryId="summary" />)
    expect(summary).toHaveTextContent(en.summaryOn)
    expect(container.querySelector('[data-current]')).toHaveTextContent(en.detailsOn)
  })
})
