import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { settingIds, switchId, type CreateList, type RowProbe } from './list'

/** What one measured click observed. Times in ms from the `click` event reaching the window. */
export interface ClickResult {
  /** Until the clicked row's layout effect ran: the update is committed to the DOM. */
  js: number
  /** Until the first task after the next animation frame: the frame with the change was produced. */
  frame: number
  /** Inside the switch's change handler: the store write, including its synchronous notifications. */
  store: number
  /** Row renders caused by the click, by setting id. */
  renders: Array<[string, number]>
  /** React commits caused by the click (counted by a minimal DevTools hook in the page). */
  commits: number
  /** The stored value of the clicked setting afterwards. */
  value: boolean
}

export interface InteractionPage {
  ready: Promise<void>
  /** Scrolls row `index` into view, lets two frames pass, resets the counters; returns the switch centre. */
  prepare(index: number): Promise<{ x: number; y: number; id: string }>
  nextFrames(): Promise<void>
  result(): Promise<ClickResult>
}

declare global {
  interface Window {
    __bench: InteractionPage
    __commits: number
  }
}

const twoFrames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))

/** Mounts N rows (N from `?n=`) and exposes `window.__bench` for the runner. */
export function startInteractionPage(createList: CreateList): void {
  const n = Number(new URLSearchParams(location.search).get('n') ?? '1')
  const ids = settingIds(n)
  const list = createList(ids)
  const renders = new Map<string, number>()
  let clickedAt = 0
  let committedAt = 0
  let storeMs = 0
  let frameAt: Promise<number> = Promise.resolve(0)
  let target = ''
  let commitsBefore = 0

  const probe: RowProbe = {
    rendered: (id) => void renders.set(id, (renders.get(id) ?? 0) + 1),
    committed: () => {
      if (clickedAt > 0 && committedAt === 0) committedAt = performance.now()
    },
    write: (change) => {
      const start = performance.now()
      change()
      storeMs += performance.now() - start
    },
  }

  // Capturing on window runs before React's listeners on the root and Radix's handlers.
  window.addEventListener(
    'click',
    () => {
      clickedAt = performance.now()
      frameAt = new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => resolve(performance.now())
          channel.port2.postMessage(null)
        }),
      )
    },
    { capture: true },
  )

  const container = document.getElementById('root')!
  const ready = list.ready.then(async () => {
    const root = createRoot(container)
    flushSync(() => root.render(<list.List probe={probe} />))
    await twoFrames()
  })

  window.__bench = {
    ready,
    async prepare(index) {
      target = ids[index % n]!
      const button = document.getElementById(switchId(target))!
      button.scrollIntoView({ block: 'center' })
      await twoFrames()
      renders.clear()
      clickedAt = 0
      committedAt = 0
      storeMs = 0
      commitsBefore = window.__commits
      const box = button.getBoundingClientRect()
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, id: target }
    },
    nextFrames: twoFrames,
    async result() {
      const frame = await frameAt
      return {
        js: committedAt - clickedAt,
        frame: frame - clickedAt,
        store: storeMs,
        renders: [...renders],
        commits: window.__commits - commitsBefore,
        value: list.read(target),
      }
    },
  }
}
