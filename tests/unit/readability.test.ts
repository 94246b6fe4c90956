/**
 * Measured readability of the default English copy (issue 6). Budgets:
 * - Flesch-Kincaid grade ≤ 7 for all the explanatory text together;
 * - grade ≤ 9 for every single message of five words or more;
 * - average sentence length ≤ 15 words, and no sentence over 20 words.
 * The figures are printed on every run so a reviewer sees the margin.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { en, type MessageKey } from '../../packages/react/src/messages'
import {
  fleschKincaidGrade,
  readabilityReport,
  splitSentences,
  stripPlaceholders,
  textStats,
  words,
} from './readability-score'

/** Text that explains: summaries, details, confirmation bodies, re-consent, errors, pending. */
const EXPLANATORY_KEYS = [
  'summaryOn',
  'summaryOff',
  'detailsOn',
  'detailsOff',
  'detailsMedia',
  'detailsFromNow',
  'detailsAnyTime',
  'confirmEnableBody',
  'confirmAudioEnableBody',
  'confirmVideoEnableBody',
  'confirmDisableBody',
  'confirmAudioDisableBody',
  'confirmVideoDisableBody',
  'reconsent',
  'errorStillOn',
  'errorStillOff',
  'pending',
  'promptNext',
  'promptError',
  'managedOrganization',
  'managedAge',
  'managedRegion',
  'managedOther',
] as const satisfies readonly MessageKey[]

/**
 * Every message is scored and printed, but the per-message budget applies from five words up.
 * Flesch-Kincaid is built for passages, and on a label it measures only syllables per word:
 * "Turn on" scores −3.0 while "Recordings", one everyday word of three syllables, scores 20.2
 * and "Include audio recordings" 17.1. Shorter labels are checked by the wording tests below.
 */
const MIN_WORDS_FOR_MESSAGE_BUDGET = 5

const BUDGET = { overallGrade: 7, messageGrade: 9, averageSentence: 15, longestSentence: 20 }

const report = readabilityReport<MessageKey>(en, EXPLANATORY_KEYS)
const budgeted = (Object.keys(en) as MessageKey[]).filter(
  (key) => words(stripPlaceholders(en[key])).length >= MIN_WORDS_FOR_MESSAGE_BUDGET,
)
const worstBudgeted = budgeted
  .map((key) => ({ key, grade: report.grades[key] ?? 0 }))
  .sort((a, b) => b.grade - a.grade)

beforeAll(() => {
  const row = (label: string, value: string, budget: string) =>
    `  ${label.padEnd(40)} ${value.padStart(7)}   budget ${budget}`
  const worst = worstBudgeted[0]
  console.log(
    [
      'Readability of the default English copy (Flesch-Kincaid, US grade)',
      row('All explanatory text together', report.overallGrade.toFixed(1), `≤ ${BUDGET.overallGrade}`),
      row(`Worst message (${worst?.key})`, (worst?.grade ?? 0).toFixed(1), `≤ ${BUDGET.messageGrade}`),
      row('Average sentence length (words)', report.averageSentenceLength.toFixed(1), `≤ ${BUDGET.averageSentence}`),
      row(`Longest sentence (${report.longest.key})`, String(report.longest.length), `≤ ${BUDGET.longestSentence}`),
      `  Messages under the per-message budget: ${budgeted.length} of ${Object.keys(en).length}` +
        ` (shorter labels are scored but not budgeted; worst label: ${report.worst.key} ${report.worst.grade.toFixed(1)})`,
    ].join('\n'),
  )
})

describe('English copy readability', () => {
  it(`scores grade ${BUDGET.overallGrade} or below for all the explanatory text together`, () => {
    expect(report.overallGrade).toBeLessThanOrEqual(BUDGET.overallGrade)
  })

  it(`scores grade ${BUDGET.messageGrade} or below for every message of ${MIN_WORDS_FOR_MESSAGE_BUDGET} words or more`, () => {
    const over = worstBudgeted.filter(({ grade }) => grade > BUDGET.messageGrade)
    expect(over, 'messages over the per-message budget').toEqual([])
    expect(budgeted).toEqual(expect.arrayContaining([...EXPLANATORY_KEYS.filter((key) => key !== 'pending'), 'title']))
  })

  it(`averages ${BUDGET.averageSentence} words or fewer per sentence`, () => {
    expect(report.averageSentenceLength).toBeLessThanOrEqual(BUDGET.averageSentence)
  })

  it(`has no sentence over ${BUDGET.longestSentence} words in any message`, () => {
    expect(report.longest.length, report.longest.sentence).toBeLessThanOrEqual(BUDGET.longestSentence)
  })
})

describe('English wording', () => {
  const all = Object.entries(en)

  it.each([
    /\baggregat/i,
    /\bdata pools?\b/i,
    /\bleverag/i,
    /\butili[sz]/i,
    /\bherein\b/i,
    /\bpursuant\b/i,
    /\bhelp everyone\b/i,
    /\bmiss(?:ing)? out\b/i,
    /!/,
  ])('never uses %s', (banned) => {
    expect(all.filter(([, text]) => banned.test(text)).map(([key]) => key)).toEqual([])
  })

  it('has buttons that say what they do, never "OK"', () => {
    const buttons = [en.confirmEnableAction, en.confirmDisableAction, en.cancel, en.retry, en.detailsToggle]
    expect(buttons.filter((label) => /\b(ok|okay)\b/i.test(label))).toEqual([])
    expect([en.confirmEnableAction, en.confirmDisableAction, en.cancel]).toEqual(['Turn on', 'Turn off', 'Cancel'])
  })

  it('keeps the wording the issue fixes', () => {
    expect(en.title).toBe('Improve the model for everyone')
    expect(en.detailsToggle).toBe('What does this mean?')
    expect(en.retry).toBe('Try again')
    expect(en.errorStillOn).toBe("We couldn't save your choice. It is still on.")
    expect(en.errorStillOff).toBe("We couldn't save your choice. It is still off.")
  })

  it('gives the prompt two answers that say what they do, with the same weight', () => {
    expect([en.promptTurnOn, en.promptKeepOff]).toEqual(['Turn on', 'Keep off'])
    expect(en.promptNext).toBe('You can change this in Settings.')
    expect(en.managedOrganization).toBe('Your organization has turned this off.')
  })

  it('keeps the {date} placeholder in decision records', () => {
    expect(en.decisionOn).toBe('On since {date}')
    expect(en.decisionOff).toContain('{date}')
  })

  it('gives the on and off summaries equal weight', () => {
    expect(Math.abs(words(en.summaryOn).length - words(en.summaryOff).length)).toBeLessThanOrEqual(2)
    expect(Math.abs(words(en.detailsOn).length - words(en.detailsOff).length)).toBeLessThanOrEqual(4)
  })
})

describe('readability scoring', () => {
  it('removes placeholders before scoring', () => {
    expect(words(stripPlaceholders('On since {date}'))).toEqual(['On', 'since'])
  })

  it('splits sentences at . ? ! and …, keeping contractions as one word', () => {
    expect(splitSentences("We couldn't save your choice. It is still on.")).toEqual([
      "We couldn't save your choice.",
      'It is still on.',
    ])
    expect(splitSentences('Saving your choice… Done? Yes')).toHaveLength(3)
    expect(words("We couldn't save")).toEqual(['We', "couldn't", 'save'])
  })

  it('computes the Flesch-Kincaid grade', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    expect(fleschKincaidGrade(textStats('The cat sat on the mat.'))).toBeCloseTo(-1.45, 2)
  })
})
