// The settings page end to end in Chromium, against the running example on PGlite: a person
// signs in, turns the setting on through the confirmation, uses a second device, meets a server
// fault, and finds everything again after a restart.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, describe, it } from 'node:test'
import { chromium } from 'playwright-core'
import { startServer } from './support/server.mjs'

const flags = JSON.parse(readFileSync(new URL('../../../scripts/lib/chromium.json', import.meta.url), 'utf8'))
const axeSource = readFileSync(createRequire(new URL('../../../package.json', import.meta.url)).resolve('axe-core/axe.min.js'), 'utf8')
const port = Number(process.env.SETTINGS_APP_BROWSER_PORT ?? 5252)
const MAIN = 'Improve the model for everyone'
const AUDIO = 'Include audio recordings'
let server
let browser
const problems = []

before(async () => {
  ;[server, browser] = await Promise.all([
    startServer({ port }),
    chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? flags.executablePath, args: flags.args, headless: true }),
  ])
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** A new device: its own cookies and storage. Page errors anywhere fail the last test. */
async function device() {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (error) => problems.push(String(error)))
  await page.goto(server.origin)
  return page
}

async function signIn(page, user) {
  await page.getByRole('textbox', { name: 'Your name' }).fill(user)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
}

/** Waits until the named switch shows `checked`, and nothing on the page is saving. */
async function expectSwitch(page, name, checked) {
  await page.getByRole('switch', { name, checked, exact: true }).waitFor()
  await page.locator('[data-slot="setting"][data-pending]').waitFor({ state: 'detached' })
}

/** What another tab coming to the front does: the window gets focus. */
const focus = (page) => page.evaluate(() => window.dispatchEvent(new Event('focus')))
const history = (page) => page.getByRole('list', { name: 'History of your privacy choices' }).getByRole('listitem').allTextContents()
const consentOf = async (page) => (await page.request.get(`${server.origin}/api/consent`)).json()

