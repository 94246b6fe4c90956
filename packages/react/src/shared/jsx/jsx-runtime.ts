/**
 * React's JSX runtime, imported in this one module: the parts name this folder as their JSX
 * import source (`@jsxImportSource ../shared/jsx` at the top of each part), so an app's bundle
 * has one `import { jsx, jsxs } from "react/jsx-runtime"` statement, under one name, rather than
 * one per part (see `../react.ts` for why that matters).
 * @internal
 */
export { Fragment, jsx, jsxs } from 'react/jsx-runtime'
export type { JSX } from 'react/jsx-runtime'
