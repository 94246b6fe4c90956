'use client'
/** @jsxImportSource ../shared/jsx */
import type { ConsentStore } from '@model-consent/core'
import { useCallback, useEffect, useId, useInsertionEffect, useMemo, useRef, useState } from '../shared/react'
import type { ComponentPropsWithoutRef } from 'react'
import { useConsentContext } from '../consent-context'
import { getTabbables } from '../confirm-dialog/wrap-focus'
import { ConsentExplainer } from '../explainer/consent-explainer'
import { disclosureVersion } from '../messages/disclosure-version'
import type { LocaleInput } from '../messages/locale-set'
import type { ConsentMessages } from '../messages/types'
import { en } from '../messages/en'
import { useLocaleWith } from '../shared/use-messages'
import { needsAnswer, type PromptChoiceHandler } from './prompt-choice'
import { usePromptAnswer, usePromptSetting } from './use-prompt-answer'

type NativeSectionProps = Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'onError'>

/** Props of {@link ModelImprovementPrompt}. Other `<section>` props go on the root. */
export interface ModelImprovementPromptProps extends NativeSectionProps {
  /** The store to save the answer in. Default: the nearest `ConsentProvider`'s store. */
  store?: ConsentStore
  /**
   * Called with the person's answer. Without a store this is controlled mode: the prompt saves
   * nothing itself, and a returned promise shows "saving" until it settles (a rejection shows the
   * error and keeps the answers). With a store it is called after the store saved the answer.
   */
  onChoice?: PromptChoiceHandler
  /**
   * Whether the prompt shows. Absent: with a store, it shows by itself when the store has loaded
   * and `improve-model` has no decision under the store's policy version or `needsReconsent`
   * (and never for a managed setting); without a store, it shows until closed.
   */
  open?: boolean
  /** Called with `false` when the person presses Close. Closing records nothing. */
  onOpenChange?: (open: boolean) => void
  /** Controlled mode: the policy version of the answer. Default: `disclosureVersion` of the messages shown. */
  policyVersion?: string
  /** Called for every reported problem (a failed save). */
  onError?: (error: Error) => void
  /**
   * Locale of the texts: a set imported from its entry, such as `fr` from
   * `@model-consent/react/locales/fr` (sets `lang` and `dir`), or an English tag. Default: the
   * provider's, else English.
   */
  locale?: LocaleInput | undefined
  /** Overrides for any text, on top of the locale. */
  messages?: Partial<ConsentMessages>
  /** Target of the optional "Learn more" link (`https:`, `http:`, `mailto:` or relative only). */
  learnMoreHref?: string
  /** Level of the heading. Default `2`. */
  headingLevel?: 2 | 3 | 4 | 5 | 6
}

function useLatest<T>(value: T) {
  const ref = useRef(value)
  useInsertionEffect(() => {
    ref.current = value
  })
  return ref
}

/**
 * An honest question about "Improve the model for everyone", for first use or after a policy
 * change: an inline region (not a dialog; it never takes focus when it appears) with a heading,
 * the setting's plain summary and "What does this mean?" details, and two answers of identical
 * size and style, "Turn on" and "Keep off", with nothing preselected. Either answer is a
 * decision with source `user` under the current policy version; closing or ignoring the prompt
 * records nothing. After an answer it says what happens next. When it goes away with focus inside
 * (Close, or the question answered elsewhere), focus moves to the next focusable element after it,
 * else the last one before it.
 *
 * @selector [data-slot="prompt"] - the root; `[data-state="asking" | "answered"]`, `[data-pending]`.
 * @selector [data-slot="prompt-heading"], [data-slot="prompt-reconsent"]
 * @selector [data-slot="prompt-answers"] - holds the two [data-slot="prompt-answer"] buttons
 *   (`[data-answer="on" | "off"]` for tests only: style them alike).
 * @selector [data-slot="prompt-result"] - the text after an answer; focused when it replaces the answers.
 * @selector [data-slot="prompt-status"], [data-slot="prompt-alert"], [data-slot="prompt-close"]
 */
