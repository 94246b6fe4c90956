import { ModelImprovementSetting, locales, supportedLocales } from '@model-consent/react'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

describe('ModelImprovementSetting in every shipped locale', () => {
  it.each(supportedLocales)('%s: names the switches, the group and the dialog in that language', async (locale) => {
    const user = userEvent.setup()
    const messages = locales[locale]
    const { container } = render(<ModelImprovementSetting locale={locale} defaultValue={{ 'improve-model': true }} />)
    const main = await screen.findByRole('switch', { name: messages.title, checked: true })
    expect(main).toHaveAccessibleDescription(messages.summaryOn)
    const group = screen.getByRole('group', { name: messages.mediaGroupLabel })
    expect(within(group).getByRole('switch', { name: messages.audioLabel })).toBeEnabled()
    expect(screen.getByRole('button', { name: messages.detailsToggle })).toHaveAttribute('aria-expanded', 'false')
    expect(container.firstElementChild).toHaveAttribute('lang', locale)
    expect(container.firstElementChild).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr')
    await user.click(within(group).getByRole('switch', { name: messages.videoLabel }))
    const dialog = screen.getByRole('alertdialog', { name: messages.confirmVideoEnableTitle })
    expect(within(dialog).getByRole('button', { name: messages.cancel })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: messages.confirmEnableAction })).toBeInTheDocument()
  })

  it('falls back to English for an unknown locale, with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<ModelImprovementSetting locale="xx-YY" />)
    expect(screen.getByRole('switch', { name: 'Improve the model for everyone' })).toBeInTheDocument()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('xx-YY'))
  })
})
