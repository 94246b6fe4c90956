import { cascade, mergeDecision, mergeRecords } from '../../../packages/core/src/merge'
import { createSettingGraph, modelImprovementSettings } from '../../../packages/core/src/settings'
import type { ConsentDecision } from '@model-consent/core'
import { decision } from './support/stored'

const at = (time: string, value: boolean, source: ConsentDecision['source'] = 'user', policyVersion = 'v1') => decision(value, policyVersion, source, time)
const graph = createSettingGraph(modelImprovementSettings)

describe('mergeDecision', () => {
  it('keeps the later decision, whichever side it is on', () => {
    const older = at('2026-01-01T00:00:00.000Z', false)
    const newer = at('2026-01-01T00:00:00.001Z', true)
    expect(mergeDecision(older, newer)).toBe(newer)
    expect(mergeDecision(newer, older)).toBe(newer)
  })

  it('compares instants, not text: a time zone offset counts', () => {
    const utc = at('2026-01-01T10:00:00.000Z', true)
    const earlierInParis = at('2026-01-01T10:30:00+01:00', false)
    expect(mergeDecision(utc, earlierInParis)).toBe(utc)
  })

  it('lets off win a tie', () => {
    const on = at('2026-01-01T00:00:00.000Z', true)
    const off = at('2026-01-01T00:00:00.000Z', false)
    expect(mergeDecision(on, off)).toBe(off)
    expect(mergeDecision(off, on)).toBe(off)
  })

  it('settles ties of equal value the same way in either order, and keeps a lone decision', () => {
    const api = at('2026-01-01T00:00:00.000Z', true, 'api')
    const user = at('2026-01-01T00:00:00.000Z', true, 'user')
    expect(mergeDecision(api, user)).toBe(mergeDecision(user, api))
    expect(mergeDecision(undefined, api)).toBe(api)
    expect(mergeDecision(api, undefined)).toBe(api)
  })
})

describe('mergeRecords', () => {
  it('merges setting by setting and is commutative and idempotent', () => {
    const a = new Map([['improve-model', at('2026-01-02T00:00:00.000Z', false)], ['include-video', at('2026-01-01T00:00:00.000Z', true)]])
    const b = new Map([['improve-model', at('2026-01-01T00:00:00.000Z', true)], ['include-audio', at('2026-01-03T00:00:00.000Z', true)]])
    const ab = mergeRecords(a, b)
    expect(Object.fromEntries(ab)).toEqual(Object.fromEntries(mergeRecords(b, a)))
    expect(Object.fromEntries(mergeRecords(ab, b))).toEqual(Object.fromEntries(ab))
    expect(ab.get('improve-model')?.value).toBe(false)
    expect(ab.get('include-audio')?.value).toBe(true)
    expect(ab.get('include-video')?.value).toBe(true)
  })
})

describe('cascade', () => {
  it('reads a dependent off while its parent is off, dated so that it beats the opt-in it replaces', () => {
    const decisions = new Map([
      ['improve-model', at('2026-01-02T00:00:00.000Z', false)],
      ['include-audio', at('2026-01-03T00:00:00.000Z', true)],
    ])
    const result = cascade(decisions, graph, 'v1')
    const audio = result.get('include-audio')!
    expect(audio).toEqual({ value: false, decidedAt: '2026-01-03T00:00:00.000Z', policyVersion: 'v1', source: 'cascade' })
    expect(mergeDecision(decisions.get('include-audio'), audio)).toBe(audio)
  })

  it('lapses opt-ins of another policy version the same way wherever it runs', () => {
    const decisions = new Map([['improve-model', at('2026-01-02T00:00:00.000Z', true, 'user', 'v0')]])
    const first = cascade(decisions, graph, 'v1')
    expect(first.get('improve-model')).toEqual({ value: false, decidedAt: '2026-01-02T00:00:00.000Z', policyVersion: 'v1', source: 'policy' })
    expect(cascade(decisions, graph, 'v1')).toEqual(first)
  })

  it('leaves valid decisions as they are (the same objects)', () => {
    const on = at('2026-01-02T00:00:00.000Z', true)
    expect(cascade(new Map([['improve-model', on]]), graph, 'v1').get('improve-model')).toBe(on)
  })
})
