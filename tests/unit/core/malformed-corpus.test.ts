import { ConsentError, createConsentStore } from '@model-consent/core'
import type { ConsentErrorLike, ConsentStorage } from '@model-consent/core'
import { malformedPayloads } from './fixtures/malformed-payloads'

function assertPrototypesClean(): void {
  const probe: Record<string, unknown> = {}
  expect(probe.value).toBeUndefined()
  expect(probe.formatVersion).toBeUndefined()
  expect(probe.decisions).toBeUndefined()
  expect(probe['improve-model']).toBeUndefined()
  expect(Object.keys(Object.prototype)).toEqual([])
  expect(Object.keys(Array.prototype)).toEqual([])
}

describe('malformed stored payloads', () => {
  it('has at least 50 payloads', () => {
    expect(malformedPayloads.length).toBeGreaterThanOrEqual(50)
  })

  describe.each(malformedPayloads.map((payload) => [payload.name, payload] as const))('%s', (_, payload) => {
    it('loads as all off, reports a clear storage-invalid error, never throws and pollutes nothing', async () => {
      const errors: ConsentErrorLike[] = []
      let saved = false
      const storage: ConsentStorage = { load: () => payload.raw, save: () => void (saved = true) }
      const store = createConsentStore({ policyVersion: 'v1', storage, onError: (error) => errors.push(error) })
      await expect(store.ready).resolves.toBeUndefined()

      const snapshot = store.getSnapshot()
      expect(snapshot.status).toBe('ready')
      for (const state of Object.values(snapshot.settings)) {
        expect(state).toMatchObject({ value: false, effective: false, needsReconsent: false })
      }
      expect(Object.keys(snapshot.settings)).toEqual(['improve-model', 'include-audio', 'include-video'])

      expect(errors.length).toBeGreaterThanOrEqual(1)
      for (const error of errors) {
        expect(error).toBeInstanceOf(ConsentError)
        expect(error.code).toBe('storage-invalid')
        expect(error.message).toMatch(/^Some saved choices could not be trusted, so they read off: /)
        expect(error.message.length).toBeLessThan(1_000)
      }
      // Malformed data is left alone until the person saves a choice.
      expect(saved).toBe(false)
      assertPrototypesClean()

      await store.set('improve-model', true)
      expect(store.getSnapshot().settings['improve-model']!.value).toBe(true)
      expect(saved).toBe(true)
    })

    it('ignores the same payload written by another tab and reports it', async () => {
      let notify: (raw: unknown) => void = () => undefined
      let stored: unknown = null
      const errors: ConsentErrorLike[] = []
      const storage: ConsentStorage = {
        load: () => stored,
        save: () => undefined,
        subscribe: (listener) => {
          notify = listener
          return () => undefined
        },
      }
      const store = createConsentStore({ policyVersion: 'v1', storage, onError: (error) => errors.push(error) })
      await store.ready
      const before = store.getSnapshot()
      // Another tab writes it, then tells this one (the notification is only a hint to read again).
      stored = payload.raw
      expect(() => notify(payload.raw)).not.toThrow()
      expect(store.getSnapshot()).toBe(before)
      expect(errors).toEqual([expect.objectContaining({ code: 'storage-invalid', message: expect.stringMatching(/^Some saved choices could not be trusted, so they read off/) })])
      assertPrototypesClean()
    })
  })
})
