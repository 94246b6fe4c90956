/** Median, min and max of a list of numbers. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], count: sorted.length }
}

/** Formats a number with about three significant figures. */
export const fmt = (value) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3)

export const range = ({ min, max }) => `${fmt(min)}–${fmt(max)}`
