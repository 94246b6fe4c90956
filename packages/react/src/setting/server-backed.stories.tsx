import type { Meta, StoryObj } from '@storybook/react-vite'
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { createSimulatedServer } from '../../../../.storybook/simulated-server'
import { ModelImprovementSetting, type ModelImprovementSettingProps } from './model-improvement-setting'

const TITLE = 'Improve the model for everyone'
type Choice = Readonly<Record<string, boolean>>

/** Story args of the server-backed example. */
interface QueryArgs extends ModelImprovementSettingProps {
  /** Milliseconds the simulated API takes to answer a read or a save. */
  serverLatency: number
  /** Whether the first save fails (503), to show the alert and Try again. */
  failFirstSave: boolean
}

/**
 * The TanStack Query recipe from the README: `useQuery` reads the choice, `useMutation` saves it,
 * `value={data ?? null}` shows "loading" until the first answer, and the mutation's promise is
 * what `onValueChange` returns. The invalidation is not awaited: the setting stays "saving" until
 * the refetched `value` shows the change, so there is no stale frame.
 */
function QuerySettings({ serverLatency, failFirstSave, ...props }: QueryArgs) {
  const [api] = useState(() => {
    const server = createSimulatedServer({ latency: serverLatency, failure: failFirstSave ? 'first-save' : 'never' })
    let saved: Choice = {}
    return {
      load: async (): Promise<Choice> => {
        await new Promise((resolve) => setTimeout(resolve, serverLatency))
        return saved
      },
      save: async (next: Choice) => {
        await server.save(next)
        saved = next
      },
    }
  })
  const queryClient = useQueryClient()
  const { data } = useQuery({ queryKey: ['consent'], queryFn: api.load })
  const save = useMutation({
    mutationFn: api.save,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['consent'] }),
  })
  return <ModelImprovementSetting {...props} value={data ?? null} onValueChange={(next) => save.mutateAsync(next)} />
}

/** One QueryClient for the story's lifetime; no retries, so a failure shows at once. */
function WithQueryClient(args: QueryArgs) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }))
  return (
    <QueryClientProvider client={client}>
      <QuerySettings {...args} />
    </QueryClientProvider>
  )
}

/**
 * Server-backed settings as apps write them: a controlled `value` that is `null` while loading,
 * with the save and the refetch in the app's own data layer.
 */
const meta = {
  title: 'Components/ModelImprovementSetting/Server-backed',
  component: ModelImprovementSetting,
  args: { onConsentChange: fn(), onError: fn() },
} satisfies Meta<typeof ModelImprovementSetting>

export default meta
type Story = StoryObj<typeof meta>
type QueryStory = StoryObj<QueryArgs>

/**
 * `value={null}`: the saved choice is not known yet. The words are there; the switches are busy
 * and cannot be used; a polite status says the choice is loading. No "Off" is shown as if saved.
 */
export const Loading: Story = {
  args: { value: null, onValueChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading your choice…')
    for (const control of canvas.getAllByRole('switch')) {
      await expect(control).toHaveAttribute('aria-busy', 'true')
      await expect(control).toBeDisabled()
    }
    await userEvent.click(canvas.getByRole('switch', { name: TITLE }), { pointerEventsCheck: 0 })
    await expect(args.onValueChange).not.toHaveBeenCalled()
  },
}

/**
 * The README's TanStack Query recipe against a simulated API: loading, a save that fails the
 * first time (alert, Try again), then a success that shows only once the refetch has the new value.
 */
export const ServerBackedWithTanStackQuery: QueryStory = {
  name: 'Server-backed with TanStack Query',
  args: { serverLatency: 300, failFirstSave: true },
  argTypes: { serverLatency: { control: { type: 'range', min: 0, max: 3000, step: 100 } } },
  render: (args) => <WithQueryClient {...args} />,
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement)
    const main = () => canvas.getByRole('switch', { name: TITLE })
    await step('loading', async () => {
      await expect(canvas.getByRole('status')).toHaveTextContent('Loading your choice…')
      await waitFor(() => expect(main()).toBeEnabled())
      await expect(canvas.getByRole('status')).toBeEmptyDOMElement()
    })
    await step('a failed save, and Try again', async () => {
      await userEvent.click(main())
      await userEvent.click(within(await canvas.findByRole('alertdialog')).getByRole('button', { name: 'Turn on' }))
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Saving your choice…'))
      await expect(await canvas.findByRole('alert')).toHaveTextContent("We couldn't save your choice. It is still off.")
      await expect(main()).not.toBeChecked()
      await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    })
    await step('success, shown once the refetch has it', async () => {
      await waitFor(() => expect(main()).toBeChecked(), { timeout: 3000 })
      await expect(main()).not.toHaveAttribute('aria-busy')
      await expect(args.onConsentChange).toHaveBeenCalledTimes(1)
      await expect(args.onConsentChange).toHaveBeenCalledWith(expect.objectContaining({ setting: 'improve-model', value: true }))
    })
  },
}
