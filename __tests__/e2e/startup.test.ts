// What loads at start-up: every step pays for dist/index.js, so the heavy
// parts an operation may not need live in chunks that are imported on demand
// (the artifact client with the Azure SDK; yaml for extra-params). Proven by
// running operations from a copy of dist/ that holds index.js and nothing else.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { bundle, expectSuccess, runAction, tempFolder, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-startup-auth-token-3a9c7e1b5d2f'
const dist = dirname(bundle)

let emulator: ConsoleEmulator
let consoleUrl: string
/** dist/index.js (and dist/package.json), without the chunks. */
let entryOnly: string

beforeAll(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await emulator.start()
  const folder = await tempFolder('canary-entry-only-')
  await Promise.all(['index.js', 'package.json'].map((file) => copyFile(join(dist, file), join(folder, file))))
  entryOnly = join(folder, 'index.js')
})
afterAll(async () => {
  await emulator.stop()
})

function fromEntryOnly(operation: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ operation, console: consoleUrl, 'auth-token': AUTH_TOKEN, ...inputs }, { bundle: entryOnly })
}

describe('operations that upload nothing need dist/index.js only', () => {
  it('create, fetch, download and delete run without any chunk', async () => {
    const created = await fromEntryOnly('create-canarytoken', { kind: 'doc-msword', memo: 'entry only', download: 'true' })
    expectSuccess(created)
    const canarytoken = created.outputs.canarytoken as string
    expect((await readFile(created.outputs['file-path'] as string)).subarray(0, 2).toString()).toBe('PK')
    expectSuccess(await fromEntryOnly('fetch-canarytoken', { canarytoken }))
    expectSuccess(await fromEntryOnly('download-canarytoken', { canarytoken, path: 'out' }))
    expectSuccess(await fromEntryOnly('delete-canarytoken', { canarytoken }))
    expect(emulator.getToken(canarytoken)).toBeUndefined()
  })

  it('extra-params loads yaml on demand, from a chunk', async () => {
    const run = await fromEntryOnly('create-canarytoken', { kind: 'dns', memo: 'm', 'extra-params': 'expiry: 6mo' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/Cannot find module '.*\/\d+\.index\.js'/)
  })

  it('the artifact client, the Azure SDK and yaml are not in dist/index.js, but in chunks', async () => {
    const entry = await readFile(bundle, 'utf8')
    const chunks = await Promise.all(
      (await readdir(dist)).filter((file) => /^\d+\.index\.js$/.test(file)).map((file) => readFile(join(dist, file), 'utf8'))
    )
    for (const marker of ['DefaultArtifactClient', 'BlockBlobClient', 'YAMLParseError']) {
      expect(entry).not.toContain(marker)
      expect(chunks.some((chunk) => chunk.includes(marker))).toBe(true)
    }
  })
})
