import { createServer } from 'node:net'

/**
 * A TCP port on 127.0.0.1 that is free now: the system picks it (port 0), and it is released at
 * once for the caller's own server. Tests that start a server they cannot hand a listening
 * socket to (such as `next start`) use it, so two runs on one machine do not collide.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}
