// The bench is not a workspace package, so it reaches Radix Switch through the react package's
// own dependency: the baseline always uses exactly the Radix version the kit ships with.
export * from '../../packages/react/node_modules/@radix-ui/react-switch'
