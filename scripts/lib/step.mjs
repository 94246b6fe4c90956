/** Runs one named step of a script, printing "- title ... ok (1.2 s): note" or FAILED with the command's output. */
export async function step(title, fn) {
  const t = performance.now()
  process.stdout.write(`- ${title} ... `)
  try {
    const note = await fn()
    console.log(`ok (${((performance.now() - t) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}`)
  } catch (error) {
    console.log('FAILED')
    const output = [error.stdout, error.stderr].filter(Boolean).map(String).join('\n').trim()
    console.error(output || error.message)
    throw error
  }
}
