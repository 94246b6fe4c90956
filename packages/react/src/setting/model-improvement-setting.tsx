'use client'
/** @jsxImportSource ../shared/jsx */
import type { ConsentChangeEvent, ConsentStore, ManagedSettings } from '@model-consent/core'
import { forwardRef, useEffect, useId, useInsertionEffect, useMemo, useRef, useState } from '../shared/react'
import type { ComponentProps, ComponentPropsWithoutRef } from 'react'
import { useConsentContext } from '../consent-context'
import { ConsentConfirmDialog } from '../confirm-dialog/consent-confirm-dialog'
import { ConsentExplainer } from '../explainer/consent-explainer'
import { versionOf } from '../messages/disclosure-version'
import { formatMessage } from '../messages/format'
import type { LocaleInput } from '../messages/locale-set'
import type { ConsentMessages } from '../messages/types'
import { useLocale } from '../shared/use-messages'
import { ConsentSwitch } from '../switch/consent-switch'
import { confirmationTexts, needsConfirmation, validateConfirmPolicy, type ConfirmPolicy } from './confirm-policy'
import { managedReasonText, useManagedLocks } from './managed'
import { useRootRef } from './root-ref'
import { SettingStatus } from './setting-status'
import { MAIN_SETTING, MEDIA_SETTINGS, type MediaKind, type SettingView } from './setting-view'
import { useControlledController, type ValueChangeHandler } from './use-controlled-controller'
import { useLocalController } from './use-local-controller'
import { useStoreController } from './use-store-controller'

type NativeDivProps = Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue' | 'onError' | 'children'>

/** Props of {@link ModelImprovementSetting}. Other `<div>` props go on the root. */
export interface ModelImprovementSettingProps extends NativeDivProps {
  /**
   * Controlled mode: the values to show, by setting id. The component shows nothing else until you
   * pass a new `value`. `null` means "not known yet" (still loading): the switches are busy and
   * cannot be used, and a polite status says the choice is loading. `null` is controlled too, so
   * `value={query.data ?? null}` changes mode never.
   */
  value?: Readonly<Record<string, boolean>> | null | undefined
  /**
   * Controlled mode: asked with the next values and the change event. Return a promise to show
   * "saving" until it settles; a rejection keeps the old value and shows the error.
   */
  onValueChange?: ValueChangeHandler | undefined
  /** Uncontrolled mode: values to start from, applied once as `api` changes. Everything else starts off. */
  defaultValue?: Readonly<Record<string, boolean>> | undefined
  /** Store-backed mode: the store to read and save. Default: the nearest `ConsentProvider`'s store. */
  store?: ConsentStore | undefined
  /**
   * The version of the words the person is shown, recorded with each decision (uncontrolled and
   * controlled modes; a store has its own). Default: `disclosureVersion` of the active messages,
   * so a change in the words asks people again.
   */
  policyVersion?: string | undefined
  /** Fires once per real change of any of its settings, with the core's event, in every mode. */
  onConsentChange?: ((event: ConsentChangeEvent) => void) | undefined
  /** Called for every reported problem: failed saves, refused links, storage errors. */
  onError?: ((error: Error) => void) | undefined
  /** When to ask before a change. Default `'enable'`. Anything else is refused. */
  confirm?: ConfirmPolicy | undefined
  /** Which recordings opt-ins to show. Default `['audio', 'video']`; `[]` hides them. */
  media?: readonly MediaKind[] | undefined
  /**
   * Locale of the texts and dates: a set imported from its entry, such as `fr` from
   * `@model-consent/react/locales/fr` (sets `lang` and `dir` on the root). English is built in;
   * an English tag such as `en-US` sets the date format. Default: the provider's, else English.
   */
  locale?: LocaleInput | undefined
  /** Overrides for any text, on top of the locale. */
  messages?: Partial<ConsentMessages> | undefined
  /** Target of the optional "Learn more" link (`https:`, `http:`, `mailto:` or relative only; never protocol-relative). */
  learnMoreHref?: string | undefined
  /** Level of the heading that holds the label. Default `3`. */
  headingLevel?: 2 | 3 | 4 | 5 | 6 | undefined
  /** Disables every switch. */
  disabled?: boolean | undefined
  /**
   * Makes the setting a form field: every shown setting submits as `name[setting-id]` with the
   * value `"true"` or `"false"` (off is submitted too). Nothing is submitted while `value` is `null`.
   */
  name?: string | undefined
  /**
   * Settings held off by a rule the person cannot change, by id: `{ 'improve-model': { value: false,
   * reason: 'organization' } }` (`'organization'`, `'age'`, `'region'`, or your own reason, worded by
   * the `managedOther` message). A managed switch reads off, stays focusable with
   * `aria-disabled="true"` and the reason as its description, and presses change nothing; the
   * settings that require it are held off too. With a store, its own `managed` option applies as well.
   * `value: true` is a `TypeError`: consent cannot be given on someone's behalf.
   */
  managed?: ManagedSettings | undefined
}

