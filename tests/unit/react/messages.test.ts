import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fnv1a64 } from '../../../packages/react/src/messages/disclosure-version'
import {
  DISCLOSURE_KEYS,
  ar,
  disclosureVersion,
  en,
  englishDisclosureVersion,
  de,
  es,
  formatMessage,
  fr,
  getDirection,
  ja,
  ptBR,
  resolveLocale,
  resolveMessages,
  supportedLocales,
  type ConsentMessages,
  type MessageKey,
} from '../../../packages/react/src/messages'
import { locales } from '../../../packages/react/src/locales'

/** The raw message objects of each shipped language, as the locale entries wrap them. */
const raw = { en, es, fr, de, 'pt-BR': ptBR, ja, ar } as const

const englishKeys = Object.keys(en).sort()
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
/** Overrides as a JavaScript app could pass them, past the type checker. */
const untyped = (value: Record<string, unknown>) => value as Partial<ConsentMessages>

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('locales', () => {
  it('ships en, es, fr, de, pt-BR, ja and ar', () => {
    expect(supportedLocales).toEqual(['en', 'es', 'fr', 'de', 'pt-BR', 'ja', 'ar'])
  })

  describe.each(supportedLocales)('%s', (locale) => {
    // Read as plain data: what ships at runtime, whatever the types say.
    const messages: Readonly<Record<string, unknown>> = Object.fromEntries(Object.entries(raw[locale]))

    it('has exactly the English keys', () => {
      expect(Object.keys(messages).sort()).toEqual(englishKeys)
    })

    it('has a non-empty string for every key', () => {
      for (const key of englishKeys) {
        const value = messages[key]
        expect(typeof value, key).toBe('string')
        expect(String(value).trim(), key).not.toBe('')
      }
    })

    it('keeps the same placeholders as English in every message', () => {
      for (const key of englishKeys as MessageKey[]) {
        expect(placeholders(raw[locale][key]), key).toEqual(placeholders(en[key]))
      }
    })
  })
})

describe('resolveLocale', () => {
  it.each(supportedLocales)('returns the shipped locale %s as it is', (locale) => {
    expect(resolveLocale(locale)).toBe(locale)
  })

  it.each([
    ['PT-br', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['FR', 'fr'],
    [' ja ', 'ja'],
  ])('matches %j exactly, ignoring case, "_" and spaces', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected)
  })

  it.each([
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['ar-EG', 'ar'],
    ['en-GB', 'en'],
    ['de-CH', 'de'],
    ['fr-CA', 'fr'],
    ['ja-JP', 'ja'],
  ])('maps %s to %s by its language', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected)
  })

  it('uses English without a warning when no locale is given', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolveLocale()).toBe('en')
    expect(resolveLocale('')).toBe('en')
    expect(warn).not.toHaveBeenCalled()
  })

  it('does not warn for a locale it can match by language', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    resolveLocale('es-MX')
    expect(warn).not.toHaveBeenCalled()
  })

  it('falls back to English with one development warning per unknown locale', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolveLocale('xx-fallback-1')).toBe('en')
    expect(resolveLocale('xx-fallback-1')).toBe('en')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"xx-fallback-1"'))
    expect(resolveLocale('zh-Hant-TW')).toBe('en')
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('"zh-Hant-TW"'))
  })

  it('does not warn in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolveLocale('xx-production')).toBe('en')
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('resolveMessages', () => {
  it('returns the English messages without arguments', () => {
    expect(resolveMessages()).toBe(en)
  })

  it('returns the messages of a locale set as they are', () => {
    expect(resolveMessages(locales.ar)).toBe(locales.ar)
    expect(resolveMessages(locales['pt-BR']).title).toBe('Melhorar o modelo para todos')
  })

  it('returns the built-in English for an English tag, without a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolveMessages('en-US')).toBe(en)
    expect(warn).not.toHaveBeenCalled()
  })

  it('shows English for the tag of a locale whose set is not passed, warning with the import to add', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolveMessages('ar-EG')).toBe(en)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("import { ar } from '@model-consent/react/locales/ar'"))
  })

  it('puts overrides on top of the locale', () => {
    const messages = resolveMessages(locales.de, { learnMore: 'Datenschutz' })
    expect(messages.learnMore).toBe('Datenschutz')
    expect(messages.title).toBe(locales.de.title)
    expect(locales.de.learnMore).toBe('Mehr erfahren')
  })

  it('puts overrides on top of English for an unknown locale', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(resolveMessages('xx-overrides', { retry: 'Retry' })).toEqual({ ...en, retry: 'Retry' })
  })

  it('ignores overrides set to undefined', () => {
    expect(resolveMessages(locales.fr, { title: undefined })).toBe(locales.fr)
  })

  it('ignores an unknown key with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const messages = resolveMessages('en', untyped({ titel: 'Typo' }))
    expect(messages).toEqual(en)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"titel"'))
  })

  it.each([
    [42, '42'],
    [null, 'null'],
    [true, 'true'],
    [{ text: 'Hi' }, '{"text":"Hi"}'],
  ])('throws a TypeError naming the key and the value %j', (value, shown) => {
    const resolve = () => resolveMessages('en', untyped({ summaryOn: value }))
    expect(resolve).toThrow(TypeError)
    expect(resolve).toThrow(`Message "summaryOn" must be a string, but got ${shown}.`)
  })
})

