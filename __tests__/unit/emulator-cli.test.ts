import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type Server } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../emulator/cli.mjs', import.meta.url))

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr })
    })
  })
}

const children: ChildProcess[] = []
const servers: Server[] = []
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('npm run emulator (the emulator CLI)', () => {
  it('--help lists every option and exits 0', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const option of ['--port', '--auth-token', '--seed', '--latency-ms', '--quiet', '--help']) expect(stdout).toContain(option)
  })

  it('an unknown option is one line and exit code 2', async () => {
    const { code, stderr } = await runCli(['--prot', '4100'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^Unknown option '--prot'.*\nRun with --help for the options\.\n$/)
  })

  it('a busy port is one clear line and exit code 1, no stack trace', async () => {
    const server = createServer()
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const { code, stdout, stderr } = await runCli(['--port', String(port)])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(`Console emulator: cannot listen: port ${port} on 127.0.0.1 is already in use: stop what holds it, or pick another with --port N (0: any free port).\n`)
  })

  it('prints every request as it arrives, with parameter names but no values', async () => {
    const child = spawn(process.execPath, [cli], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
    const { url, authToken } = JSON.parse(line) as { url: string; authToken: string }
    const requests = createInterface({ input: child.stderr! })
    const printed = once(requests, 'line')
    await fetch(`${url}/api/v1/canarytoken/fetch?canarytoken=secret-looking-value`, { headers: { 'X-Canary-Auth-Token': authToken } })
    const [logged] = (await printed) as [string]
    expect(logged).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/api\/v1\/canarytoken\/fetch \[canarytoken\] \(auth in header\)$/)
    expect(logged).not.toContain('secret-looking-value')
    expect(logged).not.toContain(authToken)
  })
})
