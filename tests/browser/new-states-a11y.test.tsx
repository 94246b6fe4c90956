/**
 * The UI states the session's fixes added, each checked in real Chromium against WCAG 2.2 AA and
 * the kit's 7:1 text contrast: the store-backed loading state, the refusal notice for a recording
 * confirmed after the main setting went off, the "one change at a time" notice, the failed-save
 * alert going away by itself, the prompt handing focus on when it goes away, and lang/dir on
 * ConsentExplainer and ConsentConfirmDialog used alone. Each state in light and dark, Arabic RTL,
 * forced colours, reduced motion, 320 CSS px (400 % zoom of 1280) with no horizontal scrolling and
 * nothing clipped, focus visible and not obscured where focus moves, and 44×44 targets.
 */
import { createConsentStore, type ConsentStorage, type ConsentStore, type StoredConsent } from '@model-consent/core'
import { ConsentConfirmDialog, ConsentExplainer, ModelImprovementPrompt, ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { useState, type ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'
import { emulate, violations } from '../support/browser-a11y'

const EN_TITLE = 'Improve the model for everyone'
const active = () => document.activeElement as HTMLElement
const slot = (name: string, root: ParentNode = document) => root.querySelector(`[data-slot="${name}"]`) as HTMLElement
const status = () => slot('status')
const decided = (value: boolean, decidedAt: string) => ({ value, decidedAt, policyVersion: 'v1', source: 'user' }) as const

afterEach(async () => {
  await emulate([])
  await page.viewport(1280, 720)
})

/** Storage a test drives: held loads and saves, and a hook to simulate another tab's save. */
function drivenStorage(initial: StoredConsent | null, { holdLoad = false, holdSaves = false } = {}) {
  let data = initial
  let notify: (next: unknown) => void = () => {}
  const saves: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  const storage: ConsentStorage = {
    load: () => (holdLoad ? new Promise(() => {}) : data),
    save: (next) => (holdSaves ? new Promise<void>((resolve, reject) => void saves.push({ resolve, reject })) : void (data = next)),
    subscribe: (listener) => {
      notify = listener
      return () => {}
    },
  }
  const fromAnotherTab = (next: StoredConsent) => {
    data = next
    notify(next)
  }
  return { storage, saves, fromAnotherTab }
}
const mainOn = (): StoredConsent => ({ formatVersion: 1, decisions: { 'improve-model': decided(true, '2026-11-26T10:00:00.000Z') } })
const later = () => new Date(Date.now() + 1000).toISOString()

/** `system dark`: no data-theme, the theme follows prefers-color-scheme: dark. */
type Env = { theme: 'light' | 'dark' | 'system dark'; rtl: boolean }
const ENVS: Env[] = [
  { theme: 'light', rtl: false },
  { theme: 'dark', rtl: false },
  { theme: 'light', rtl: true },
  { theme: 'dark', rtl: true },
  { theme: 'system dark', rtl: false },
]
const envName = ({ theme, rtl }: Env) => `${theme}${rtl ? ', Arabic RTL' : ''}`
/** A themed page around the component, painting the page background so axe sees the real one. */
function Page({ env, children }: { env: Env; children: ReactNode }) {
  const dark = env.theme !== 'light'
  return (
    <div data-theme={env.theme === 'system dark' ? undefined : env.theme} data-slot="page" style={{ background: dark ? 'rgb(20, 22, 27)' : 'white', padding: 8 }}>
      {children}
    </div>
  )
}
const localeOf = (env: Env) => (env.rtl ? ar : undefined)

/** Nothing scrolls sideways, and no element of `root` is cut off by its own box or the viewport. */
function reflowProblems(root: Element): string[] {
  const problems: string[] = []
  const doc = document.documentElement
  if (doc.scrollWidth > doc.clientWidth) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`)
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const box = element.getBoundingClientRect()
    if (box.width === 0 && box.height === 0) continue
    if (getComputedStyle(element).position === 'absolute' && element.textContent === '') continue
    if (box.left < -0.5 || box.right > doc.clientWidth + 0.5) problems.push(`${element.getAttribute('data-slot') ?? element.tagName} outside the viewport: ${box.left}..${box.right}`)
    if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && getComputedStyle(element).overflowX !== 'visible')
      problems.push(`${element.getAttribute('data-slot') ?? element.tagName} clips its content sideways`)
  }
  return problems
}

/** Focus is drawn (an outline of at least 2 px, not none) and its element is on screen, not under anything. */
function focusProblems(element: HTMLElement): string[] {
  const problems: string[] = []
  if (!element.matches(':focus-visible')) problems.push('not :focus-visible')
  const style = getComputedStyle(element)
  // The kit's own controls draw a 2 px or wider outline; a page's plain button keeps Chromium's ring ('auto').
  const drawn = style.outlineStyle === 'auto' || (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2)
  if (!drawn) problems.push(`outline ${style.outlineStyle} ${style.outlineWidth}`)
  const box = element.getBoundingClientRect()
  if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) problems.push(`not fully in the viewport: ${JSON.stringify(box)} in ${innerWidth}x${innerHeight}, scrolled ${scrollX},${scrollY}`)
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
  if (!hit || !(hit === element || element.contains(hit))) problems.push(`obscured by ${hit?.outerHTML.slice(0, 80)}`)
  return problems
}

/** Interactive elements under `root` smaller than the kit's 44×44 CSS px. */
function smallTargets(root: Element): string[] {
  return [...root.querySelectorAll('button, a[href], [role="switch"], [tabindex]:not([tabindex="-1"])')]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ element, box }) => `${element.textContent}: ${box.width}x${box.height}`)
}

/** The text of `element` is painted in a real colour (not transparent) in forced colours, and the element shows. */
function shownInForcedColours(element: HTMLElement): void {
  expect(matchMedia('(forced-colors: active)').matches).toBe(true)
  expect(element.getClientRects().length).toBeGreaterThan(0)
  const style = getComputedStyle(element)
  expect(style.visibility).toBe('visible')
  expect(style.color).not.toBe('rgba(0, 0, 0, 0)')
  expect(Number.parseFloat(style.fontSize)).toBeGreaterThan(10)
}

/** No animation or transition runs anywhere under `root`. */
function moving(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].flatMap((element) =>
    element.getAnimations({ subtree: false }).map(() => element.getAttribute('data-slot') ?? element.tagName),
  )
}

// ---------- The states ----------

/** A store still reading its storage: the switches busy, "Loading your choice…", an empty summary. */
async function loadingState(env: Env) {
  const { storage } = drivenStorage(null, { holdLoad: true })
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
  await render(
    <Page env={env}>
      <ModelImprovementSetting store={store} locale={localeOf(env)} learnMoreHref="/privacy" />
    </Page>,
  )
  const loadingText = env.rtl ? ar.loading : 'Loading your choice…'
  await expect.element(page.elementLocator(status())).toHaveTextContent(loadingText)
  expect(slot('switch')).toHaveAttribute('aria-busy', 'true')
  expect(slot('explainer-summary')).toBeEmptyDOMElement()
  return slot('setting')
}

/** A recordings opt-in confirmed after the main setting went off in another tab: the polite refusal notice. */
async function refusalState(env: Env) {
  const { storage, fromAnotherTab } = drivenStorage(mainOn())
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
  await store.ready
  await render(
    <Page env={env}>
      <ModelImprovementSetting store={store} locale={localeOf(env)} />
    </Page>,
  )
  const switches = () => [...document.querySelectorAll('[role="switch"]')] as HTMLElement[]
  await expect.poll(() => switches()[0]!.getAttribute('aria-checked')).toBe('true')
  switches()[1]!.focus()
  await userEvent.keyboard(' ')
  const dialog = page.getByRole('alertdialog')
  await expect.element(dialog).toBeVisible()
  fromAnotherTab({ formatVersion: 1, decisions: { 'improve-model': decided(false, later()) } })
  await expect.poll(() => switches()[0]!.getAttribute('aria-checked')).toBe('false')
  slot('confirm-dialog-confirm').focus()
  await userEvent.keyboard('{Enter}')
  await expect.element(dialog).not.toBeInTheDocument()
  expect(active()).toBe(switches()[1])
  const needsMain = env.rtl ? ar.mediaNeedsMain.replace('{title}', ar.title) : `Turn on ${EN_TITLE} first.`
  await expect.element(page.elementLocator(status())).toHaveTextContent(needsMain)
  expect(status()).toHaveAttribute('role', 'status')
  return slot('setting')
}

/** The same refusal when the app's policy manages the main setting off meanwhile: the managed reason. */
async function managedRefusalState(env: Env) {
  let manage: () => void = () => {}
  function App() {
    const [managed, setManaged] = useState(false)
    manage = () => setManaged(true)
    return (
      <ModelImprovementSetting
        defaultValue={{ 'improve-model': true }}
        managed={managed ? { 'improve-model': { value: false, reason: 'organization' } } : undefined}
        locale={localeOf(env)}
      />
    )
  }
  await render(
    <Page env={env}>
      <App />
    </Page>,
  )
  const switches = () => [...document.querySelectorAll('[role="switch"]')] as HTMLElement[]
  switches()[1]!.focus()
  await userEvent.keyboard(' ')
  const dialog = page.getByRole('alertdialog')
  await expect.element(dialog).toBeVisible()
  manage()
  await expect.poll(() => switches()[0]!.getAttribute('aria-checked')).toBe('false')
  slot('confirm-dialog-confirm').focus()
  await userEvent.keyboard('{Enter}')
  await expect.element(dialog).not.toBeInTheDocument()
  expect(active()).toBe(switches()[1])
  await expect.element(page.elementLocator(status())).toHaveTextContent(env.rtl ? ar.managedOrganization : 'Your organization has turned this off.')
  return slot('setting')
}

/** A press on another switch while a change saves: "Please wait…", announced. */
async function oneAtATimeState(env: Env) {
  const { storage, saves } = drivenStorage(mainOn(), { holdSaves: true })
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
  await store.ready
  await render(
    <Page env={env}>
      <ModelImprovementSetting store={store} confirm="never" locale={localeOf(env)} />
    </Page>,
  )
  const switches = () => [...document.querySelectorAll('[role="switch"]')] as HTMLElement[]
  await expect.poll(() => switches()[0]!.getAttribute('aria-checked')).toBe('true')
  switches()[1]!.focus()
  await userEvent.keyboard(' ')
  await expect.poll(() => saves.length).toBe(1)
  await userEvent.keyboard('{Tab}')
  expect(active()).toBe(switches()[2])
  await userEvent.keyboard(' ')
  const stillSaving = env.rtl ? ar.stillSaving : 'Please wait. We are still saving your last choice.'
  await expect.element(page.elementLocator(status())).toHaveTextContent(stillSaving)
  return slot('setting')
}

/** The failed-save alert gone because another tab saved the choice: focus from Try again to the main switch. */
async function alertGoneState(env: Env) {
  const { storage, saves, fromAnotherTab } = drivenStorage(mainOn(), { holdSaves: true })
  const store = createConsentStore({ policyVersion: 'v1', storage, onError: () => {} })
  await store.ready
  await render(
    <Page env={env}>
      <ModelImprovementSetting store={store} locale={localeOf(env)} onError={() => {}} />
    </Page>,
  )
  const main = () => document.querySelector('[role="switch"]') as HTMLElement
  await expect.poll(() => main().getAttribute('aria-checked')).toBe('true')
  main().focus()
  await userEvent.keyboard(' ')
  await expect.poll(() => saves.length).toBe(1)
  saves[0]!.reject(new Error('offline'))
  await expect.element(page.getByRole('alert')).toBeVisible()
  // By keyboard from the switch to Try again, as a person would.
  for (let i = 0; i < 10 && active().getAttribute('data-slot') !== 'retry'; i++) await userEvent.keyboard('{Tab}')
  expect(active()).toHaveAttribute('data-slot', 'retry')
  fromAnotherTab({ formatVersion: 1, decisions: { 'improve-model': decided(false, later()) } })
  await expect.element(page.getByRole('alert')).not.toBeInTheDocument()
  expect(active()).toBe(main())
  return slot('setting')
}

/** The prompt closed with focus inside: focus on what followed it. */
async function promptGoneState(env: Env) {
  await render(
    <Page env={env}>
      <main>
        <ModelImprovementPrompt onChoice={vi.fn()} locale={localeOf(env)} />
        <button type="button" style={{ minHeight: 44, minWidth: 44, color: 'black', background: 'white' }}>
          Start chatting
        </button>
      </main>
    </Page>,
  )
  const close = slot('prompt-close')
  close.focus()
  await userEvent.keyboard('{Enter}')
  await expect.poll(() => slot('prompt')).toBeNull()
  expect(active()).toHaveAccessibleName('Start chatting')
  return slot('page')
}

/** ConsentExplainer alone in Arabic, open. */
async function explainerAlone(env: Env) {
  await render(
    <Page env={env}>
      <ConsentExplainer checked={false} locale={localeOf(env) ?? ar} learnMoreHref="/privacy" defaultOpen />
    </Page>,
  )
  const root = slot('explainer')
  expect(root).toHaveAttribute('lang', 'ar')
  expect(root).toHaveAttribute('dir', 'rtl')
  return root
}

/** ConsentExplainer alone while the state is not known yet (`loading`): an empty summary, no detail current. */
async function explainerLoading(env: Env) {
  await render(
    <Page env={env}>
      <ConsentExplainer checked={false} loading locale={localeOf(env)} learnMoreHref="/privacy" defaultOpen />
    </Page>,
  )
  const root = slot('explainer')
  expect(slot('explainer-summary', root)).toBeEmptyDOMElement()
  expect(root.querySelector('[data-current]')).toBeNull()
  return root
}

/** ConsentConfirmDialog alone in Arabic, open, focus on Cancel. */
async function dialogAlone(env: Env) {
  function Open() {
    const [open, setOpen] = useState(true)
    return <ConsentConfirmDialog open={open} onOpenChange={setOpen} onConfirm={() => {}} locale={localeOf(env) ?? ar} />
  }
  await render(
    <Page env={env}>
      <Open />
    </Page>,
  )
  const dialog = page.getByRole('alertdialog')
  await expect.element(dialog).toBeVisible()
  const root = dialog.element() as HTMLElement
  expect(root).toHaveAttribute('lang', 'ar')
  expect(root).toHaveAttribute('dir', 'rtl')
  return root
}

const STATES = [
  ['the loading state (store)', loadingState, []],
  ['the refusal notice (focus back on the recording switch)', refusalState, ['status', 'focus']],
  ['the refusal notice with a managed reason', managedRefusalState, ['status', 'focus']],
  ['the one-change-at-a-time notice', oneAtATimeState, ['status']],
  ['the alert gone by itself', alertGoneState, ['focus']],
  ['the prompt gone with focus inside', promptGoneState, ['focus']],
  ['ConsentExplainer alone', explainerAlone, []],
  ['ConsentExplainer alone, loading', explainerLoading, []],
  ['ConsentConfirmDialog alone', dialogAlone, ['focus']],
] as ReadonlyArray<readonly [string, (env: Env) => Promise<HTMLElement>, ReadonlyArray<'status' | 'focus'>]>

describe.each(STATES)('%s', (_name, show, what) => {
  for (const env of ENVS) {
    it(`has no axe violations (WCAG 2.2 AA, 7:1 text) in ${envName(env)}`, async () => {
      if (env.theme === 'system dark') await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
      const root = await show(env)
      expect(await violations(root.closest('[data-slot="page"]') ?? root)).toEqual([])
      expect(await violations(document.body)).toEqual([])
    })
  }

  it('stays visible in forced colours, and axe still passes', async () => {
    await emulate([{ name: 'forced-colors', value: 'active' }])
    const root = await show(ENVS[0]!)
    if (what.includes('status')) shownInForcedColours(status())
    if (what.includes('focus')) expect(getComputedStyle(active()).outlineColor).not.toBe('rgba(0, 0, 0, 0)')
    if (root.matches('[data-slot="setting"]') && root.hasAttribute('data-loading')) {
      // The busy switches read as unavailable: drawn in GrayText.
      const probe = document.createElement('span')
      probe.style.color = 'GrayText'
      document.body.append(probe)
      const grayText = getComputedStyle(probe).color
      probe.remove()
      expect(getComputedStyle(slot('switch-track')).borderTopColor).toBe(grayText)
      shownInForcedColours(status())
    }
    expect(await violations(document.body)).toEqual([])
  })

  for (const env of [ENVS[0]!, ENVS[2]!]) {
    it(`reflows at 320 CSS px (400 % zoom) with no sideways scrolling or clipping, ${envName(env)}`, async () => {
      await page.viewport(320, 256)
      const root = await show(env)
      expect(reflowProblems(root)).toEqual([])
      expect(smallTargets(root)).toEqual([])
      if (what.includes('focus')) expect(focusProblems(active())).toEqual([])
    })
  }

  it('moves nothing with reduced motion', async () => {
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }])
    const root = await show(ENVS[0]!)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(moving(root)).toEqual([])
  })

  if (what.includes('focus')) {
    for (const env of ENVS) {
      it(`shows focus where it lands, not obscured (2.4.7, 2.4.11), in ${envName(env)}`, async () => {
        if (env.theme === 'system dark') await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
        await show(env)
        expect(focusProblems(active())).toEqual([])
      })
    }
  }
})

describe('ConsentConfirmDialog alone at 400 % zoom (320 × 256 CSS px)', () => {
  for (const env of [ENVS[0]!, ENVS[2]!]) {
    it(`fits the screen, scrolls inside, and each button is in view when Tab reaches it, ${envName(env)}`, async () => {
      await page.viewport(320, 256)
      const dialog = await dialogAlone(env)
      const box = dialog.getBoundingClientRect()
      expect(box.top).toBeGreaterThanOrEqual(0)
      expect(box.bottom).toBeLessThanOrEqual(innerHeight)
      expect(getComputedStyle(dialog).overflowY).toBe('auto')
      for (let i = 0; i < 2; i++) {
        expect(focusProblems(active())).toEqual([])
        await userEvent.keyboard('{Tab}')
      }
      expect(active()).toBe(slot('confirm-dialog-cancel')) // focus stays in the dialog
    })
  }
})
