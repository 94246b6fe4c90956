/**
 * What a screen-reader user hears, with @guidepup/virtual-screen-reader over jsdom (issue 12).
 * The assertions are about what matters (role, name, state, description, live announcements) in
 * the order they come, not about every word of the simulator's wording: it speaks Radix's hidden
 * `value="on"` as a value, and repeats alert-dialog text as a live region, which real screen
 * readers do differently.
 */
import { Virtual } from '@guidepup/virtual-screen-reader'
import { createConsentStore, memoryStorage, type ConsentStore } from '@model-consent/core'
import { ModelImprovementSetting, type ModelImprovementSettingProps } from '@model-consent/react'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach } from 'vitest'
import { heldStorage } from '../../support/held-storage'

const TITLE = 'Improve the model for everyone'
const SUMMARY_OFF = 'We do not use your conversations to train our models.'
const SUMMARY_ON = 'We may use your conversations to train our models.'
const NEEDS_MAIN = 'Turn on Improve the model for everyone first.'
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A switch phrase: its role and name first, its description somewhere, its state last. */
const switchSaying = (name: string, state: 'checked' | 'not checked', description = '') =>
  new RegExp(`^switch, ${escape(name)}, .*${escape(description)}.*, ${state}(, busy|, disabled)*$`)

let virtual: Virtual
afterEach(async () => {
  await virtual?.stop()
})

async function listen() {
  virtual = new Virtual()
  await virtual.start({ container: document.body })
}

/** Reads the page from the top to the last item once (the simulator wraps around at the end). */
async function readAll(): Promise<string[]> {
  await virtual.clearSpokenPhraseLog()
  let previous = ''
  for (let step = 0; step < 80; step++) {
    await virtual.next()
    const phrase = await virtual.lastSpokenPhrase()
    if (phrase === 'end of document' || (step > 0 && phrase === 'document')) break
    if (phrase === previous && phrase === 'status') break
    previous = phrase
  }
  return virtual.spokenPhraseLog()
}

/** Asserts that `log` contains phrases matching `expected`, in that order (other phrases may come between). */
function expectInOrder(log: string[], expected: Array<string | RegExp>): void {
  let from = 0
  for (const pattern of expected) {
    const index = log.findIndex(
      (phrase, i) => i >= from && (typeof pattern === 'string' ? phrase.includes(pattern) : pattern.test(phrase)),
    )
    if (index === -1) {
      throw new Error(`Expected to hear ${String(pattern)} after phrase ${from} of:\n${log.map((p, i) => `${i}: ${p}`).join('\n')}`)
    }
    from = index + 1
  }
}

async function heard(): Promise<string[]> {
  const log = await virtual.spokenPhraseLog()
  await virtual.clearSpokenPhraseLog()
  return log
}

/** Moves the virtual cursor to the main switch the way a screen-reader user would: Tab. */
async function tabToMainSwitch(): Promise<void> {
  await virtual.press('Tab')
  await waitFor(() => expect(screen.getByRole('switch', { name: TITLE })).toHaveFocus())
}

async function heldStore(): Promise<{ store: ConsentStore; saves: ReturnType<typeof heldStorage>['saves'] }> {
  const { storage, saves } = heldStorage()
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
  await store.ready
  return { store, saves }
}

function renderSetting(props: ModelImprovementSettingProps = {}) {
  return render(<ModelImprovementSetting learnMoreHref="/privacy" {...props} />)
}

