// Artifacts, end to end: dist/index.js uploads through @actions/artifact to
// the results service stand-in and a real Azure Blob store (Azurite), and we
// read the bytes back from the store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { basename, join } from 'node:path'
import { startArtifactStorage, type ArtifactStorage } from '../artifacts/storage.js'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { CanarytokensServerEmulator } from '../emulator/canarytokens-server/emulator.mjs'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-artifacts-auth-token-8c2e4a6b0d1f'
const DAY_MS = 24 * 3600 * 1000

let emulator: ConsoleEmulator
let consoleUrl: string
let storage: ArtifactStorage

beforeAll(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await emulator.start()
  storage = await startArtifactStorage()
})
afterAll(async () => {
  // Each stops even if the other fails, so no Azurite process outlives the tests.
  await Promise.allSettled([storage?.stop(), emulator?.stop()])
})
beforeEach(() => {
  emulator.clearRequests()
  storage.service.clearRequests()
  storage.service.clearFaults()
})

/** A step on a runner that gives it the artifact variables; TZ fixed so retention arithmetic is exact. */
function action(operation: string, inputs: Record<string, string>, env: Record<string, string> = storage.env): Promise<ActionRun> {
  return runAction({ operation, console: consoleUrl, 'auth-token': AUTH_TOKEN, ...inputs }, { env: { TZ: 'UTC', ...env } })
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/**
 * The artifact the outputs name is in the store, finalized, with exactly the
 * bytes of the file the step wrote; returns the service's record of it.
 */
async function expectArtifactHoldsFile(run: ActionRun, expectedName: string) {
  const name = run.outputs['artifact-name'] as string
  expect(name).toBe(expectedName)
  const artifact = storage.service.finalizedArtifact(name)
  if (!artifact) throw new Error(`the service has no finalized artifact '${name}'`)
  expect(run.outputs['artifact-id']).toBe(artifact.id)
  const file = await readFile(run.outputs['file-path'] as string)
  const stored = await storage.readArtifact(name)
  expect(stored.equals(file)).toBe(true)
  expect(artifact.size).toBe(file.length)
  expect(artifact.hash).toBe(sha256(file))
  expect(storage.service.requests.map((request) => [request.method, request.status])).toEqual([
    ['CreateArtifact', 200],
    ['FinalizeArtifact', 200]
  ])
  return artifact
}

/** The runner masks the SAS signature before any line that could show it. */
function expectSignatureMaskedFirst(run: ActionRun, signedUrl: string): void {
  const signature = new URL(signedUrl).searchParams.get('sig') as string
  expect(run.masks).toContain(signature)
  const lines = run.stdout.split('\n')
  const masked = lines.indexOf(`::add-mask::${signature}`)
  const firstShown = lines.findIndex((line) => !line.startsWith('::add-mask::') && line.includes(signature.slice(0, 16)))
  expect(masked).toBeGreaterThanOrEqual(0)
  if (firstShown !== -1) expect(firstShown).toBeGreaterThan(masked)
}

describe('uploads that arrive', () => {
  it('create-canarytoken on a Canarytokens server: the WireGuard config from the create answer becomes the artifact, the manage auth never shown', async () => {
    const server = new CanarytokensServerEmulator()
    await server.start()
    try {
      const run = await runAction(
        { operation: 'create-canarytoken', 'canarytokens-server': server.url, 'alert-email': 'sec@example.com', kind: 'wireguard', memo: 'vpn lure', download: 'true', path: 'vpn', 'artifact-name': 'vpn-lure' },
        { env: { TZ: 'UTC', ...storage.env } }
      )
      expectSuccess(run)
      const drop = server.getDrop(run.outputs.canarytoken as string)
      await expectArtifactHoldsFile(run, 'vpn-lure.conf')
      expect((await storage.readArtifact('vpn-lure.conf')).toString()).toMatch(/^\[Interface\]/)
      expectNoSecretsVisible(run, [drop.auth, storage.env.ACTIONS_RUNTIME_TOKEN as string])
    } finally {
      await server.stop()
    }
  })

  it('create-canarytoken: the downloaded token file becomes the artifact, with its retention', async () => {
    const before = Date.now()
    const run = await action('create-canarytoken', {
      kind: 'doc-msword',
      memo: 'release docs',
      download: 'true',
      path: 'lures',
      'artifact-name': 'release-lure',
      'retention-days': '5'
    })
    const after = Date.now()
    expectSuccess(run)
    // skipArchive: the artifact is the file itself, named after the artifact plus the file's extension.
    const artifact = await expectArtifactHoldsFile(run, 'release-lure.docx')
    expect((await storage.readArtifact('release-lure.docx')).subarray(0, 2).toString()).toBe('PK')
    expect(artifact.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    // retention-days reaches CreateArtifact's expires_at: five days after the step ran.
    const expiresAt = Date.parse(artifact.expiresAt as string)
    expect(expiresAt).toBeGreaterThanOrEqual(before + 5 * DAY_MS)
    expect(expiresAt).toBeLessThanOrEqual(after + 5 * DAY_MS)
    // The user's file stays where they asked for it, under its own name.
    expect(run.outputs['file-path']).toBe(join(run.workspace, 'lures', `${run.outputs.canarytoken}.docx`))
    expect(run.summary).toContain(`Uploaded as workflow artifact &#39;release-lure.docx&#39; (id ${artifact.id})`)
    expectSignatureMaskedFirst(run, artifact.signedUploadUrl)
    expectNoSecretsVisible(run, [AUTH_TOKEN, storage.env.ACTIONS_RUNTIME_TOKEN as string])
  })

  it('download-canarytoken: an existing token file, under a name that already has its extension', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'pdf-acrobat-reader', memo: 'pdf lure' })
    const run = await action('download-canarytoken', { canarytoken, filename: 'Invoice 2026.pdf', 'artifact-name': 'invoice.pdf' })
    expectSuccess(run)
    const artifact = await expectArtifactHoldsFile(run, 'invoice.pdf')
    expect((await storage.readArtifact('invoice.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    expect(basename(run.outputs['file-path'] as string)).toBe('Invoice 2026.pdf')
    // No retention-days: the service's default applies, so none is sent.
    expect(artifact.expiresAt).toBeUndefined()
    expect(storage.service.requests[0]?.body).not.toHaveProperty('expires_at')
  })

  it('download-canarytoken: a credentials file keeps its secrets out of the log while it is uploaded', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'aws-id', memo: 'keys' })
    const token = emulator.getToken(canarytoken)
    const run = await action('download-canarytoken', { canarytoken, filename: 'credentials', 'artifact-name': 'aws-lure' }, { ...storage.env, RUNNER_DEBUG: '1' })
    expectSuccess(run)
    // A file without an extension: the artifact is named exactly as asked.
    await expectArtifactHoldsFile(run, 'aws-lure')
    expect((await storage.readArtifact('aws-lure')).toString()).toContain(token.secret_access_key)
    expectNoSecretsVisible(run, [token.secret_access_key, AUTH_TOKEN])
  })

  it("download-api-key: a Global API key's configuration file, masked while it is uploaded", async () => {
    const key = emulator.addApiKey({ type: 'read-only', note: 'python client' })
    const run = await action('download-api-key', { 'key-id': key.key_id, path: 'config', 'artifact-name': 'console-key', 'retention-days': '1' }, { ...storage.env, RUNNER_DEBUG: '1' })
    expectSuccess(run)
    // The Console names the file canarytools.config: the artifact is the name asked for plus its extension.
    expect(basename(run.outputs['file-path'] as string)).toBe('canarytools.config')
    const artifact = await expectArtifactHoldsFile(run, 'console-key.config')
    expect((await storage.readArtifact('console-key.config')).toString()).toContain(key.auth_token)
    expect(artifact.expiresAt).toBeDefined()
    expectNoSecretsVisible(run, [key.auth_token, AUTH_TOKEN])
  })
})

