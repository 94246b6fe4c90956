import { ConsentSwitch, ModelImprovementSetting } from '@model-consent/react'
import { ar } from '@model-consent/react/locales/ar'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../packages/react/src/styles.css'

const measure = () => ({
  sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth,
  left: Math.min(...[...document.querySelectorAll('input')].map((i) => i.getBoundingClientRect().left)),
  right: Math.max(...[...document.querySelectorAll('input')].map((i) => i.getBoundingClientRect().right)),
  scrollX: (document.scrollingElement as HTMLElement).scrollLeft,
})

describe('probe', () => {
  for (const dir of ['ltr', 'rtl'] as const) {
    it(`setting in a form ${dir}`, async () => {
      await page.viewport(320, 640)
      document.documentElement.dir = dir
      await render(<form><ModelImprovementSetting locale={dir === 'rtl' ? ar : undefined} defaultValue={{ 'improve-model': true }} /></form>)
      await new Promise((r) => setTimeout(r, 100))
      console.log(dir, JSON.stringify(measure()))
      document.documentElement.dir = ''
    })
    it(`switch in a form ${dir}`, async () => {
      await page.viewport(320, 640)
      document.documentElement.dir = dir
      await render(<form><label htmlFor="s">Label</label><ConsentSwitch id="s" /></form>)
      await new Promise((r) => setTimeout(r, 100))
      console.log('switch', dir, JSON.stringify(measure()))
      document.documentElement.dir = ''
    })
  }
  it('dialog at 320x256', async () => {
    await page.viewport(320, 256)
    await render(<ModelImprovementSetting />)
    await page.getByRole('switch', { name: 'Improve the model for everyone' }).click()
    const dialog = document.querySelector('dialog')!
    console.log('dialog', JSON.stringify(dialog.getBoundingClientRect()), dialog.scrollHeight, dialog.clientHeight, getComputedStyle(dialog).overflow)
    await userEvent.keyboard('{Tab}')
    const a = document.activeElement!
    console.log('active', a.textContent, JSON.stringify(a.getBoundingClientRect()))
  })
})
