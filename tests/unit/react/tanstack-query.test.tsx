import { ModelImprovementSetting } from '@model-consent/react'
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

type Choice = Record<string, boolean>
const TITLE = 'Improve the model for everyone'
const mainSwitch = () => screen.getByRole('switch', { name: TITLE })
const status = () => screen.getByRole('status')

/** A server the test answers by hand: every request waits until the test settles it. */
function heldServer(initial: Choice) {
  let saved = initial
  const requests: { kind: 'load' | 'save'; settle: (ok: boolean) => void }[] = []
  const request = <T,>(kind: 'load' | 'save', answer: () => T) =>
    new Promise<T>((resolve, reject) => {
      requests.push({ kind, settle: (ok) => (ok ? resolve(answer()) : reject(new Error('503 Service Unavailable'))) })
    })
  return {
    load: () => request('load', () => saved),
    save: (next: Choice) => request('save', () => (saved = next)),
    get saved() {
      return saved
    },
    /** Answers the oldest open request, which must be of `kind`. */
    async answer(kind: 'load' | 'save', ok = true) {
      const next = requests.shift()
      expect(next?.kind).toBe(kind)
      // TanStack Query tells its observers on a zero-delay timer: let that run too.
      await act(async () => {
        next!.settle(ok)
        await new Promise((resolve) => setTimeout(resolve, 10))
      })
    },
  }
}

/** The recipe from the README: useQuery + useMutation, `value={data ?? null}`, un-awaited invalidation. */
function ConsentSettings({ api, onConsentChange }: { api: ReturnType<typeof heldServer>; onConsentChange: () => void }) {
  const queryClient = useQueryClient()
  const { data } = useQuery({ queryKey: ['consent'], queryFn: api.load })
  const save = useMutation({
    mutationFn: api.save,
    // Not awaited on purpose: the setting stays "saving" until the refetched value shows the change.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['consent'] }),
  })
  return <ModelImprovementSetting value={data ?? null} onValueChange={(next) => save.mutateAsync(next)} onConsentChange={onConsentChange} />
}

describe('ModelImprovementSetting with @tanstack/react-query', () => {
  it('goes through loading, saving, a failed save with Try again, and a success', async () => {
    const user = userEvent.setup()
    const api = heldServer({ 'improve-model': false })
    const onConsentChange = vi.fn()
    const warn = vi.spyOn(console, 'warn')
    const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
    render(
      <QueryClientProvider client={client}>
        <ConsentSettings api={api} onConsentChange={onConsentChange} />
      </QueryClientProvider>,
    )

    // Loading: busy, not operable, said politely.
    expect(status()).toHaveTextContent('Loading your choice…')
    expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
    expect(mainSwitch()).toBeDisabled()
    await api.answer('load')
    expect(status()).toBeEmptyDOMElement()
    expect(mainSwitch()).toBeEnabled()
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')

    // Saving, then a failure: the old value stays, with an alert and Try again.
    await user.click(mainSwitch())
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Turn on' }))
    expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
    expect(status()).toHaveTextContent('Saving your choice…')
    await api.answer('save', false)
    expect(screen.getByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still off.")
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(mainSwitch()).not.toHaveAttribute('aria-busy')
    expect(onConsentChange).not.toHaveBeenCalled()

    // Try again succeeds; the cache refetches without being awaited: no stale frame meanwhile.
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await api.answer('save')
    expect(api.saved).toEqual({ 'improve-model': true })
    expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(status()).toHaveTextContent('Saving your choice…')
    expect(onConsentChange).not.toHaveBeenCalled()
    await api.answer('load')
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(mainSwitch()).not.toHaveAttribute('aria-busy')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(status()).toHaveTextContent('Your choice is saved.')
    expect(onConsentChange).toHaveBeenCalledTimes(1)
    expect(onConsentChange).toHaveBeenCalledWith(expect.objectContaining({ setting: 'improve-model', value: true, source: 'user' }))
    expect(screen.getByRole('switch', { name: 'Include audio recordings' })).toBeEnabled()
    expect(warn).not.toHaveBeenCalled()
    client.clear()
  })

  it('with an optimistic update, shows the change at once and rolls it back when the save fails', async () => {
    const user = userEvent.setup()
    const api = heldServer({})
    const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
    function Optimistic() {
      const queryClient = useQueryClient()
      const { data } = useQuery({ queryKey: ['consent'], queryFn: api.load })
      const save = useMutation({
        mutationFn: api.save,
        onMutate: (next: Choice) => {
          const previous = queryClient.getQueryData<Choice>(['consent'])
          queryClient.setQueryData(['consent'], next)
          return { previous }
        },
        onError: (_error, _next, context) => queryClient.setQueryData(['consent'], context?.previous),
      })
      return <ModelImprovementSetting value={data ?? null} confirm="never" onValueChange={(next) => save.mutateAsync(next)} />
    }
    render(
      <QueryClientProvider client={client}>
        <Optimistic />
      </QueryClientProvider>,
    )
    await api.answer('load')
    await user.click(mainSwitch())
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(mainSwitch()).toHaveAttribute('aria-busy', 'true')
    await api.answer('save', false)
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByRole('alert')).toHaveTextContent('It is still off.')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await api.answer('save')
    expect(mainSwitch()).toHaveAttribute('aria-checked', 'true')
    expect(mainSwitch()).not.toHaveAttribute('aria-busy')
    client.clear()
  })
})
