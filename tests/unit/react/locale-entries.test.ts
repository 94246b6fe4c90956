import { defineLocale, disclosureVersion, supportedLocales } from '@model-consent/react'
import { locales } from '@model-consent/react/locales'
import arDefault, { ar } from '@model-consent/react/locales/ar'
import { de } from '@model-consent/react/locales/de'
import { en } from '@model-consent/react/locales/en'
import { es } from '@model-consent/react/locales/es'
import { fr } from '@model-consent/react/locales/fr'
import { ja } from '@model-consent/react/locales/ja'
import { ptBR } from '@model-consent/react/locales/pt-br'
import { en as englishMessages, fr as frenchMessages } from '../../../packages/react/src/messages'

const entries = { en, es, fr, de, 'pt-BR': ptBR, ja, ar } as const

describe('the locale entries', () => {
  it.each(supportedLocales)('%s: a frozen, complete message set carrying its tag and direction', (tag) => {
    const set = entries[tag]
    expect(set.locale).toBe(tag)
    expect(set.dir).toBe(tag === 'ar' ? 'rtl' : 'ltr')
    expect(Object.isFrozen(set)).toBe(true)
    for (const key of Object.keys(englishMessages)) expect(typeof (set as unknown as Record<string, unknown>)[key], key).toBe('string')
    expect(locales[tag]).toBe(set)
  })

  it('carry the words of the message files', () => {
    expect(fr.title).toBe(frenchMessages.title)
    expect(disclosureVersion(fr)).toBe(disclosureVersion(frenchMessages))
  })

  it('also export the set as the default export', () => {
    expect(arDefault).toBe(ar)
  })
})

describe('defineLocale', () => {
  it('re-tags a shipped set, keeping its words, with the direction of the tag', () => {
    const frCA = defineLocale('fr-CA', fr)
    expect(frCA).toMatchObject({ locale: 'fr-CA', dir: 'ltr', title: fr.title })
    expect(Object.isFrozen(frCA)).toBe(true)
    expect(defineLocale('he', en)).toMatchObject({ locale: 'he', dir: 'rtl' })
    expect(defineLocale('en-x', en, 'rtl').dir).toBe('rtl')
  })

  it('refuses a missing message with a TypeError naming the key', () => {
    const { retry: _, ...incomplete } = en
    expect(() => defineLocale('it', incomplete as typeof en)).toThrow(/message "retry" must be a string, but got undefined/)
  })

  it('refuses a bad tag or direction with a TypeError naming the value', () => {
    expect(() => defineLocale('', en)).toThrow(TypeError)
    expect(() => defineLocale(7 as unknown as string, en)).toThrow(/but got 7/)
    expect(() => defineLocale('it', en, 'up' as 'ltr')).toThrow(/dir must be "ltr" or "rtl", but got "up"/)
  })
})
