import { ConsentError, describe } from './errors'
import { isIsoDate } from './records'

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]'

/** 0100-01-01T00:00:00.000Z and +010000-01-01T00:00:00.000Z. */
const YEAR_100 = -59_011_459_200_000
const YEAR_10000 = 253_402_300_800_000
/** Why a reading of `now` cannot date a stored decision, or `null` if it can. */
export function clockProblem(reading: unknown): string | null {
  if (!isDate(reading)) return process.env.NODE_ENV !== 'production'
    ? `now must return a Date, got ${describe(reading)}`
    : `now ${describe(reading)}`
  const time = reading.getTime()
  if (Number.isNaN(time)) return 'now returned an invalid Date'
  // Years 100 to 9999 always print as a real date with a four-digit year: no need to print and re-read it.
  if (time >= YEAR_100 && time < YEAR_10000) return null
  // Judged by the reader's own rule (four-digit years, real calendar dates), so what is written reads back.
  const text = reading.toISOString()
  if (!isIsoDate(text)) return process.env.NODE_ENV !== 'production'
    ? `now returned ${describe(text)}, which stored data cannot hold: expected a real date with a four-digit year`
    : `now ${describe(text)}`
  return null
}

/**
 * Refuses at creation a clock whose dates no reader could parse (a TypeError naming the value).
 * An invalid Date is not refused here: it is reported when it is used, as it may be passing.
 */
export function checkClock(now: () => Date): void {
  let reading: unknown
  try {
    reading = now()
  } catch (cause) {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? `now must return a Date, but it threw ${describe(String(cause))}`
        : 'now',
    )
  }
  const problem = clockProblem(reading)
  if (problem && !(isDate(reading) && Number.isNaN(reading.getTime()))) throw new TypeError(problem)
}

/**
 * Dates decisions. Each stamp is later than every decision the store has seen (`after`), so a
 * decision made here always wins over what it replaces, even with a clock that stands still or
 * runs behind another tab's. A bad reading is reported once (until the clock recovers) and the
 * system clock is used instead: a set never fails, and `ready` never rejects, because of the clock.
 */
export function createStamper(now: () => Date, report: (error: ConsentError) => void) {
  let complained = false
  return (after: number): string => {
    let reading: unknown
    let problem: string | null
    try {
      reading = now()
      problem = clockProblem(reading)
    } catch (cause) {
      problem = `now threw ${describe(String(cause))}`
    }
    let time: number
    if (problem === null) {
      complained = false
      time = (reading as Date).getTime()
    } else {
      if (!complained) report(new ConsentError('clock-invalid', `The store's clock gave no usable time (${problem}), so the system clock dates this decision.`))
      complained = true
      time = Date.now()
    }
    return new Date(Math.max(time, after + 1)).toISOString()
  }
}