describe('spoken output of ModelImprovementSetting', () => {
  it('reads top to bottom: heading, switch with state and summary, disclosure, link, recordings and why they wait', async () => {
    renderSetting()
    await listen()
    expectInOrder(await readAll(), [
      `heading, ${TITLE}, level 3`,
      switchSaying(TITLE, 'not checked', SUMMARY_OFF),
      SUMMARY_OFF,
      /^button, What does this mean\?, .*not expanded$/,
      'link, Learn more',
      'group, Recordings',
      NEEDS_MAIN,
      switchSaying('Include audio recordings', 'not checked', NEEDS_MAIN),
      switchSaying('Include video recordings', 'not checked', NEEDS_MAIN),
      'status',
    ])
    const audio = (await virtual.spokenPhraseLog()).find((phrase) => phrase.startsWith('switch, Include audio'))
    expect(audio).toMatch(/disabled$/) // aria-disabled, yet reached by the reading cursor and by Tab
  })

  it('turns on through the confirmation: dialog with its description, focus on Cancel, then the switch says checked', async () => {
    const user = userEvent.setup()
    renderSetting()
    await listen()
    await tabToMainSwitch()
    await heard()
    await virtual.act()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus())
    expectInOrder(await heard(), [
      /^alertdialog, Turn on model training\?, We may use your conversations to train models for everyone\. You can turn this off at any time\., modal$/,
      'button, Cancel',
    ])
    await user.keyboard('{Tab}')
    expectInOrder(await heard(), ['button, Turn on'])
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('switch', { name: TITLE })).toHaveFocus())
    expectInOrder(await heard(), [switchSaying(TITLE, 'checked', SUMMARY_ON)])
  })

  it('cancelling says the switch again, still not checked', async () => {
    const user = userEvent.setup()
    renderSetting()
    await listen()
    await tabToMainSwitch()
    await virtual.act()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus())
    await heard()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    const log = await heard()
    expectInOrder(log, [switchSaying(TITLE, 'not checked', SUMMARY_OFF)])
    expect(log.some((phrase) => switchSaying(TITLE, 'checked').test(phrase))).toBe(false)
  })

  it('says "Saving your choice…", then "Your choice is saved." politely', async () => {
    const { store, saves } = await heldStore()
    renderSetting({ store, confirm: 'never' })
    await listen()
    await tabToMainSwitch()
    await heard()
    await virtual.act()
    await waitFor(() => expect(saves).toHaveLength(1))
    await act(async () => saves[0]!.resolve())
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your choice is saved.'))
    expectInOrder(await heard(), [
      'polite: Saving your choice…',
      'polite: Your choice is saved.',
    ])
  })

  it('says "Please wait" when the switch is pressed again while saving', async () => {
    const { store, saves } = await heldStore()
    renderSetting({ store, confirm: 'never' })
    await listen()
    await tabToMainSwitch()
    await virtual.act()
    await waitFor(() => expect(saves).toHaveLength(1))
    await heard()
    await virtual.act()
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Please wait'))
    expectInOrder(await heard(), ['polite: Please wait. We are still saving your last choice.'])
    await act(async () => saves[0]!.resolve())
    expect(saves).toHaveLength(1) // the press was not queued
  })

  it('reads a failed save as an alert; Try again keeps focus there, then returns to the switch with its new state', async () => {
    const { store, saves } = await heldStore()
    renderSetting({ store, confirm: 'never' })
    await listen()
    await tabToMainSwitch()
    await virtual.act()
    await waitFor(() => expect(saves).toHaveLength(1))
    await act(async () => saves[0]!.reject(new Error('offline')))
    await waitFor(() => expect(screen.getByRole('alert')).toBeInTheDocument())
    // The simulator announces changes inside live regions that already exist, but not a role="alert"
    // element being inserted (screen readers announce that through the alert event); so read it.
    expectInOrder(await readAll(), ['alert', "We couldn't save your choice. It is still off.", 'button, Try again'])

    const retry = screen.getByRole('button', { name: 'Try again' })
    act(() => retry.focus())
    await heard()
    await virtual.act()
    await waitFor(() => expect(saves).toHaveLength(2))
    expect(retry).toHaveFocus()
    expect(retry).toHaveAttribute('aria-disabled', 'true')
    expectInOrder(await heard(), ['polite: Saving your choice…'])
    await act(async () => saves[1]!.resolve())
    await waitFor(() => expect(screen.getByRole('switch', { name: TITLE })).toHaveFocus())
    expectInOrder(await heard(), [switchSaying(TITLE, 'checked', SUMMARY_ON), 'polite: Your choice is saved.'])
  })

  it('announces the alert again when Try again fails too, with focus still on Try again', async () => {
    const { store, saves } = await heldStore()
    renderSetting({ store, confirm: 'never' })
    await listen()
    await tabToMainSwitch()
    await virtual.act()
    await waitFor(() => expect(saves).toHaveLength(1))
    await act(async () => saves[0]!.reject(new Error('offline')))
    const retry = await screen.findByRole('button', { name: 'Try again' })
    act(() => retry.focus())
    await virtual.act()
    await waitFor(() => expect(saves).toHaveLength(2))
    await heard()
    await act(async () => saves[1]!.reject(new Error('still offline')))
    await waitFor(() => expect(retry).not.toHaveAttribute('aria-disabled'))
    expectInOrder(await heard(), ["assertive: We couldn't save your choice. It is still off."])
    expect(retry).toHaveFocus()
  })

  it('reads the re-consent notice, and the switch is described by it', async () => {
    const storage = memoryStorage({
      formatVersion: 1,
      decisions: { 'improve-model': { value: true, decidedAt: '2026-01-05T09:00:00.000Z', policyVersion: 'v1', source: 'user' } },
    })
    const store = createConsentStore({ policyVersion: 'v2', storage })
    await store.ready
    renderSetting({ store })
    await listen()
    const notice = 'Our policy has changed, so we turned this off.'
    expectInOrder(await readAll(), [switchSaying(TITLE, 'not checked', notice), notice])
  })

  it('the recordings, while the main setting is off, say why and do nothing when pressed', async () => {
    renderSetting()
    await listen()
    const audio = screen.getByRole('switch', { name: 'Include audio recordings' })
    act(() => audio.focus())
    expectInOrder(await heard(), [switchSaying('Include audio recordings', 'not checked', NEEDS_MAIN)])
    await virtual.act()
    await virtual.press('Space')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(audio).toHaveAttribute('aria-checked', 'false')
    expect(audio).toHaveFocus()
  })
})
