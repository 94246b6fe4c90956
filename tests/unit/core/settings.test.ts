import { createConsentStore, modelImprovementSettings } from '@model-consent/core'
import type { SettingDefinition } from '@model-consent/core'

const create = (settings: readonly SettingDefinition[]) => createConsentStore({ policyVersion: 'v1', settings })

describe('modelImprovementSettings', () => {
  it('ships improve-model with audio and video opt-ins that require it', () => {
    expect(modelImprovementSettings).toEqual([
      { id: 'improve-model' },
      { id: 'include-audio', requires: 'improve-model' },
      { id: 'include-video', requires: 'improve-model' },
    ])
    expect(Object.isFrozen(modelImprovementSettings)).toBe(true)
  })

  it('is the default, with requires normalised to a list', () => {
    const store = createConsentStore({ policyVersion: 'v1' })
    expect(store.definitions).toEqual([
      { id: 'improve-model', requires: [] },
      { id: 'include-audio', requires: ['improve-model'] },
      { id: 'include-video', requires: ['improve-model'] },
    ])
  })
})

describe('custom settings', () => {
  it('accepts requires as a single id or a list', async () => {
    const store = create([{ id: 'a' }, { id: 'b' }, { id: 'c', requires: 'a' }, { id: 'd', requires: ['a', 'b'] }])
    expect(store.definitions.find((d) => d.id === 'd')!.requires).toEqual(['a', 'b'])
    await store.set('a', true)
    await store.set('c', true)
    await expect(store.set('d', true)).rejects.toMatchObject({ code: 'requirement-off', message: expect.stringContaining('"b"') })
    await store.set('b', true)
    await store.set('d', true)
    expect(store.getSnapshot().settings['d']).toMatchObject({ value: true, effective: true })
  })

  it('orders parents before children whatever order they are given in', () => {
    const store = create([{ id: 'child', requires: 'parent' }, { id: 'parent' }])
    expect(store.definitions.map((d) => d.id)).toEqual(['parent', 'child'])
  })

  it('turns every transitive dependent off when a root is turned off', async () => {
    const store = create([{ id: 'a' }, { id: 'b', requires: 'a' }, { id: 'c', requires: 'b' }])
    const sources: string[] = []
    store.onConsentChange((event) => sources.push(`${event.setting}:${event.source}`))
    await store.set('a', true)
    await store.set('b', true)
    await store.set('c', true)
    sources.length = 0
    await store.set('a', false)
    expect(sources).toEqual(['a:user', 'b:cascade', 'c:cascade'])
  })

  it('shows a dependent as not effective while a transitive requirement is off', async () => {
    const store = create([{ id: 'a' }, { id: 'b', requires: 'a' }, { id: 'c', requires: 'b' }])
    await store.set('a', true)
    await store.set('b', true)
    await store.set('c', true)
    expect(store.getSnapshot().settings['c']!.effective).toBe(true)
  })

  describe('when invalid', () => {
    it.each([
      ['an unknown single requires', [{ id: 'a', requires: 'ghost' }], /setting "a" requires unknown setting "ghost"/],
      ['an unknown id in a requires list', [{ id: 'a' }, { id: 'b', requires: ['a', 'ghost'] }], /"b" requires unknown setting "ghost"/],
      ['a setting that requires itself', [{ id: 'a', requires: 'a' }], /cycle: a -> a/],
      ['a two-setting cycle as ids', [{ id: 'a', requires: 'b' }, { id: 'b', requires: 'a' }], /cycle: a -> b -> a/],
      ['a three-setting cycle as lists', [{ id: 'a', requires: ['c'] }, { id: 'b', requires: ['a'] }, { id: 'c', requires: ['b'] }], /cycle: a -> c -> b -> a/],
      ['a duplicate id', [{ id: 'a' }, { id: 'a' }], /"a" is defined twice/],
      ['an empty id', [{ id: '' }], /setting id must be a non-empty string/],
      ['a requires that is a number', [{ id: 'a', requires: 3 }], /requires of "a" must be a setting id or a list of ids, got 3/],
      ['an empty list', [], /settings must be a non-empty array/],
    ])('throws a TypeError naming %s', (_, settings, message) => {
      expect(() => create(settings as unknown as SettingDefinition[])).toThrow(TypeError)
      expect(() => create(settings as unknown as SettingDefinition[])).toThrow(message)
    })
  })
})
