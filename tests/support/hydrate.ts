import { act } from '@testing-library/react'
import type { ReactElement } from 'react'
import { hydrateRoot } from 'react-dom/client'

/**
 * Puts server `html` in the document and hydrates it with `element`, as a browser would, catching
 * what React says: console errors and warnings in `logged`, recoverable errors (a hydration
 * mismatch) in `recoverable`. `during` runs inside the same `act` (for example awaiting a store's
 * `ready`, so its first client update is part of hydration). `unmount` removes both.
 */
export async function hydrateHtml(html: string, element: ReactElement, during?: () => Promise<unknown>) {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const logged: unknown[] = []
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args))
  const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => void logged.push(args))
  const recoverable: unknown[] = []
  let root!: ReturnType<typeof hydrateRoot>
  try {
    await act(async () => {
      root = hydrateRoot(container, element, { onRecoverableError: (e) => void recoverable.push(e) })
      await during?.()
    })
  } finally {
    error.mockRestore()
    warn.mockRestore()
  }
  return {
    container,
    logged,
    recoverable,
    unmount: async () => {
      await act(async () => root.unmount())
      container.remove()
    },
  }
}
