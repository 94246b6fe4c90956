import type { Meta, StoryObj } from '@storybook/react-vite'
import { useId } from 'react'
import { expect, fn, within } from 'storybook/test'
import '../../../../.storybook/app-settings-page.css'
import { overflowing } from '../../../../.storybook/interactions'
import { ModelImprovementSetting, type ModelImprovementSettingProps } from './model-improvement-setting'

/** Props of the example page: the setting's callbacks plus the page's own. */
interface AppSettingsPageProps extends Pick<ModelImprovementSettingProps, 'onConsentChange' | 'onError' | 'dir'> {
  /** The account form was saved. */
  onSaveAccount?: () => void
  /** A data export was requested. */
  onRequestExport?: () => void
}

/**
 * A realistic settings page of a chat app, to review the setting in context: account,
 * notifications, privacy (the setting) and data export, with a sidebar on wide screens.
 */
function AppSettingsPage({ onConsentChange, onError, onSaveAccount, onRequestExport, dir }: AppSettingsPageProps) {
  const id = useId()
  const field = (name: string) => `${id}-${name}`
  return (
    <div className="app-page" lang="en" dir={dir}>
      <header className="app-header">
        <p>Chat app</p>
        <span>Sam Rivera</span>
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label="Settings sections">
          <ul>
            <li><a href={`#${field('account')}`}>Account</a></li>
            <li><a href={`#${field('notifications')}`}>Notifications</a></li>
            <li><a href={`#${field('privacy')}`} aria-current="page">Privacy</a></li>
            <li><a href={`#${field('data')}`}>Your data</a></li>
          </ul>
        </nav>
        <main className="app-main">
          <h1>Settings</h1>

          <section className="app-section" id={field('account')} aria-labelledby={field('account-h')}>
            <h2 id={field('account-h')}>Account</h2>
            <form className="app-card" onSubmit={(event) => { event.preventDefault(); onSaveAccount?.() }}>
              <div className="app-field">
                <label htmlFor={field('name')}>Name</label>
                <input id={field('name')} name="name" autoComplete="name" defaultValue="Sam Rivera" />
              </div>
              <div className="app-field">
                <label htmlFor={field('email')}>Email</label>
                <input id={field('email')} name="email" type="email" autoComplete="email" defaultValue="sam@example.com" />
              </div>
              <div className="app-actions">
                <button type="submit" className="story-button">Save changes</button>
                <button type="button" className="story-button" data-variant="secondary">Change password</button>
              </div>
            </form>
          </section>

          <section className="app-section" id={field('notifications')} aria-labelledby={field('notifications-h')}>
            <h2 id={field('notifications-h')}>Notifications</h2>
            <fieldset className="app-card" style={{ margin: 0 }}>
              <legend className="app-hint">Email me about</legend>
              <label className="app-check"><input type="checkbox" defaultChecked /> Replies to my shared chats</label>
              <label className="app-check"><input type="checkbox" /> New features</label>
              <label className="app-check"><input type="checkbox" defaultChecked disabled /> Security alerts (always on)</label>
            </fieldset>
          </section>

          <section className="app-section" id={field('privacy')} aria-labelledby={field('privacy-h')}>
            <h2 id={field('privacy-h')}>Privacy</h2>
            <ModelImprovementSetting
              headingLevel={3}
              learnMoreHref="/privacy/model-training"
              onConsentChange={onConsentChange}
              onError={onError}
              {...(dir ? { dir } : {})}
            />
          </section>

          <section className="app-section" id={field('data')} aria-labelledby={field('data-h')}>
            <h2 id={field('data-h')}>Your data</h2>
            <div className="app-card">
              <p>Download a copy of your conversations and settings. We email you a link when it is ready, usually within a day.</p>
              <div className="app-field">
                <label htmlFor={field('format')}>File format</label>
                <select id={field('format')} name="format" defaultValue="json">
                  <option value="json">JSON (for other apps)</option>
                  <option value="html">Web page (to read)</option>
                </select>
              </div>
              <div className="app-actions">
                <button type="button" className="story-button" onClick={onRequestExport}>Request export</button>
              </div>
            </div>
          </section>
        </main>
      </div>
    </div>
  )
}

const meta = {
  title: 'Examples/App settings page',
  component: AppSettingsPage,
  args: { onConsentChange: fn(), onError: fn(), onSaveAccount: fn(), onRequestExport: fn() },
  render: (args, { globals }) => (
    <AppSettingsPage {...args} dir={globals.dir === 'ltr' || globals.dir === 'rtl' ? globals.dir : undefined} />
  ),
  // The page fills the canvas edge to edge, like an app.
  parameters: { bleed: true },
} satisfies Meta<typeof AppSettingsPage>

export default meta
type Story = StoryObj<typeof meta>

/** In a docs page the phone story keeps its width too. */
const phoneWidth: NonNullable<Story['decorators']> = [
  (Story) => (
    <div style={{ maxInlineSize: '390px', marginInline: 'auto' }}>
      <Story />
    </div>
  ),
]

/** Phone (390 px): one column, section links scroll sideways above the content. */
export const Phone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  decorators: phoneWidth,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await expect(page.getByRole('switch', { name: 'Improve the model for everyone' })).toBeVisible()
    // Nothing sticks out of the phone's width (a scrolling container may hold wider content).
    await expect(overflowing(canvasElement.querySelector('.app-page') as HTMLElement, '.app-nav ul')).toEqual([])
  },
}

/** Desktop (1280 px): sidebar navigation and a readable column. */
export const Desktop: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    const privacy = page.getByRole('region', { name: 'Privacy' })
    await expect(within(privacy).getByRole('heading', { level: 3, name: 'Improve the model for everyone' })).toBeVisible()
  },
}

/** Phone in the dark theme. */
export const PhoneDark: Story = {
  ...Phone,
  globals: { viewport: { value: 'phone', isRotated: false }, theme: 'dark' },
}

/** Desktop, right to left: the sidebar and the switch mirror. */
export const DesktopRightToLeft: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false }, dir: 'rtl' },
}
