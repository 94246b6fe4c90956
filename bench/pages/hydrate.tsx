import { hydrateRoot } from 'react-dom/client'
import { createBaselineList } from './baseline-list'
import { createKitList } from './kit-list'
import { settingIds, switchId } from './list'

/** What hydrating the server HTML reported, and whether the hydrated page then responds to a click. */
export interface HydrationResult {
  recoverableErrors: string[]
  uncaughtErrors: string[]
  interactive: boolean
}

declare global {
  interface Window {
    __hydrate: Promise<HydrationResult>
  }
}

const params = new URLSearchParams(location.search)
const ids = settingIds(Number(params.get('n') ?? '1'))
const list = (params.get('impl') === 'kit' ? createKitList : createBaselineList)(ids)
const recoverableErrors: string[] = []
const uncaughtErrors: string[] = []

window.__hydrate = list.ready.then(async () => {
  hydrateRoot(document.getElementById('root')!, <list.List />, {
    onRecoverableError: (error) => void recoverableErrors.push(String(error)),
    onUncaughtError: (error) => void uncaughtErrors.push(String(error)),
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  const last = ids[ids.length - 1]!
  document.getElementById(switchId(last))!.click()
  await new Promise((resolve) => setTimeout(resolve, 50))
  const interactive = document.getElementById(switchId(last))!.getAttribute('aria-checked') === 'true' && list.read(last)
  return { recoverableErrors, uncaughtErrors, interactive }
})