const DEFAULT_MEDIA: readonly MediaKind[] = ['audio', 'video']
/** What each failed change asked for, by its error (one per failure); `null` once superseded. */
const attempts = new WeakMap<Error, boolean | null>()

/**
 * The "Improve the model for everyone" setting, ready to embed in a settings page: the labelled
 * switch, the plain-language explainer, a confirmation, and the audio and video opt-ins.
 * Uncontrolled (`defaultValue`), store-backed (`store` or a `ConsentProvider`) or controlled
 * (`value` + `onValueChange`).
 *
 * The `ref` is the root element; its `focus()` focuses the main switch (as form libraries expect).
 *
 * @selector [data-slot="setting"] - the root; `[data-state="checked" | "unchecked"]`, `[data-pending]`,
 *   `[data-loading]` while a controlled `value` is `null`.
 * @selector [data-slot="setting-header"], [data-slot="setting-heading"], [data-slot="setting-label"]
 * @selector [data-slot="reconsent-notice"] - shown after an opt-in lapsed under a new policy.
 * @selector [data-slot="switch-reason"] - why a managed switch is off; `[data-unavailable]` on the switch.
 * @selector [data-slot="media-group"], [data-slot="media-item"], [data-slot="media-label"]
 * @selector [data-slot="media-group-reason"] - why the recordings switches wait (while the main setting is off).
 * @selector [data-slot="status"] - the polite live region; [data-slot="alert"], [data-slot="retry"] after a failed save.
 * @selector [data-slot="form-field"] - with `name`, one hidden input per shown setting, `"true"` or `"false"`.
 */
