/** A clock for `now`: starts at `start` and moves one second forward on every reading. */
export function fakeClock(start = '2026-01-01T00:00:00.000Z'): { now: () => Date; readonly readings: string[] } {
  let time = Date.parse(start)
  const readings: string[] = []
  return {
    now: () => {
      const date = new Date(time)
      time += 1000
      readings.push(date.toISOString())
      return date
    },
    readings,
  }
}