describe('the settings app in Chromium (PGlite)', () => {
  let first
  let second

  it('signs in and turns the setting on through the confirmation; the history says so in plain words', async () => {
    first = await device()
    await signIn(first, 'ada')
    await expectSwitch(first, MAIN, false)
    await first.getByRole('switch', { name: MAIN }).click()
    const dialog = first.getByRole('alertdialog')
    await dialog.getByRole('button', { name: 'Turn on' }).click()
    await expectSwitch(first, MAIN, true)
    await first.getByText(`You turned on “${MAIN}”.`).waitFor()
    assert.match((await history(first))[0], /You turned on “Improve the model for everyone”\. Policy version 2026-12, from Chrome on Linux\./)
    assert.equal((await consentOf(first)).decisions['improve-model'].value, true)
  })

  it('offers "Download my choices" under "Your data": the consent receipt as a JSON file', async () => {
    const [download] = await Promise.all([
      first.waitForEvent('download'),
      first.getByRole('button', { name: 'Download my choices' }).click(),
    ])
    assert.match(download.suggestedFilename(), /^my-privacy-choices-\d{4}-\d{2}-\d{2}\.json$/)
    const receipt = JSON.parse(readFileSync(await download.path(), 'utf8'))
    assert.equal(receipt.version, 1)
    assert.equal(receipt.subject, null)
    assert.equal(receipt.notice.policyVersion, '2026-12')
    assert.equal(receipt.notice.locale, 'en')
    const main = receipt.consents.find((entry) => entry.setting === 'improve-model')
    assert.equal(main.state, 'given')
    assert.equal(main.source, 'user')
    assert.equal(main.collectionMethod, 'explicit-action')
  })

  it('has no axe violations on the settings page (WCAG 2.2 A and AA)', async () => {
    await first.addScriptTag({ content: axeSource })
    const violations = await first.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    })
    assert.deepEqual(violations, [])
  })

  it('is still on after a reload', async () => {
    await first.reload()
    await expectSwitch(first, MAIN, true)
  })

  it('shows a change from a second device of the same person after focus', async () => {
    second = await device()
    await signIn(second, 'ada')
    await expectSwitch(second, MAIN, true)
    await first.getByRole('switch', { name: AUDIO }).click()
    await first.getByRole('alertdialog').getByRole('button', { name: 'Turn on' }).click()
    await expectSwitch(first, AUDIO, true)
    await expectSwitch(second, AUDIO, false)
    await focus(second)
    await expectSwitch(second, AUDIO, true)
    await second.getByText(`You turned on “${AUDIO}”.`).waitFor()
  })

  it('rolls back and shows the alert with Try again when the server fails the save, and Try again saves', async () => {
    const before = await history(first)
    assert.equal((await first.request.post(`${server.origin}/api/test/fail-next-save`)).status(), 204)
    await first.getByRole('switch', { name: AUDIO }).click()
    const alert = first.getByRole('alert').filter({ hasText: 'Try again' })
    await alert.waitFor()
    await expectSwitch(first, AUDIO, true)
    assert.equal((await consentOf(first)).decisions['include-audio'].value, true)
    assert.deepEqual(await history(first), before)
    await alert.getByRole('button', { name: 'Try again' }).click()
    await expectSwitch(first, AUDIO, false)
    await alert.waitFor({ state: 'detached' })
    assert.equal((await consentOf(first)).decisions['include-audio'].value, false)
    await first.getByText(`You turned off “${AUDIO}”.`).waitFor()
  })

  it('keeps every decision and the history when the server restarts', async () => {
    const before = await history(first)
    await server.restart()
    await first.reload()
    await expectSwitch(first, MAIN, true)
    await expectSwitch(first, AUDIO, false)
    await first.getByText(`You turned off “${AUDIO}”.`).waitFor()
    assert.deepEqual(await history(first), before)
  })

  it('converges when both devices change at once, keeping the withdrawal', async () => {
    await focus(second)
    await expectSwitch(second, AUDIO, false)
    const statuses = []
    second.on('response', (response) => response.request().method() === 'PUT' && statuses.push(response.status()))
    // The second device withdraws; while its save is on the way, the first device turns the
    // recordings on and saves first, so the second device's save arrives stale (a real 412).
    let raced = false
    await second.route('**/api/consent', async (route) => {
      if (route.request().method() !== 'PUT' || raced) return route.continue()
      raced = true
      await first.getByRole('switch', { name: AUDIO }).click()
      await first.getByRole('alertdialog').getByRole('button', { name: 'Turn on' }).click()
      await expectSwitch(first, AUDIO, true)
      await route.continue()
    })
    await second.getByRole('switch', { name: MAIN }).click()
    await expectSwitch(second, MAIN, false)
    await expectSwitch(second, AUDIO, false)
    await second.unrouteAll()
    assert.deepEqual(statuses, [412, 200], 'the stale save was refused, then merged and saved again')
    assert.equal(await second.getByRole('alert').count(), 0, 'the conflict is resolved without bothering the person')
    assert.equal((await consentOf(first)).decisions['improve-model'].value, false)
    await focus(first)
    await expectSwitch(first, MAIN, false)
    await expectSwitch(first, AUDIO, false)
    await first.getByText(`You turned off “${MAIN}”.`).waitFor()
  })

  it('never shows one person’s decisions to another', async () => {
    const other = await device()
    await signIn(other, 'grace')
    await expectSwitch(other, MAIN, false)
    await other.getByText('You have not made any privacy choices yet.').waitFor()
    assert.deepEqual(await consentOf(other), { formatVersion: 1, decisions: {} })
    await other.context().close()
  })

  it('never changes another person’s decisions from a page left open when someone else signs in in another tab', async () => {
    const hedys = await device()
    await signIn(hedys, 'hedy')
    await hedys.getByRole('switch', { name: MAIN }).click()
    await hedys.getByRole('alertdialog').getByRole('button', { name: 'Turn on' }).click()
    await expectSwitch(hedys, MAIN, true)
    // Another tab of the same browser: Hedy signs out there and Alan signs in (the cookie is shared).
    const tab = await hedys.context().newPage()
    await tab.goto(server.origin)
    await tab.getByRole('button', { name: 'Sign out' }).click()
    await signIn(tab, 'alan')
    await expectSwitch(tab, MAIN, false)
    // Back on the page that still says "Signed in as hedy", someone opts into the recordings.
    await hedys.getByText('Signed in as hedy').waitFor()
    await hedys.getByRole('switch', { name: AUDIO }).click()
    await hedys.getByRole('alertdialog').getByRole('button', { name: 'Turn on' }).click()
    await hedys.locator('[data-slot="setting"][data-pending]').waitFor({ state: 'detached' })
    assert.deepEqual(await consentOf(tab), { formatVersion: 1, decisions: {} }, 'Alan decided nothing')
    assert.deepEqual(await (await tab.request.get(`${server.origin}/api/consent/history`)).json(), [])
    // The page says the save failed instead of showing a choice that was not saved.
    await hedys.getByRole('alert').filter({ hasText: 'Try again' }).waitFor()
    await expectSwitch(hedys, AUDIO, false)
    await hedys.context().close()
  })

  it('never shows the sign-in form while the session still works (a failed sign-out says so)', async () => {
    const page = await device()
    await signIn(page, 'ida')
    const fault = { status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'server-error', message: 'Something went wrong on the server. Nothing was saved.' }) }
    await page.route('**/api/session', (route) => (route.request().method() === 'DELETE' ? route.fulfill(fault) : route.continue()))
    await page.getByRole('button', { name: 'Sign out' }).click()
    const signInForm = page.getByRole('heading', { name: 'Sign in' })
    await signInForm.or(page.getByRole('alert')).first().waitFor()
    const session = (await page.request.get(`${server.origin}/api/session`)).status()
    assert.equal(session, 200, 'the server did not end the session')
    assert.equal(await signInForm.count(), 0, 'so the page must not look signed out: the next person at this computer would be Ida')
    await page.getByRole('alert').filter({ hasText: 'You are still signed in' }).waitFor()
    await page.getByText('Signed in as ida').waitFor()
    await page.unrouteAll()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signInForm.waitFor()
    assert.equal((await page.request.get(`${server.origin}/api/session`)).status(), 401)
    await page.context().close()
  })

  it('turns an opt-in off when the server shows a new policy version, and saves that lapse without a conflict', async () => {
    let other = await startServer({ port: port + 20 })
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      page.on('pageerror', (error) => problems.push(String(error)))
      await page.goto(other.origin)
      await signIn(page, 'kim')
      await page.getByRole('switch', { name: MAIN }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Turn on' }).click()
      await expectSwitch(page, MAIN, true)
      await other.stop({ keepData: true })
      other = await startServer({ port: port + 20, dataDir: other.dataDir, env: { POLICY_VERSION: '2027-01' } })
      const puts = []
      page.on('response', (response) => response.request().method() === 'PUT' && puts.push(response.status()))
      const saved = page.waitForResponse((response) => response.request().method() === 'PUT')
      await page.reload()
      await expectSwitch(page, MAIN, false)
      await saved
      const stored = (await (await page.request.get(`${other.origin}/api/consent`)).json()).decisions['improve-model']
      assert.deepEqual({ value: stored.value, source: stored.source, policyVersion: stored.policyVersion }, { value: false, source: 'policy', policyVersion: '2027-01' })
      assert.deepEqual(puts, [200], 'the lapse is saved at once, not refused as older than the opt-in')
      assert.equal(await page.getByRole('alert').count(), 0)
    } finally {
      await context.close()
      await other.stop()
    }
  })

  it('logged no page errors', () => {
    assert.deepEqual(problems, [])
  })
})
