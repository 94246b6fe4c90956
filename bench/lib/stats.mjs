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

/** A small seeded PRNG (mulberry32), so a report re-rendered from the same samples gives the same interval. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const medianOf = (values) => summarize(values).median

/**
 * 95% percentile-bootstrap interval of median(a) / median(b): resamples each list with
 * replacement `resamples` times. Says how far the ratio of medians could move on another run
 * of the same machine, so a ratio near a goal is not read as met or missed by noise alone.
 */
export function ratioInterval(a, b, { resamples = 2000, seed = 20261126 } = {}) {
  const next = random(seed)
  const draw = (values) => Array.from(values, () => values[Math.floor(next() * values.length)])
  const ratios = Array.from({ length: resamples }, () => medianOf(draw(a)) / medianOf(draw(b))).sort((x, y) => x - y)
  return { low: ratios[Math.floor(resamples * 0.025)], high: ratios[Math.ceil(resamples * 0.975) - 1] }
}
