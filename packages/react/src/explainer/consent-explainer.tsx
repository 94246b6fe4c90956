/** @jsxImportSource ../shared/jsx */
import type { ConsentDecision } from '@model-consent/core'
import { forwardRef, useId } from '../shared/react'
import type { ComponentPropsWithoutRef } from 'react'
import { formatMessage } from '../messages/format'
import type { LocaleInput } from '../messages/locale-set'
import type { ConsentMessages } from '../messages/types'
import { formatDecisionDate, useDateZone } from '../shared/format-date'
import { useControllableState } from '../shared/use-controllable-state'
import { useLocale } from '../shared/use-messages'
import { useLearnMoreHref } from './use-learn-more-href'

type NativeDivProps = Omit<ComponentPropsWithoutRef<'div'>, 'id' | 'children' | 'onError'>

/** Props of {@link ConsentExplainer}. Other `<div>` props go on the root. */
export interface ConsentExplainerProps extends NativeDivProps {
  /**
   * Required: the setting's current state, which the summary and the current detail follow. The
   * explainer keeps no state of its own, so pass the same value as the switch beside it
   * (`checked={value}` with `useConsent`).
   */
  checked: boolean
  /**
   * The state is not known yet (still loading): the summary stays empty and no detail is marked
   * current, so nothing states a choice as if it were saved. Default `false`.
   */
  loading?: boolean | undefined
  /**
   * The saved decision, shown in words ("On since 26 Nov 2026"). `null` or absent: nothing shown;
   * nor for a policy lapse (source `policy`), which is dated like the opt-in it ends.
   */
  decision?: ConsentDecision | null | undefined
  /**
   * Locale of the texts and of the decision date: a set such as `fr` from
   * `@model-consent/react/locales/fr`, or an English tag (`en-US` dates). Default: the provider's, else English.
   */
  locale?: LocaleInput | undefined
  /** Overrides for any of the texts. */
  messages?: Partial<ConsentMessages> | undefined
  /**
   * Target of the optional "Learn more" link. Only `https:`, `http:`, `mailto:` and
   * relative URLs are accepted (not protocol-relative ones such as `//host`, which lead to
   * another site); anything else renders no link and is reported through
   * `onError` (and `console.error` in development).
   */
  learnMoreHref?: string | undefined
  /** Called with a `TypeError` when `learnMoreHref` is refused, once per distinct href. */
  onError?: ((error: Error) => void) | undefined
  /** Whether the details are shown (controlled). */
  open?: boolean | undefined
  /** Whether the details start shown when uncontrolled. Default `false`. */
  defaultOpen?: boolean | undefined
  /** Called with the requested state when the disclosure button is pressed. */
  onOpenChange?: ((open: boolean) => void) | undefined
  /**
   * Id of the always-visible summary. Point the switch's `aria-describedby` at it.
   * Generated when absent.
   */
  summaryId?: string | undefined
  /** Id of the details region (the disclosure button's `aria-controls`). Generated when absent. */
  id?: string | undefined
}

/**
 * The plain-language explanation of the setting: a short summary that is always visible
 * and follows the state, and details behind an APG disclosure button. Never renders HTML
 * from its texts.
 *
 * @selector [data-slot="explainer"] - the root.
 * @selector [data-slot="explainer-summary"] - the summary; `[data-state="checked" | "unchecked"]`; empty while `loading`.
 * @selector [data-slot="explainer-toggle"] - the disclosure button; `[data-state="open" | "closed"]`.
 * @selector [data-slot="explainer-details"] - the details region; `[data-state="open" | "closed"]`.
 * @selector [data-slot="explainer-detail"] - one paragraph of the details;
 *   `[data-current]` on the one that describes the current state.
 * @selector [data-slot="explainer-decision"] - the decision record.
 * @selector [data-slot="explainer-learn-more"] - the "Learn more" link.
 */
export const ConsentExplainer = forwardRef<HTMLDivElement, ConsentExplainerProps>(
  function ConsentExplainer(
    {
      checked,
      loading = false,
      decision = null,
      locale: localeProp,
      messages: overrides,
      learnMoreHref,
      onError,
      open: openProp,
      defaultOpen = false,
      onOpenChange,
      summaryId: summaryIdProp,
      id: detailsIdProp,
      ...rootProps
    },
    ref,
  ) {
    const { tag, dir, messages } = useLocale(localeProp, overrides)
    const generatedId = useId()
    const summaryId = summaryIdProp ?? `${generatedId}-summary`
    const detailsId = detailsIdProp ?? `${generatedId}-details`
    const [open, setOpen] = useControllableState({
      prop: openProp,
      defaultProp: defaultOpen,
      onChange: onOpenChange,
      caller: 'ConsentExplainer',
      propName: 'open',
    })
    const href = useLearnMoreHref(learnMoreHref, onError)
    const checkedState = checked ? 'checked' : 'unchecked'
    const openState = open ? 'open' : 'closed'
    const zone = useDateZone()
    // A lapse is dated like the opt-in it ends (so every copy derives the same one): "Off since"
    // that day would say it has been off since the person turned it on. The re-consent notice
    // says what happened instead.
    const date = decision && decision.source !== 'policy' ? formatDecisionDate(decision.decidedAt, tag, zone) : null
    const record =
      decision && date !== null
        ? formatMessage(decision.value ? messages.decisionOn : messages.decisionOff, { date })
        : null

    return (
      <div data-slot="explainer" data-state={checkedState} lang={tag} dir={dir} {...rootProps} ref={ref}>
        <p data-slot="explainer-summary" data-state={checkedState} id={summaryId}>
          {loading ? null : checked ? messages.summaryOn : messages.summaryOff}
        </p>
        {/* The record is a trust signal, so it stays visible rather than behind the disclosure. */}
        {record !== null ? <p data-slot="explainer-decision">{record}</p> : null}
        <button
          type="button"
          data-slot="explainer-toggle"
          data-state={openState}
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          {messages.detailsToggle}
        </button>
        <div data-slot="explainer-details" data-state={openState} id={detailsId} hidden={!open}>
          <p data-slot="explainer-detail" data-current={!loading && checked ? '' : undefined}>
            {messages.detailsOn}
          </p>
          <p data-slot="explainer-detail" data-current={loading || checked ? undefined : ''}>
            {messages.detailsOff}
          </p>
          <p data-slot="explainer-detail">{messages.detailsMedia}</p>
          <p data-slot="explainer-detail">{messages.detailsFromNow}</p>
          <p data-slot="explainer-detail">{messages.detailsAnyTime}</p>
        </div>
        {href !== undefined ? (
          <a data-slot="explainer-learn-more" href={href}>
            {messages.learnMore}
          </a>
        ) : null}
      </div>
    )
  },
)
