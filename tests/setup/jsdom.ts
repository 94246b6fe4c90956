import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  // Files that opt into the node environment (server tests) have no DOM to clean.
  if (typeof document === 'undefined') return
  cleanup()
  localStorage.clear()
})
