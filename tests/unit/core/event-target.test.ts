import { createConsentStore, memoryStorage } from '@model-consent/core'
import type { ConsentChangeEvent } from '@model-consent/core'
import { decision, storedText } from './support/stored'

function listen(target: EventTarget): ConsentChangeEvent[] {
  const received: ConsentChangeEvent[] = []
  target.addEventListener('consent-change', (event) => {
    expect(event).toBeInstanceOf(CustomEvent)
    received.push((event as CustomEvent<ConsentChangeEvent>).detail)
  })
  return received
}

describe('createConsentStore with an eventTarget', () => {
  it('dispatches each change as a consent-change CustomEvent carrying the same frozen payload', async () => {
    const eventTarget = new EventTarget()
    const dispatched = listen(eventTarget)
    const store = createConsentStore({ policyVersion: 'v1', eventTarget })
    const handled: ConsentChangeEvent[] = []
    store.onConsentChange((event) => handled.push(event))
    await store.set('improve-model', true, { source: 'api' })
    expect(dispatched).toHaveLength(1)
    expect(dispatched[0]).toBe(handled[0])
    expect(dispatched[0]).toMatchObject({ type: 'consent-change', setting: 'improve-model', value: true, source: 'api' })
    expect(Object.isFrozen(dispatched[0])).toBe(true)
  })

  it('works with a DOM node so a tag manager can listen on document', async () => {
    const received = listen(document)
    const store = createConsentStore({ policyVersion: 'v1', eventTarget: document })
    await store.set('improve-model', true)
    await store.set('include-audio', true)
    await store.set('improve-model', false)
    expect(received.map((e) => `${e.setting}:${e.value}:${e.source}`)).toEqual([
      'improve-model:true:user',
      'include-audio:true:user',
      'improve-model:false:user',
      'include-audio:false:cascade',
    ])
  })

  it('dispatches policy lapses before ready resolves', async () => {
    const eventTarget = new EventTarget()
    const received = listen(eventTarget)
    const storage = memoryStorage(storedText({ 'improve-model': decision(true, 'v1') }))
    const store = createConsentStore({ policyVersion: 'v2', storage, eventTarget })
    await store.ready
    expect(received).toEqual([expect.objectContaining({ setting: 'improve-model', source: 'policy', value: false, previousValue: true })])
  })

  it('reports an eventTarget whose dispatchEvent throws, and still resolves ready and sets and delivers every event', async () => {
    const errors: unknown[] = []
    const handled: string[] = []
    const eventTarget = { dispatchEvent: () => { throw new Error('tag manager down') } } as unknown as EventTarget
    const storage = memoryStorage(storedText({ 'improve-model': decision(true, 'v2'), 'include-audio': decision(true, 'v1') }))
    const store = createConsentStore({ policyVersion: 'v2', storage, eventTarget, onError: (error) => errors.push(error) })
    store.onConsentChange((event) => handled.push(`${event.setting}:${event.value}:${event.source}`))
    await expect(store.ready).resolves.toBeUndefined()
    await expect(store.set('include-video', true)).resolves.toBeUndefined()
    await expect(store.set('improve-model', false)).resolves.toBeUndefined()
    expect(handled).toEqual(['include-audio:false:policy', 'include-video:true:user', 'improve-model:false:user', 'include-video:false:cascade'])
    expect(errors).toHaveLength(4)
    expect(errors).toEqual(Array(4).fill(expect.objectContaining({ code: 'listener-failed' })))
  })

  it('dispatches nothing when nothing changed or a save failed', async () => {
    const eventTarget = new EventTarget()
    const received = listen(eventTarget)
    const store = createConsentStore({
      policyVersion: 'v1',
      eventTarget,
      onError: () => undefined,
      storage: {
        load: () => null,
        save: () => {
          throw new Error('disk full')
        },
      },
    })
    await store.set('improve-model', false)
    await expect(store.set('improve-model', true)).rejects.toMatchObject({ code: 'save-failed' })
    expect(received).toEqual([])
  })

  it('dispatches nothing after destroy, even for a save that was still queued', async () => {
    const eventTarget = new EventTarget()
    const received = listen(eventTarget)
    let release: () => void = () => undefined
    const store = createConsentStore({
      policyVersion: 'v1',
      eventTarget,
      storage: { load: () => null, save: () => new Promise<void>((resolve) => (release = resolve)) },
    })
    await store.ready
    const saving = store.set('improve-model', true)
    store.destroy()
    release()
    await saving
    expect(received).toEqual([])
  })

  it('throws a TypeError for an eventTarget that cannot dispatch', () => {
    expect(() => createConsentStore({ policyVersion: 'v1', eventTarget: {} as EventTarget })).toThrow(
      /eventTarget must be an EventTarget, got \{\}/,
    )
  })
})