export const ModelImprovementSetting = forwardRef<HTMLDivElement, ModelImprovementSettingProps>(function ModelImprovementSetting(props, ref) {
  const {
    value, onValueChange, defaultValue, store: storeProp, policyVersion: policyVersionProp, onConsentChange,
    onError, confirm, media = DEFAULT_MEDIA, locale: localeProp, messages: overrides, learnMoreHref,
    headingLevel = 3, disabled = false, name, managed, ...rootProps
  } = props
  const context = useConsentContext()
  const policy = validateConfirmPolicy(confirm)
  const { tag, dir, messages, locale } = useLocale(localeProp, overrides)
  // The latest callbacks, for handlers and effects that outlive a render.
  const latest = useRef(props)
  useInsertionEffect(() => {
    latest.current = props
  })

  const controlled = value !== undefined
  const external = storeProp ?? context.store ?? null
  // The version of the words dates the decisions of the component's own modes; a store has its
  // own policy version. Hashing the words is not free: only when no policyVersion is given, not
  // with a store, and once per message set.
  const hashed = policyVersionProp === undefined && (controlled || !external)
  const wordsVersion = useMemo(() => (hashed ? versionOf(messages) : ''), [hashed, messages])
  const policyVersion = policyVersionProp ?? wordsVersion
  // Development builds only; the condition is a constant in a bundled build, so hooks stay in order.
  if (process.env.NODE_ENV !== 'production') useModeWarning(controlled ? 'controlled' : external ? 'store' : 'uncontrolled')
  const fromStore = useStoreController(controlled ? null : external, latest)
  const fromParent = useControlledController(value, policyVersion, messages, latest)
  const local = useLocalController(!controlled && !external, policyVersion, defaultValue, latest)
  const controller = controlled ? fromParent : external ? fromStore : local
  const locks = useManagedLocks(managed, controller.read)
  const read = locks.read
  // Not known yet: a controlled `value` of `null`, or a store still reading its storage.
  const loading = controlled ? value === null : fromStore.loading
  const mainSwitchRef = useRef<HTMLButtonElement>(null)
  const setRoot = useRootRef(mainSwitchRef, ref)
  const id = useId()
  const switchId = (setting: string) => `${id}-${setting}`

  // A question is asked for one store's person: when the store is swapped (another person signed
  // in), it closes, so its answer can never give consent in the next person's store.
  const [asking, setConfirming] = useState<{ setting: string; value: boolean; store: unknown } | null>(null)
  const confirming = asking?.store === external ? asking : null
  const request = (setting: string, next: boolean) => {
    if (needsConfirmation(policy, next)) setConfirming({ setting, value: next, store: external })
    else controller.change(setting, next)
  }
  // Focus, status and announcements (issue 12): the switch that asked gets focus back. Looked up
  // from the document or shadow root the setting is in (the main switch's, always rendered), so
  // ids made by `useId` need no CSS escaping.
  const focusSwitch = (setting: string) =>
    (mainSwitchRef.current?.getRootNode() as Document | ShadowRoot | undefined)?.getElementById?.(switchId(setting))?.focus()
  const asked = useRef<string | null>(null)
  // The dialog returns focus to the element that had it when it opened: `<body>` when the switch
  // was activated without being focused (a programmatic `click()`, or an assistive technology's
  // default action), which would drop a keyboard or screen-reader user at the top of the page
  // (WCAG 2.4.3). This effect runs after the dialog's own clean-up, so it wins.
  useEffect(() => {
    const setting = asked.current
    asked.current = confirming?.setting ?? null
    if (!confirming && setting !== null) focusSwitch(setting)
  }, [confirming])
  const [busyPresses, setBusyPresses] = useState(0)
  // A recording confirmed after the main setting went off meanwhile is refused: say why.
  const [refusals, setRefusals] = useState(0)
  const main = read(MAIN_SETTING)
  const mainOn = main.value
  // What the alert is about. A failed change leaves the old value: it asked for the opposite of
  // what was shown when it failed. Nothing is left to try again once that choice stands anyway
  // (with a store: another tab or device saved it; a controlled parent decides that itself), nor
  // for a failed recordings opt-in once the main setting is off, which turned the recordings off
  // (`null`: for good). Else "Try again" would ask for the opposite of what is shown now (after a
  // failed withdrawal: consent turned back on without the confirmation) or for a recording
  // without the main setting.
  const alertable = (setting: string): SettingView => {
    const view = read(setting)
    const error = view.error
    if (!error) return view
    if (!attempts.has(error)) attempts.set(error, !view.value)
    if (setting !== MAIN_SETTING && !mainOn) attempts.set(error, null)
    const attempt = attempts.get(error)
    return attempt === null || (!controlled && attempt === view.value) ? { ...view, error: null } : view
  }
  const shown = [MAIN_SETTING, ...media.map((kind) => MEDIA_SETTINGS[kind])]
  const pending = shown.some((setting) => read(setting).pending)
  const Heading = `h${headingLevel}` as const
  // The title, description and confirm label of the change being confirmed.
  const texts = confirming ? confirmationTexts(messages, confirming.setting, confirming.value) : null
  const describedBy = `${id}-summary${main.needsReconsent ? ` ${id}-reconsent` : ''}`
  const reasonId = `${id}-media-reason`
  // While the main setting is off, the recordings are "unavailable" rather than disabled: still in
  // the Tab order, `aria-disabled`, and described by a visible reason, so nobody is left wondering
  // why they do nothing. A managed main setting holds them off for its own reason: say that one.
  const explained = !mainOn && !disabled && !loading
  const reason = (setting: string) => {
    const lock = locks.lockOf(setting)
    return lock ? managedReasonText(messages, lock.reason) : undefined
  }
  // Why the recordings wait: a managed main setting's own reason, else that it is off.
  const needsMain = reason(MAIN_SETTING) ?? formatMessage(messages.mediaNeedsMain, { title: messages.title })

  const control = (setting: string, view: SettingView, own: ComponentProps<typeof ConsentSwitch>) => {
    // While a change saves, a press on another switch is announced, not applied: a controlled next
    // value is built from `value`, which does not show the change in flight yet, so it would send
    // back the old state of the first one (a withdrawal turned back on by a recordings press).
    // Turning the main setting off is always taken: it turns everything off, and withdrawing is
    // never harder than agreeing.
    const held = view.pending || (pending && !(setting === MAIN_SETTING && mainOn))
    return (
      <ConsentSwitch
        id={switchId(setting)}
        aria-busy={loading || undefined}
        pending={view.pending}
        disabled={disabled || loading}
        stateText={!loading}
        messages={messages}
        onClick={() => held && setBusyPresses((count) => count + 1)}
        onCheckedChange={(next) => !held && request(setting, next)}
        {...own}
      />
    )
  }

  return (
    <div
      data-slot="setting"
      lang={tag}
      dir={dir}
      {...rootProps}
      ref={setRoot}
      data-state={mainOn ? 'checked' : 'unchecked'}
      data-pending={pending ? '' : undefined}
      data-loading={loading ? '' : undefined}
    >
      <div data-slot="setting-header">
        <Heading data-slot="setting-heading">
          <label id={`${id}-label`} htmlFor={switchId(MAIN_SETTING)} data-slot="setting-label">
            {messages.title}
          </label>
        </Heading>
        {control(MAIN_SETTING, main, {
          ref: mainSwitchRef,
          'aria-describedby': describedBy,
          checked: mainOn,
          unavailableReason: reason(MAIN_SETTING),
        })}
      </div>
      {main.needsReconsent ? (
        <p id={`${id}-reconsent`} data-slot="reconsent-notice">
          {messages.reconsent}
        </p>
      ) : null}
      <ConsentExplainer
        checked={mainOn}
        loading={loading}
        decision={main.decision}
        locale={locale}
        messages={messages}
        learnMoreHref={learnMoreHref}
        onError={(error) => latest.current.onError?.(error)}
        summaryId={`${id}-summary`}
      />
      {media.length > 0 ? (
        <div role="group" aria-labelledby={`${id}-media-label`} data-slot="media-group" data-disabled={mainOn ? undefined : ''}>
          <p id={`${id}-media-label`} data-slot="media-group-label">
            {messages.mediaGroupLabel}
          </p>
          {explained ? (
            <p id={reasonId} data-slot="media-group-reason">
              {needsMain}
            </p>
          ) : null}
          {media.map((kind) => {
            const setting = MEDIA_SETTINGS[kind]
            const view = read(setting)
            return (
              <div key={kind} data-slot="media-item" data-state={view.value ? 'checked' : 'unchecked'}>
                <label htmlFor={switchId(setting)} data-slot="media-label">
                  {kind === 'audio' ? messages.audioLabel : messages.videoLabel}
                </label>
                {control(setting, view, {
                  checked: mainOn && view.value,
                  unavailable: !mainOn,
                  unavailableReason: mainOn ? reason(setting) : undefined,
                  'aria-describedby': explained ? reasonId : undefined,
                })}
              </div>
            )
          })}
        </div>
      ) : null}
      <SettingStatus
        messages={messages}
        shown={shown}
        read={alertable}
        busyPresses={busyPresses}
        refusals={refusals}
        refusedText={mainOn ? '' : needsMain}
        loading={loading}
        onRetry={controller.retry}
        focusSwitch={focusSwitch}
      />
      <ConsentConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return
          if (confirming.value && !mainOn && confirming.setting !== MAIN_SETTING) setRefusals((count) => count + 1)
          controller.change(confirming.setting, confirming.value)
        }}
        {...texts}
        locale={locale}
        messages={messages}
      />
      {/* Unlike a bare checkbox, off is submitted too, so a native form post or a Server Action
          always receives the whole choice; nothing while loading, so a form sent too early cannot
          overwrite the saved choice with "off". */}
      {name !== undefined
        ? shown.map((setting) => (
            <input
              key={setting}
              type="hidden"
              data-slot="form-field"
              name={`${name}[${setting}]`}
              value={String(read(setting).effective)}
              disabled={loading}
            />
          ))
        : null}
    </div>
  )
})

/** Warns in development when the component flips between controlled, store-backed and uncontrolled. */
function useModeWarning(mode: string): void {
  const first = useRef(mode)
  useEffect(() => {
    if (first.current === mode) return
    console.warn(
      `ModelImprovementSetting is changing from ${first.current} to ${mode} mode. ` +
        'Decide between a controlled `value`, a `store`, and an uncontrolled `defaultValue` for the lifetime of the component.',
    )
    first.current = mode
  }, [mode])
}
