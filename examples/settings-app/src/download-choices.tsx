import { createConsentReceipt, type ConsentStore } from '@model-consent/core'
import { disclosureVersion } from '@model-consent/react'
import { useState } from 'react'

/**
 * "Download my choices": the person's consent receipt (ISO/IEC TS 27560 and Kantara shaped JSON,
 * see the kit's README) as a file. No name or email goes in it: a receipt gets saved and shared.
 */
export function DownloadChoices({ store }: { readonly store: ConsentStore }) {
  const [problem, setProblem] = useState<string | null>(null)
  const download = async () => {
    try {
      await store.ready
      const receipt = createConsentReceipt(store, {
        controller: { name: 'Chat app (example)', contact: 'privacy@example.com' },
        disclosureVersion: disclosureVersion('en'),
        locale: 'en',
      })
      const url = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }))
      const link = document.createElement('a')
      link.href = url
      link.download = `my-privacy-choices-${receipt.issuedAt.slice(0, 10)}.json`
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 0)
      setProblem(null)
    } catch (error) {
      setProblem(`We couldn't make the file: ${(error as Error).message}`)
    }
  }
  return (
    <div className="app-card">
      <p className="app-hint">A copy of your privacy choices: what you chose, when, and under which policy (JSON).</p>
      <button type="button" className="app-button" data-variant="secondary" onClick={download}>
        Download my choices
      </button>
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  )
}
