import { ConsentExplainer, ConsentProvider, ModelImprovementSetting, supportedLocales } from '@model-consent/react'
import { locales } from '@model-consent/react/locales'
import { ar } from '@model-consent/react/locales/ar'
import { fr } from '@model-consent/react/locales/fr'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

const root = (container: HTMLElement) => container.querySelector('[data-slot="setting"]')

describe('ModelImprovementSetting in every shipped locale', () => {
  it.each(supportedLocales)('%s: names the switches, the group and the dialog in that language', async (tag) => {
    const user = userEvent.setup()
    const messages = locales[tag]
    const { container } = render(<ModelImprovementSetting locale={messages} defaultValue={{ 'improve-model': true }} />)
    const main = await screen.findByRole('switch', { name: messages.title, checked: true })
    expect(main).toHaveAccessibleDescription(messages.summaryOn)
    const group = screen.getByRole('group', { name: messages.mediaGroupLabel })
    expect(within(group).getByRole('switch', { name: messages.audioLabel })).toBeEnabled()
    expect(screen.getByRole('button', { name: messages.detailsToggle })).toHaveAttribute('aria-expanded', 'false')
    expect(root(container)).toHaveAttribute('lang', tag)
    expect(root(container)).toHaveAttribute('dir', tag === 'ar' ? 'rtl' : 'ltr')
    await user.click(within(group).getByRole('switch', { name: messages.videoLabel }))
    const dialog = screen.getByRole('alertdialog', { name: messages.confirmVideoEnableTitle })
    expect(within(dialog).getByRole('button', { name: messages.cancel })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: messages.confirmEnableAction })).toBeInTheDocument()
  })
})

describe('a locale passed as a set', () => {
  it('applies from a ConsentProvider to the setting and its parts, without warnings', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { container } = render(
      <ConsentProvider locale={fr}>
        <ModelImprovementSetting />
      </ConsentProvider>,
    )
    expect(screen.getByRole('switch', { name: fr.title })).toBeInTheDocument()
    expect(screen.getByText(fr.summaryOff)).toBeInTheDocument()
    expect(root(container)).toHaveAttribute('lang', 'fr')
    expect(warn).not.toHaveBeenCalled()
  })

  it('renders Arabic right to left', () => {
    const { container } = render(<ModelImprovementSetting locale={ar} />)
    expect(screen.getByRole('switch', { name: ar.title })).toBeInTheDocument()
    expect(root(container)).toHaveAttribute('dir', 'rtl')
    expect(root(container)).toHaveAttribute('lang', 'ar')
  })

  it('on the component wins over the provider', () => {
    render(
      <ConsentProvider locale={fr}>
        <ModelImprovementSetting locale={ar} />
      </ConsentProvider>,
    )
    expect(screen.getByRole('switch', { name: ar.title })).toBeInTheDocument()
  })

  it('is used for a tag of its language under a provider that has it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <ConsentProvider locale={fr}>
        <ModelImprovementSetting locale="fr-CA" />
      </ConsentProvider>,
    )
    expect(screen.getByRole('switch', { name: fr.title })).toBeInTheDocument()
    expect(warn).not.toHaveBeenCalled()
  })

  it('is kept by a nested provider given a tag of its language', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <ConsentProvider locale={fr}>
        <ConsentProvider locale="fr-CA">
          <ModelImprovementSetting />
        </ConsentProvider>
      </ConsentProvider>,
    )
    expect(screen.getByRole('switch', { name: fr.title })).toBeInTheDocument()
    expect(warn).not.toHaveBeenCalled()
  })

  it('formats decision dates with Intl.DateTimeFormat for its locale', () => {
    const decision = { value: true, decidedAt: '2026-03-05T12:00:00.000Z', policyVersion: 'v1', source: 'user' } as const
    render(<ConsentExplainer checked decision={decision} locale={fr} />)
    const date = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(decision.decidedAt))
    expect(screen.getByText(`Activé depuis le ${date}`)).toBeInTheDocument()
  })

  it('refuses a locale that is neither a set nor a tag with a TypeError naming it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<ModelImprovementSetting locale={42 as unknown as string} />)).toThrow(/`locale` must be a locale set or a BCP 47 tag, but got 42/)
  })
})

describe('a locale passed as a tag', () => {
  it('of a shipped locale without its set shows English, warning with the import to add', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { container } = render(<ModelImprovementSetting locale="fr" />)
    expect(screen.getByRole('switch', { name: 'Improve the model for everyone' })).toBeInTheDocument()
    expect(root(container)).toHaveAttribute('lang', 'en')
    expect(root(container)).toHaveAttribute('dir', 'ltr')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("import { fr } from '@model-consent/react/locales/fr'"))
  })

  it('names the pt-br entry and its export for Brazilian Portuguese', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <ConsentProvider locale="pt-BR">
        <ModelImprovementSetting />
      </ConsentProvider>,
    )
    expect(screen.getByRole('switch', { name: 'Improve the model for everyone' })).toBeInTheDocument()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("import { ptBR } from '@model-consent/react/locales/pt-br'"))
  })

  it('of English needs no import and sets the date format', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { container } = render(<ModelImprovementSetting locale="en-US" />)
    expect(root(container)).toHaveAttribute('lang', 'en-US')
    expect(warn).not.toHaveBeenCalled()
  })

  it('of an unknown locale falls back to English, with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<ModelImprovementSetting locale="xx-YY" />)
    expect(screen.getByRole('switch', { name: 'Improve the model for everyone' })).toBeInTheDocument()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('xx-YY'))
  })

  it('falls back to English without a warning in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<ModelImprovementSetting locale="de-production" />)
    expect(screen.getByRole('switch', { name: 'Improve the model for everyone' })).toBeInTheDocument()
    expect(warn).not.toHaveBeenCalled()
  })
})
