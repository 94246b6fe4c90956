import { syllable } from 'syllable'

/**
 * Flesch-Kincaid scoring for the English copy, shared by the readability test.
 *
 * grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * One- and two-word labels ("Turn on", "Cancel") get trivially low, even negative,
 * grades; they are scored anyway so that no message escapes the per-message budget.
 */

/** Word and syllable counts of one piece of text. */
export interface TextStats {
  /** Sentences, each as its list of words. */
  sentences: readonly (readonly string[])[]
  words: number
  syllables: number
}

/** Removes `{name}` placeholders: they stand for a date, not words a person reads. */
export function stripPlaceholders(text: string): string {
  return text.replace(/\{\w+\}/g, ' ')
}

/**
 * Splits text into sentences at `.`, `!`, `?` and `…` followed by a space or the end.
 * Text without end punctuation (a label) counts as one sentence.
 */
export function splitSentences(text: string): string[] {
  return stripPlaceholders(text)
    .split(/(?<=[.!?…])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => words(sentence).length > 0)
}

/** The words of a sentence; contractions such as "couldn't" are one word. */
export function words(text: string): string[] {
  return text.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? []
}

/** Counts sentences, words and syllables. */
export function textStats(text: string): TextStats {
  const sentences = splitSentences(text).map(words)
  const all = sentences.flat()
  return {
    sentences,
    words: all.length,
    syllables: all.reduce((sum, word) => sum + syllable(word), 0),
  }
}

/** Adds up the counts of several texts, as if they were one text. */
export function combineStats(stats: readonly TextStats[]): TextStats {
  return {
    sentences: stats.flatMap((s) => s.sentences),
    words: stats.reduce((sum, s) => sum + s.words, 0),
    syllables: stats.reduce((sum, s) => sum + s.syllables, 0),
  }
}

/** Flesch-Kincaid grade level of counted text. */
export function fleschKincaidGrade(stats: TextStats): number {
  if (stats.words === 0 || stats.sentences.length === 0) return 0
  return 0.39 * (stats.words / stats.sentences.length) + 11.8 * (stats.syllables / stats.words) - 15.59
}

/** The figures the readability test reports and checks against the budgets. */
export interface ReadabilityReport {
  /** Grade of all the explanatory text together. */
  overallGrade: number
  /** The message with the highest grade, of every message scored. */
  worst: { key: string; grade: number }
  /** Average words per sentence over the explanatory text. */
  averageSentenceLength: number
  /** The longest sentence of every message scored. */
  longest: { key: string; sentence: string; length: number }
  /** Grade of each message. */
  grades: Readonly<Record<string, number>>
}

/**
 * Scores a set of messages.
 * @param messages every message, by key (all are scored one by one)
 * @param explanatoryKeys the keys whose text together must stay under the overall budget
 */
export function readabilityReport<Key extends string>(
  messages: Readonly<Record<Key, string>>,
  explanatoryKeys: readonly Key[],
): ReadabilityReport {
  const entries: [string, string][] = Object.entries(messages)
  const explanatory: readonly string[] = explanatoryKeys
  const stats = entries.map(([key, text]) => ({ key, stats: textStats(text) }))
  const grades: Record<string, number> = {}
  let worst = { key: '', grade: -Infinity }
  let longest = { key: '', sentence: '', length: 0 }
  for (const { key, stats: s } of stats) {
    const grade = fleschKincaidGrade(s)
    grades[key] = grade
    if (grade > worst.grade) worst = { key, grade }
    for (const sentence of s.sentences) {
      if (sentence.length > longest.length) longest = { key, sentence: sentence.join(' '), length: sentence.length }
    }
  }
  const together = combineStats(stats.filter(({ key }) => explanatory.includes(key)).map((s) => s.stats))
  return {
    overallGrade: fleschKincaidGrade(together),
    worst,
    averageSentenceLength: together.words / Math.max(1, together.sentences.length),
    longest,
    grades,
  }
}
