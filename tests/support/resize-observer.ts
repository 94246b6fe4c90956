// Radix measures its hidden form input with ResizeObserver, which jsdom lacks (Chromium has it).
// Imported for its effect by the jsdom tests that render the setting inside a <form>.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}
