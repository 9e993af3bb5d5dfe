// What loads at start-up: every step pays for dist/index.js and the chunks
// it imports at once (the action itself, imported after the compile cache is
// on: src/index.ts), then for its operation's family of the table and its
// backend only (src/operations/index.ts, src/runtime.ts), so the heavy parts
// an operation may not need live in chunks that are imported on demand (the
// artifact client with the Azure SDK; yaml for extra-params; RE2; Octokit).
// Proven by running operations from a copy of dist/ without those chunks,
// and by the list of files a step really loads (scripts/lib/loaded-chunks.mjs).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { bundle, expectSuccess, postBundle, runAction, tempFolder, useCanarytokensServer, type ActionRun } from './harness.js'
import { projectRoot } from '../../scripts/lib/run-action.mjs'

const AUTH_TOKEN = 'e2e-startup-auth-token-3a9c7e1b5d2f'
const dist = dirname(bundle)

let emulator: ConsoleEmulator
let consoleUrl: string
/** The chunks an entry imports before anything else (its only import(): the action itself). */
async function startChunks(entry: string): Promise<string[]> {
  const code = await readFile(entry, 'utf8')
  return [...code.matchAll(/__nccwpck_require__\.e\((?:\/\*[^*]*\*\/\s*)?(\d+)\)/g)].map((match) => `${match[1]}.index.js`)
}

/** What marks the heavy chunks: the artifact client, the Azure SDK, yaml, @actions/http-client, @actions/exec, undici (the artifact client's, through @actions/http-client), RE2, Octokit. */
const HEAVY_MARKERS = ['DefaultArtifactClient', 'BlockBlobClient', 'YAMLParseError', 'HttpClientError', 'ToolRunner', 'fetchFinale', 'wasm_on_headers_complete', 'RE2JSSyntaxException', 'octokit-core.js']

/** dist/index.js (and dist/package.json) and every chunk but the heavy ones (HEAVY_MARKERS): the action's own code and @actions/core. */
let entryOnly: string
/** dist/post/index.js (and its package.json), without the chunks. */
let postEntryOnly: string

beforeAll(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await emulator.start()
  const folder = await tempFolder('canary-entry-only-')
  const chunks = (await readdir(dist)).filter((file) => /^\d+\.index\.js$/.test(file))
  const light = []
  for (const chunk of chunks) {
    const code = await readFile(join(dist, chunk), 'utf8')
    if (!HEAVY_MARKERS.some((marker) => code.includes(marker))) light.push(chunk)
  }
  for (const start of await startChunks(bundle)) expect([start, light.includes(start)]).toEqual([start, true])
  await Promise.all(['index.js', 'package.json', ...light].map((file) => copyFile(join(dist, file), join(folder, file))))
  entryOnly = join(folder, 'index.js')
  const postFolder = join(folder, 'post')
  await mkdir(postFolder)
  await Promise.all(['index.js', 'package.json'].map((file) => copyFile(join(dirname(postBundle), file), join(postFolder, file))))
  postEntryOnly = join(postFolder, 'index.js')
})
afterAll(async () => {
  await emulator.stop()
})

function fromEntryOnly(operation: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ operation, console: consoleUrl, 'auth-token': AUTH_TOKEN, ...inputs }, { bundle: entryOnly })
}