describe('seed-canarytokens: every written token file, as one artifact', () => {
  const manifest = `tokens:
  - name: docs-lure
    kind: doc-msword
    file: dist/docs/Passwords.docx
  - name: aws-keys
    kind: aws-id
    file: dist/config/.aws/credentials
  - name: beacon
    kind: dns
`

  it('several files are zipped, keeping their layout below their common folder', async () => {
    const run = await runAction(
      { operation: 'seed-canarytokens', console: consoleUrl, 'auth-token': AUTH_TOKEN, manifest: 'canary.yml', 'artifact-name': 'seeded-lures', 'retention-days': '7' },
      { files: { 'canary.yml': manifest }, env: { TZ: 'UTC', ...storage.env } }
    )
    expectSuccess(run)
    expect(run.outputs['artifact-name']).toBe('seeded-lures')
    const artifact = storage.service.finalizedArtifact('seeded-lures')
    if (!artifact) throw new Error("the service has no finalized artifact 'seeded-lures'")
    expect(run.outputs['artifact-id']).toBe(artifact.id)
    expect(artifact.mimeType).toBe('application/zip')
    expect(artifact.expiresAt).toBeDefined()
    const zip = await storage.readArtifact('seeded-lures')
    expect(artifact.hash).toBe(sha256(zip))
    const files = await storage.readZippedArtifact('seeded-lures')
    expect([...files.keys()].sort()).toEqual(['config/.aws/credentials', 'docs/Passwords.docx'])
    for (const [path, content] of files) expect(content.equals(await readFile(join(run.workspace, 'dist', path)))).toBe(true)
    const seeded = JSON.parse(run.outputs.tokens as string) as Record<string, { canarytoken: string }>
    const secret = emulator.getToken(seeded['aws-keys']?.canarytoken as string).secret_access_key as string
    expect(files.get('config/.aws/credentials')?.toString()).toContain(secret)
    expectNoSecretsVisible(run, [secret, AUTH_TOKEN])
  })

  it('one file is uploaded as itself', async () => {
    const single = 'tokens:\n  - name: only\n    kind: pdf-acrobat-reader\n    file: out/Report.pdf\n'
    const run = await runAction(
      { operation: 'seed-canarytokens', console: consoleUrl, 'auth-token': AUTH_TOKEN, manifest: 'canary.yml', 'artifact-name': 'seeded-report' },
      { files: { 'canary.yml': single }, env: storage.env }
    )
    expectSuccess(run)
    expect(run.outputs['artifact-name']).toBe('seeded-report.pdf')
    const stored = await storage.readArtifact('seeded-report.pdf')
    expect(stored.equals(await readFile(join(run.workspace, 'out', 'Report.pdf')))).toBe(true)
    expect(run.outputs['artifact-id']).toBe(storage.service.finalizedArtifact('seeded-report.pdf')?.id)
  })
})

