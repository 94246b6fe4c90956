'use client'
/**
 * The React functions the parts use, imported from React in this one module.
 *
 * Why: a bundler keeps one `import { … } from "react"` statement, with its own aliases, for every
 * module of ours that imports React, and minifiers cannot merge them. The parts import React's
 * functions from here instead, so an app's bundle has one such statement rather than about
 * fifteen (over 150 B gzip on the composed setting). Types still come from `react` directly.
 * @internal
 */
export {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useInsertionEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