describe('operations that upload nothing need none of the heavy chunks', () => {
  it('create, fetch, download and delete run without them', async () => {
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

  it('a glob memo-pattern needs no chunk; a /regex/ loads RE2 on demand, from a chunk', async () => {
    expectSuccess(await fromEntryOnly('list-canarytokens', { 'memo-pattern': 'entry *' }))
    const run = await fromEntryOnly('list-canarytokens', { 'memo-pattern': '/^entry/' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/Cannot find module '.*\/\d+\.index\.js'/)
  })

  it('the artifact client, the Azure SDK, yaml, RE2, the whole of undici and @actions/core\'s OIDC and exec parts are not loaded at start, but in chunks', async () => {
    const start = ['index.js', ...(await startChunks(bundle))]
    expect(start.length).toBeGreaterThan(1)
    const entry = (await Promise.all(start.map((file) => readFile(join(dist, file), 'utf8')))).join('\n')
    const others = await Promise.all(
      (await readdir(dist)).filter((file) => /^\d+\.index\.js$/.test(file) && !start.includes(file)).map((file) => readFile(join(dist, file), 'utf8'))
    )
    // HttpClientError: @actions/http-client (which @actions/core's OIDC client loads); ToolRunner: @actions/exec; fetchFinale: undici's fetch;
    // wasm_on_headers_complete: undici's WebAssembly HTTP parser (the Canary servers' wire is Node's http, whose parser is native).
    for (const marker of HEAVY_MARKERS.filter((marker) => marker !== 'octokit-core.js')) {
      expect([marker, entry.includes(marker)]).toEqual([marker, false])
      expect([marker, others.some((chunk) => chunk.includes(marker))]).toEqual([marker, true])
    }
  })
})

describe('Octokit loads only for report-incidents', () => {
  it('list-incidents and acknowledge-incidents run without the heavy chunks, so without Octokit', async () => {
    const token = emulator.addToken({ kind: 'dns', memo: 'octokit stays out' })
    emulator.addIncident(token.canarytoken)
    const listed = await fromEntryOnly('list-incidents', { canarytoken: token.canarytoken })
    expectSuccess(listed)
    expect(listed.outputs.count).toBe('1')
    expectSuccess(await fromEntryOnly('acknowledge-incidents', { canarytoken: token.canarytoken }))
  })

  it('report-incidents imports its chunk on demand: from the entry alone it cannot find it', async () => {
    const run = await fromEntryOnly('report-incidents', { 'github-token': 'ghs_not_used_0123456789' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/Cannot find module '.*\/\d+\.index\.js'/)
  })

  it('Octokit and its plugins are not in dist/index.js, but in a chunk', async () => {
    const entry = await readFile(bundle, 'utf8')
    const chunks = await Promise.all(
      (await readdir(dist)).filter((file) => /^\d+\.index\.js$/.test(file)).map((file) => readFile(join(dist, file), 'utf8'))
    )
    for (const marker of ['octokit-core.js', 'onSecondaryRateLimit', 'x-ratelimit-reset']) {
      expect([marker, entry.includes(marker)]).toEqual([marker, false])
      expect([marker, chunks.some((chunk) => chunk.includes(marker))]).toEqual([marker, true])
    }
  })
})

describe('the post step loads nothing when it has nothing to do', () => {
  it('after any other operation, dist/post/index.js alone exits at once: no output, no request', async () => {
    emulator.clearRequests()
    const run = await runAction({ operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken: 'x' }, { bundle: postEntryOnly })
    expect([run.exitCode, run.stdout, run.stderr, run.summary]).toEqual([0, '', '', ''])
    expect(emulator.requests).toHaveLength(0)
  })

  it('after plant-runner-canaries, the check and @actions/core come from a chunk', async () => {
    const run = await runAction(
      { operation: 'plant-runner-canaries', console: consoleUrl, 'auth-token': AUTH_TOKEN },
      { bundle: postEntryOnly, state: { 'runner-canary': '{}' } }
    )
    // No chunk, no @actions/core to print an ::error:: with: Node's own crash on stderr.
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toMatch(/Cannot find module '.*\/post\/\d+\.index\.js'/)
  })

  it('the post entry is small: the operation table, undici and @actions/core are not in it', async () => {
    const entry = await readFile(postBundle, 'utf8')
    const main = (await Promise.all((await readdir(dist)).filter((file) => file.endsWith('.js')).map((file) => readFile(join(dist, file), 'utf8')))).join('\n')
    for (const marker of ['seed-canarytokens', 'aws_secret_access_key', 'x-canary-auth-token', 'kHTTP2Session', 'issueCommand']) {
      // Each marker is in the main bundle, so its absence here means something.
      expect([marker, main.includes(marker), entry.includes(marker)]).toEqual([marker, true, false])
    }
  })
})

/** The dist/ files a run of the real bundle loaded (scripts/lib/loaded-chunks.mjs), and their code. */
async function loadedBy(inputs: Record<string, string>): Promise<{ run: ActionRun; files: string[]; code: string }> {
  const folder = await tempFolder('canary-loaded-')
  const file = join(folder, 'chunks')
  const run = await runAction(inputs, { wrapper: [join(projectRoot, 'scripts', 'lib', 'loaded-chunks.mjs')], env: { CHUNKS_FILE: file } })
  const files = (await readFile(file, 'utf8')).split('\n').filter(Boolean)
  return { run, files, code: (await Promise.all(files.map((name) => readFile(join(dist, name), 'utf8')))).join('\n') }
}

/** A mark of each operation family (their rows' names in src/operations/*.ts) and of each backend's class. */
const FAMILY_MARKERS = {
  canarytokens: 'fetchOperation',
  'api-keys': 'addApiKeyOperation',
  cleanup: 'cleanupOperation',
  seed: 'seedOperation',
  'runner-canaries': 'plantRunnerCanariesOperation',
  incidents: 'listIncidentsOperation',
  report: 'GitHubIssues',
  console: 'class ConsoleBackend',
  'canarytokens-server': 'class CanarytokensServerBackend'
}

describe('a step loads only its operation family and its backend', () => {
  const free = useCanarytokensServer()

  it('every mark is in dist/, once, in a chunk the entry does not load at start', async () => {
    const start = (await Promise.all(['index.js', ...(await startChunks(bundle))].map((file) => readFile(join(dist, file), 'utf8')))).join('\n')
    const chunks = await Promise.all((await readdir(dist)).filter((file) => /^\d+\.index\.js$/.test(file)).map((file) => readFile(join(dist, file), 'utf8')))
    for (const marker of Object.values(FAMILY_MARKERS)) {
      expect([marker, start.includes(marker), chunks.filter((chunk) => chunk.includes(marker)).length]).toEqual([marker, false, 1])
    }
  })

  it('fetch-canarytoken on the Console: the canarytokens family and the Console backend, no other family, not the other backend', async () => {
    const canarytoken = emulator.addToken({ kind: 'dns', memo: 'what loads' }).canarytoken
    const { run, files, code } = await loadedBy({ operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken })
    expectSuccess(run)
    expect(files).toContain('index.js')
    const loaded = Object.entries(FAMILY_MARKERS).filter(([, marker]) => code.includes(marker)).map(([name]) => name)
    expect(loaded).toEqual(['canarytokens', 'console'])
    for (const marker of HEAVY_MARKERS) expect([marker, code.includes(marker)]).toEqual([marker, false])
  })

  it('fetch-canarytoken on a Canarytokens server: that backend, not the Console', async () => {
    const made = await free.action('create-canarytoken', { kind: 'dns', memo: 'what loads' })
    expectSuccess(made)
    const { run, code } = await loadedBy({ operation: 'fetch-canarytoken', 'canarytokens-server': free.server.url, canarytoken: made.outputs.canarytoken as string, 'manage-auth': made.outputs['manage-auth'] as string })
    expectSuccess(run)
    expect(Object.entries(FAMILY_MARKERS).filter(([, marker]) => code.includes(marker)).map(([name]) => name)).toEqual(['canarytokens', 'canarytokens-server'])
  })

  it('list-incidents: its family and the listing helpers, not seed, cleanup, the GitHub report or the API keys', async () => {
    const { run, code } = await loadedBy({ operation: 'list-incidents', console: consoleUrl, 'auth-token': AUTH_TOKEN })
    expectSuccess(run)
    expect(Object.entries(FAMILY_MARKERS).filter(([, marker]) => code.includes(marker)).map(([name]) => name)).toEqual(['incidents', 'console'])
  })

  it('an unknown operation loads no family and no backend, and still gets the near miss', async () => {
    const { run, code } = await loadedBy({ operation: 'fetch-canarytokens', console: consoleUrl, 'auth-token': AUTH_TOKEN })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/^Input 'operation': 'fetch-canarytokens' is not an operation of this action; did you mean 'fetch-canarytoken'\? It must be one of: create-canarytoken, /)
    expect(Object.entries(FAMILY_MARKERS).filter(([, marker]) => code.includes(marker))).toEqual([])
  })
})

describe("Node's compile cache, in RUNNER_TEMP for the job's later steps", () => {
  const CACHE = 'canary-console-action-compile-cache'
  const token = () => emulator.addToken({ kind: 'dns', memo: 'compile cache' }).canarytoken

  it("the job's first step only marks a private folder, the second writes the cache, a later one reads it and does the same", async () => {
    const runnerTemp = await tempFolder('canary-runner-temp-')
    const canarytoken = token()
    const inputs = { operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken }
    const first = await runAction(inputs, { env: { RUNNER_TEMP: runnerTemp } })
    expectSuccess(first)
    const folder = join(runnerTemp, CACHE)
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    // A job that uses the action once pays nothing for a cache no later step would read.
    expect(await readdir(folder, { recursive: true })).toEqual(['step.ran'])
    const second = await runAction(inputs, { env: { RUNNER_TEMP: runnerTemp } })
    expectSuccess(second)
    const written = await readdir(folder, { recursive: true })
    expect(written.length).toBeGreaterThan(2)
    const later = await runAction(inputs, { env: { RUNNER_TEMP: runnerTemp } })
    expectSuccess(later)
    expect(await readdir(folder, { recursive: true })).toEqual(written)
    expect([second.outputs, later.outputs]).toEqual([first.outputs, first.outputs])
    expect([second.stdout, later.stdout]).toEqual([first.stdout, first.stdout])
  })

  it('a cache folder others can write to is not used: the step runs without it and writes nothing there', async () => {
    const runnerTemp = await tempFolder('canary-runner-temp-')
    const folder = join(runnerTemp, CACHE)
    await mkdir(folder)
    await chmod(folder, 0o777)
    await writeFile(join(folder, 'planted'), 'not a cache')
    const run = await runAction({ operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken: token() }, { env: { RUNNER_TEMP: runnerTemp } })
    expectSuccess(run)
    expect(await readdir(folder)).toEqual(['planted'])
  })

  it('the post step after another operation writes no cache', async () => {
    const runnerTemp = await tempFolder('canary-runner-temp-')
    const run = await runAction({ operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken: 'x' }, { bundle: postBundle, env: { RUNNER_TEMP: runnerTemp } })
    expect([run.exitCode, run.stdout, run.stderr]).toEqual([0, '', ''])
    expect(await readdir(runnerTemp)).toEqual([])
  })
})