describe('list-canarytokens and cleanup-canarytokens: the tokens-file, as itself', () => {
  it('list-canarytokens uploads the whole list, whatever its size, as <artifact-name>.json', async () => {
    emulator.seedTokens(40)
    const run = await action('list-canarytokens', { kind: 'dns', 'artifact-name': 'dns-tokens', 'retention-days': '3' })
    expectSuccess(run)
    expect(run.outputs['artifact-name']).toBe('dns-tokens.json')
    const stored = await storage.readArtifact('dns-tokens.json')
    expect(stored.equals(await readFile(run.outputs['tokens-file'] as string))).toBe(true)
    expect(JSON.parse(stored.toString('utf8'))).toEqual(JSON.parse(run.outputs.tokens as string))
    expect(run.outputs['artifact-id']).toBe(storage.service.finalizedArtifact('dns-tokens.json')?.id)
  })

  it('cleanup-canarytokens uploads every outcome', async () => {
    emulator.seedTokens(5, () => ({ memo: 'artifact cleanup' }))
    const run = await action('cleanup-canarytokens', { action: 'disable', 'memo-pattern': 'artifact cleanup', 'artifact-name': 'cleanup-report' })
    expectSuccess(run)
    const stored = JSON.parse((await storage.readArtifact('cleanup-report.json')).toString('utf8')) as { outcome: string }[]
    expect(stored).toHaveLength(5)
    expect(stored).toEqual(JSON.parse(run.outputs.tokens as string))
  })
})

