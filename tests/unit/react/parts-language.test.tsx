/**
 * A part shown in another language than the page (its own `locale`, or a provider's) must say so:
 * `lang` for screen readers' voices and pronunciation (WCAG 3.1.2, Language of Parts) and `dir`
 * for right-to-left text, as ModelImprovementSetting and ModelImprovementPrompt already do.
 */
import { ConsentConfirmDialog, ConsentExplainer, ConsentProvider, ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { fr } from '@model-consent/react/locales/fr'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang')
const directionOf = (element: Element) => element.closest('[dir]')?.getAttribute('dir')

describe('the parts on their own, in a language other than the page’s', () => {
  it('ConsentExplainer marks its Arabic words as Arabic, right to left', () => {
    render(<ConsentExplainer checked={false} locale={ar} />)
    const summary = screen.getByText(ar.summaryOff)
    expect(languageOf(summary)).toBe('ar')
    expect(directionOf(summary)).toBe('rtl')
  })

  it('ConsentConfirmDialog marks its Arabic words as Arabic, right to left', () => {
    render(<ConsentConfirmDialog defaultOpen locale={ar} />)
    const dialog = screen.getByRole('alertdialog', { name: ar.confirmEnableTitle })
    expect(languageOf(dialog)).toBe('ar')
    expect(directionOf(dialog)).toBe('rtl')
  })

  it('takes the language of a provider too', () => {
    render(
      <ConsentProvider locale={fr}>
        <ConsentExplainer checked />
      </ConsentProvider>,
    )
    const summary = screen.getByText(fr.summaryOn)
    expect(languageOf(summary)).toBe('fr')
    expect(directionOf(summary)).toBe('ltr')
  })

  it('keeps the setting’s own locale in the confirmation it opens', async () => {
    const user = userEvent.setup()
    render(<ModelImprovementSetting locale={ar} />)
    await user.click(screen.getByRole('switch', { name: ar.title }))
    const dialog = screen.getByRole('alertdialog', { name: ar.confirmEnableTitle })
    expect(languageOf(dialog)).toBe('ar')
    expect(directionOf(dialog)).toBe('rtl')
  })
})
