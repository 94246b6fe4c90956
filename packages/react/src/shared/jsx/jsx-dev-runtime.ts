/**
 * React's development JSX runtime, for tools that compile JSX in development mode (Vite, Vitest,
 * Storybook) through the parts' `@jsxImportSource ../shared/jsx`. See `./jsx-runtime.ts`.
 * @internal
 */
export { Fragment, jsxDEV } from 'react/jsx-dev-runtime'
export type { JSX } from 'react/jsx-dev-runtime'