export function ModelImprovementPrompt(props: ModelImprovementPromptProps) {
  const {
    store: storeProp, onChoice, open: openProp, onOpenChange, policyVersion: policyVersionProp, onError,
    locale: localeProp, messages: overrides, learnMoreHref, headingLevel = 2, ...rootProps
  } = props
  const context = useConsentContext()
  const store = storeProp ?? context.store ?? null
  if (!store && typeof onChoice !== 'function') {
    throw new TypeError('ModelImprovementPrompt needs a `store` (prop or ConsentProvider) or an `onChoice` function to record the answer.')
  }
  const { tag, dir, messages, locale } = useLocaleWith(en, localeProp, overrides)
  const wordsVersion = useMemo(() => (policyVersionProp === undefined && !store ? disclosureVersion(messages) : ''), [policyVersionProp, store, messages])
  const { state, status, policyVersion: storeVersion } = usePromptSetting(store)
  const policyVersion = storeVersion ?? policyVersionProp ?? wordsVersion
  const onChoiceRef = useLatest(onChoice)
  const onErrorRef = useLatest(onError)
  const { answered, pending, error, answer } = usePromptAnswer(store, policyVersion, onChoiceRef, onErrorRef)
  const [closed, setClosed] = useState(false)
  const id = useId()
  const resultRef = useRef<HTMLDivElement>(null)
  // The prompt can go away with focus inside (Close, or the question answered in another tab).
  // Focus then goes where Tab would have gone from the prompt, else to the last focusable thing
  // before it; never to <body>. A callback ref is detached while its element is still on the page.
  const sectionRef = useRef<HTMLElement | null>(null)
  const keepFocus = useCallback((node: HTMLElement | null) => {
    const old = sectionRef.current
    sectionRef.current = node
    if (node || !old) return
    const root = old.getRootNode() as Document | ShadowRoot
    if (!old.contains(root.activeElement)) return
    const around = getTabbables(root).filter((element) => !old.contains(element))
    // 4: Node.DOCUMENT_POSITION_FOLLOWING (the first focusable element after the prompt).
    const next = around.findIndex((element) => old.compareDocumentPosition(element) & 4)
    const target = around[next] ?? around[around.length - 1]
    target?.focus()
  }, [])

  // Focus moves only after the person's own answer, because the buttons they used are gone.
  useEffect(() => {
    if (answered !== null) resultRef.current?.focus()
  }, [answered])

  // Once the person answers, the prompt stays (saving, then what happens next) although the
  // store no longer needs an answer.
  const engaged = answered !== null || pending || error !== null
  const asked = store ? engaged || needsAnswer(state, status, policyVersion) : true
  const shown = openProp ?? (asked && !closed)
  if (!shown) return null
  const checked = answered ?? state?.value ?? false
  const Heading = `h${headingLevel}` as const
  const close = () => {
    setClosed(true)
    onOpenChange?.(false)
  }

  return (
    <section
      data-slot="prompt"
      aria-labelledby={`${id}-heading`}
      lang={tag}
      dir={dir}
      {...rootProps}
      ref={keepFocus}
      data-state={answered === null ? 'asking' : 'answered'}
      data-pending={pending ? '' : undefined}
    >
      <Heading id={`${id}-heading`} data-slot="prompt-heading">
        {messages.promptTitle}
      </Heading>
      {state?.needsReconsent && answered === null ? <p data-slot="prompt-reconsent">{messages.reconsent}</p> : null}
      <ConsentExplainer
        checked={checked}
        locale={locale}
        messages={messages}
        learnMoreHref={learnMoreHref}
        onError={(failure) => onErrorRef.current?.(failure)}
        summaryId={`${id}-summary`}
      />
      {answered === null ? (
        <div data-slot="prompt-answers">
          {([true, false] as const).map((value) => (
            <button
              key={String(value)}
              type="button"
              data-slot="prompt-answer"
              data-answer={value ? 'on' : 'off'}
              aria-describedby={`${id}-summary`}
              aria-disabled={pending ? true : undefined}
              // The second click of a double click (or tap) that opened the prompt under the pointer
              // lands here unseen: it decides nothing. Keys and scripts click with `detail` 0.
              onClick={(event) => event.detail < 2 && answer(value)}
            >
              {value ? messages.promptTurnOn : messages.promptKeepOff}
            </button>
          ))}
        </div>
      ) : (
        <div data-slot="prompt-result" ref={resultRef} tabIndex={-1}>
          <p>{answered ? messages.promptChosenOn : messages.promptChosenOff}</p>
          <p>{messages.promptNext}</p>
        </div>
      )}
      <p role="status" aria-live="polite" data-slot="prompt-status">
        {pending ? messages.pending : ''}
      </p>
      {error && !pending ? (
        <p role="alert" data-slot="prompt-alert">
          {messages.promptError}
        </p>
      ) : null}
      <button type="button" data-slot="prompt-close" onClick={close}>
        {messages.promptClose}
      </button>
    </section>
  )
}
