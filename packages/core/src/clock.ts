import { ConsentError, describe, typeError } from './errors'
import { timeAt } from './merge'
import { END_OF_TIME, isIsoDate } from './records'

/** Why a reading of `now` cannot date a stored decision, or `''` if it can. */
export function clockProblem(reading: unknown): string {
  if (Object.prototype.toString.call(reading) !== '[object Date]') {
    return process.env.NODE_ENV !== 'production' ? `now must return a Date, got ${describe(reading)}` : `now ${describe(reading)}`
  }
  const time = (reading as Date).getTime()
  if (time !== time) return 'now returned an invalid Date'
  // Years 100 to 9999 always print as a real date with a four-digit year; others are judged by
  // the reader's own rule, so what is written reads back.
  if (time >= -59_011_459_200_000 && time < END_OF_TIME) return ''
  const text = (reading as Date).toISOString()
  return isIsoDate(text)
    ? ''
    : process.env.NODE_ENV !== 'production'
      ? `now returned ${describe(text)}, which stored data cannot hold: expected a real date with a four-digit year`
      : `now ${describe(text)}`
}

/**
 * Development builds refuse at creation a clock whose dates no reader could parse (a TypeError
 * naming the value); production relies on the stamper, which never writes such a date either.
 * An invalid Date is not refused here: it is reported when it is used, as it may be passing.
 */
export function checkClock(now: () => Date): void {
  let problem: string
  try {
    problem = clockProblem(now())
  } catch (cause) {
    problem = `now must return a Date, but it threw ${describe(String(cause))}`
  }
  if (problem && !problem.includes('invalid Date')) typeError(problem)
}

/**
 * Dates decisions. Each stamp is later than `after` (every decision the store has seen, up to
 * the last instant of year 9999), so a decision made here always wins over what it replaces,
 * even with a clock that stands still or runs behind another tab's. A bad reading of `now` is
 * reported once (until the clock recovers) and the system clock is used instead: a set never
 * fails, and `ready` never rejects, because of the clock. Without `now`, the system clock is read
 * directly.
 */
export function createStamper(now: (() => Date) | undefined, report: (error: ConsentError) => void) {
  let complained = false
  // The minute of the last stamp (minutes since 1970) and its text up to the seconds: a stamp in
  // the same minute only writes its seconds (formatting a Date was a third of a set on a cold page).
  let minute: number | undefined
  let prefix: string | undefined
  return (after: number): string => {
    let time = Date.now()
    if (now) {
      let reading: Date | undefined
      let problem: string
      try {
        problem = clockProblem((reading = now()))
      } catch (cause) {
        problem = `now threw ${describe(String(cause))}`
      }
      if (problem && !complained) {
        report(new ConsentError('clock-invalid', process.env.NODE_ENV !== 'production' ? `The store's clock gave no usable time (${problem}), so the system clock dates this decision.` : problem))
      }
      complained = !!problem
      if (!problem) time = reading!.getTime()
    }
    // Never past what stored data can hold: at its last instant a decision ties, and off wins a tie.
    time = Math.min(Math.max(time, after + 1), END_OF_TIME - 1)
    const at = Math.floor(time / 6e4)
    if (at !== minute) prefix = new Date((minute = at) * 6e4).toISOString().slice(0, -7)
    const digits = `${1e5 + time - at * 6e4}`
    const text = `${prefix!}${digits.slice(1, 3)}.${digits.slice(3)}Z`
    timeAt(text, time)
    return text
  }
}