describe('getDirection', () => {
  it.each(['ar', 'ar-EG', 'AR', 'he', 'he-IL', 'iw', 'fa', 'fa-IR', 'ur', 'az-Arab'])('is rtl for %s', (locale) => {
    expect(getDirection(locale)).toBe('rtl')
  })

  it.each(['en', 'es', 'fr', 'de', 'pt-BR', 'ja', 'arn', 'az-Latn', ''])('is ltr for %j', (locale) => {
    expect(getDirection(locale)).toBe('ltr')
  })

  it('is ltr without a locale', () => {
    expect(getDirection()).toBe('ltr')
  })
})

describe('formatMessage', () => {
  it('fills the date and leaves unknown placeholders', () => {
    expect(formatMessage(en.decisionOn, { date: '3 March 2025' })).toBe('On since 3 March 2025')
    expect(formatMessage('{who} since {date}', { date: 'today' })).toBe('{who} since today')
  })
})

describe('disclosureVersion', () => {
  const nonDisclosureKeys = (Object.keys(en) as MessageKey[]).filter(
    (key) => !(DISCLOSURE_KEYS as readonly MessageKey[]).includes(key),
  )

  it('is this exact value for the English disclosure', () => {
    // Changing the English disclosure words must change this value: update it on purpose,
    // and expect people to be asked again if an app uses it in policyVersion.
    expect(englishDisclosureVersion).toBe('disclosure-3c218276b77de46a')
  })

  it('is the same for English however it is asked for', () => {
    expect(disclosureVersion()).toBe(englishDisclosureVersion)
    expect(disclosureVersion('en')).toBe(englishDisclosureVersion)
    expect(disclosureVersion(en)).toBe(englishDisclosureVersion)
    expect(disclosureVersion({ ...en })).toBe(englishDisclosureVersion)
  })

  it('does not depend on the order of the keys in the object', () => {
    const reversed = Object.fromEntries(Object.entries(en).reverse()) as unknown as ConsentMessages
    expect(disclosureVersion(reversed)).toBe(englishDisclosureVersion)
  })

  it.each(DISCLOSURE_KEYS)('changes when %s changes', (key) => {
    expect(disclosureVersion({ ...en, [key]: `${en[key]} ` })).not.toBe(englishDisclosureVersion)
  })

  it.each(nonDisclosureKeys)('stays the same when %s changes', (key) => {
    expect(disclosureVersion({ ...en, [key]: 'Something else' })).toBe(englishDisclosureVersion)
  })

  it('leaves out status text, errors, buttons and the reconsent notice', () => {
    expect(nonDisclosureKeys).toEqual(
      expect.arrayContaining(['retry', 'pending', 'saved', 'errorStillOn', 'errorStillOff', 'cancel', 'reconsent']),
    )
  })

  it('differs between locales', () => {
    const versions = supportedLocales.map((locale) => disclosureVersion(locales[locale]))
    expect(new Set(versions).size).toBe(supportedLocales.length)
  })

  it('follows overrides of the disclosure words', () => {
    const messages = resolveMessages('en', { summaryOn: 'We may use your chats to train our models.' })
    expect(disclosureVersion(messages)).not.toBe(englishDisclosureVersion)
  })

  it('throws a TypeError when a disclosure message is missing', () => {
    const { detailsMedia: _, ...incomplete } = en
    expect(() => disclosureVersion(incomplete as ConsentMessages)).toThrow(TypeError)
  })

  it('hashes with FNV-1a 64 (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325')
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64('foobar')).toBe('85944171f73967e8')
  })

  it('hashes text as UTF-8', () => {
    const text = 'تحسين النموذج · すべて · é · 😀'
    expect(fnv1a64(text)).toBe(fnv1a64Bytes(new TextEncoder().encode(text)))
  })

  it('matches a BigInt FNV-1a 64 over TextEncoder bytes for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => fnv1a64(text) === fnv1a64Bytes(new TextEncoder().encode(text))),
      { numRuns: 2000 },
    )
  })

  it('gives each shipped locale the version of a fresh copy of its words', () => {
    for (const locale of supportedLocales) {
      expect(disclosureVersion(locales[locale])).toBe(disclosureVersion({ ...raw[locale] }))
      expect(disclosureVersion(locales[locale])).toBe(disclosureVersion(locales[locale]))
    }
  })

  it('ships frozen message sets, so a cached version can never go stale', () => {
    for (const locale of supportedLocales) {
      expect(Object.isFrozen(locales[locale])).toBe(true)
      expect(Object.isFrozen(raw[locale])).toBe(true)
    }
    expect(() => {
      ;(en as { title: string }).title = 'Changed'
    }).toThrow(TypeError)
    expect(disclosureVersion(en)).toBe(englishDisclosureVersion)
  })

  it('versions words changed in place on an unfrozen copy', () => {
    const copy = { ...en }
    const before = disclosureVersion(copy)
    copy.summaryOn = 'Something else'
    expect(disclosureVersion(copy)).not.toBe(before)
  })
})

/** Reference FNV-1a 64 over raw bytes, to check the hand-written UTF-8 encoder. */
function fnv1a64Bytes(bytes: Uint8Array): string {
  let hash = 0xcbf29ce484222325n
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n)
  return hash.toString(16).padStart(16, '0')
}