describe('uploads that fail say so, and leave the file', () => {
  async function expectFileKept(run: ActionRun): Promise<void> {
    const filePath = run.outputs['file-path'] as string
    expect(run.errors[0]).toContain(`The file is still at ${filePath}.`)
    expect((await stat(filePath)).isFile()).toBe(true)
    expect(run.outputs['artifact-id']).toBeUndefined()
  }

  it('the service refuses CreateArtifact', async () => {
    storage.service.injectFault({ method: 'CreateArtifact', code: 'permission_denied', msg: 'artifact uploads are disabled for this repository' })
    const run = await action('create-canarytoken', { kind: 'doc-msexcel', memo: 'm', download: 'true', 'artifact-name': 'refused' })
    expectFailure(
      run,
      /^create-canarytoken failed: uploading artifact 'refused' failed: Failed to CreateArtifact: .*\(403\).*artifact uploads are disabled for this repository\. The file is still at /
    )
    await expectFileKept(run)
    expect(storage.service.requests.map((request) => request.method)).toEqual(['CreateArtifact'])
  })

  it('the blob store refuses the upload URL', async () => {
    storage.service.injectFault({ method: 'CreateArtifact', badSignature: true })
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'm' })
    const run = await action('download-canarytoken', { canarytoken, 'artifact-name': 'unsigned' })
    expectFailure(run, /^download-canarytoken failed: uploading artifact 'unsigned' failed: Server failed to authenticate the request\..*\. The file is still at /s)
    await expectFileKept(run)
    // Never finalized: nothing half-uploaded is published as an artifact.
    expect(storage.service.requests.map((request) => request.method)).toEqual(['CreateArtifact'])
    expect(storage.service.finalizedArtifact('unsigned.docx')).toBeUndefined()
  })

  it('the service refuses FinalizeArtifact', async () => {
    storage.service.injectFault({ method: 'FinalizeArtifact', code: 'failed_precondition', msg: 'the workflow run is already complete' })
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'm' })
    const run = await action('download-canarytoken', { canarytoken, 'artifact-name': 'late' })
    expectFailure(run, /^download-canarytoken failed: uploading artifact 'late' failed: Failed to FinalizeArtifact: .*\(412\).*the workflow run is already complete\. The file is still at /)
    await expectFileKept(run)
  })

  it('the results service cannot be reached', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'm' })
    const run = await action('download-canarytoken', { canarytoken, 'artifact-name': 'unreachable' }, {
      ...storage.env,
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${closedPort}/`
    })
    expectFailure(run, /^download-canarytoken failed: uploading artifact 'unreachable' failed: Failed to CreateArtifact: Unable to make request: ECONNREFUSED\n/)
    await expectFileKept(run)
  })
})

describe('artifacts need the runner', () => {
  it.each([
    ['create-canarytoken', { kind: 'doc-msword', memo: 'm', download: 'true' }],
    ['download-canarytoken', { canarytoken: 'anything' }]
  ])('%s with artifact-name and no ACTIONS_RUNTIME_TOKEN fails before any request', async (operation, inputs) => {
    const withoutToken = Object.fromEntries(Object.entries(storage.env).filter(([name]) => name !== 'ACTIONS_RUNTIME_TOKEN'))
    expect(withoutToken).toHaveProperty('ACTIONS_RESULTS_URL')
    const run = await action(operation, { ...inputs, 'artifact-name': 'local' }, withoutToken)
    expectFailure(run, /^Input 'artifact-name' needs the GitHub Actions runner .*artifacts can only be uploaded from a workflow run\. Leave 'artifact-name' empty/)
    expect(emulator.requests).toHaveLength(0)
    expect(storage.service.requests).toHaveLength(0)
  })

  it('an empty artifact-name only writes the file, with or without the runner', async () => {
    for (const env of [storage.env, {}]) {
      const run = await action('create-canarytoken', { kind: 'doc-msword', memo: 'm', download: 'true', 'artifact-name': '' }, env)
      expectSuccess(run)
      expect((await stat(run.outputs['file-path'] as string)).isFile()).toBe(true)
      expect(run.outputs).not.toHaveProperty('artifact-name')
    }
    expect(storage.service.requests).toHaveLength(0)
  })
})

describe('the results service stand-in checks what it is told', () => {
  const twirp = (method: string, body: unknown, token = storage.env.ACTIONS_RUNTIME_TOKEN) =>
    fetch(`${storage.service.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body)
    })
  const ids = () => ({ workflow_run_backend_id: storage.service.runId, workflow_job_run_backend_id: storage.service.jobId })

  it('refuses a size or hash that differs from what the store holds, and foreign tokens', async () => {
    const created = await twirp('CreateArtifact', { ...ids(), name: 'direct.txt', version: 7 })
    expect(created.status).toBe(200)
    const { signed_upload_url: uploadUrl } = (await created.json()) as { signed_upload_url: string }
    const content = Buffer.from('the bytes in the store\n')
    const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: content })
    expect(put.status).toBe(201)

    const wrongSize = await twirp('FinalizeArtifact', { ...ids(), name: 'direct.txt', size: String(content.length + 1), hash: sha256(content) })
    expect(wrongSize.status).toBe(400)
    expect(await wrongSize.json()).toMatchObject({ code: 'invalid_argument', msg: expect.stringContaining('does not match') })
    const wrongHash = await twirp('FinalizeArtifact', { ...ids(), name: 'direct.txt', size: String(content.length), hash: sha256(Buffer.from('other')) })
    expect(wrongHash.status).toBe(400)

    const [header, payload] = (storage.env.ACTIONS_RUNTIME_TOKEN as string).split('.')
    expect((await twirp('FinalizeArtifact', { ...ids(), name: 'direct.txt', size: '1' }, `${header}.${payload}.forged`)).status).toBe(401)
    expect((await twirp('FinalizeArtifact', { ...ids(), workflow_job_run_backend_id: 'another-job', name: 'direct.txt', size: '1' })).status).toBe(403)

    const right = await twirp('FinalizeArtifact', { ...ids(), name: 'direct.txt', size: String(content.length), hash: sha256(content) })
    expect(right.status).toBe(200)
    expect(await right.json()).toEqual({ ok: true, artifact_id: storage.service.finalizedArtifact('direct.txt')?.id })
  })
})
