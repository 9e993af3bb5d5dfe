import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFile, stat, symlink, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, tempFolder, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-seed-9f8e7d6c5b4a'
const CREATE = '/api/v1/canarytoken/create'

const MANIFEST = `flock-id: flock:default
tokens:
  - name: docs-lure
    kind: doc-msword
    file: dist/docs/Passwords.docx
  - name: aws-keys
    kind: aws-id
    file: dist/config/.aws/credentials
  - name: beacon
    kind: dns
    memo: "{repository} {ref_name} beacon"
    template: dist/app/config.js
`
const TEMPLATE = 'export const host = "{{ canarytoken.beacon.hostname }}"\nexport const key = "{{canarytoken.aws-keys.access_key_id}}"\nexport const secret = "{{ canarytoken.aws-keys.secret_access_key }}"\n'
const RUN_ENV = { GITHUB_REF_NAME: 'main' }

interface SeededToken {
  canarytoken: string
  kind: string
  hostname?: string
  url?: string
  memo: string
  file?: string
  reused: boolean
}

let emulator: ConsoleEmulator
let consoleUrl: string

beforeEach(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await emulator.start()
})
afterEach(async () => {
  await emulator.stop()
})

function seed(
  inputs: Record<string, string> = {},
  files: Record<string, string> = { 'canary.yml': MANIFEST, 'dist/app/config.js': TEMPLATE },
  options: Parameters<typeof runAction>[1] = {}
): Promise<ActionRun> {
  return runAction(
    { operation: 'seed-canarytokens', console: consoleUrl, 'auth-token': AUTH_TOKEN, manifest: 'canary.yml', ...inputs },
    { files, ...options, env: { ...RUN_ENV, ...options.env } }
  )
}

const seeded = (run: ActionRun): Record<string, SeededToken> => JSON.parse(run.outputs.tokens ?? 'null') as Record<string, SeededToken>
const creates = () => emulator.requests.filter((request) => request.path === CREATE)
const exists = (path: string) => stat(path).then(() => true, () => false)

describe('seed-canarytokens', () => {
  it('creates every entry, writes the document and the aws-id credentials, fills the template, and shows no secret', async () => {
    const run = await seed({}, undefined, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    const tokens = seeded(run)
    expect(Object.keys(tokens).sort()).toEqual(['aws-keys', 'beacon', 'docs-lure'])
    expect(run.outputs).toMatchObject({ count: '3', 'created-count': '3', 'reused-count': '0' })
    expect(creates()).toHaveLength(3)

    // The default memo says which build the token was placed in; a memo's placeholders are filled.
    expect(tokens['docs-lure']).toMatchObject({ kind: 'doc-msword', memo: 'octo-org/octo-repo@0123456 run 4242: docs-lure', reused: false })
    expect(tokens.beacon).toMatchObject({ kind: 'dns', memo: 'octo-org/octo-repo main beacon' })
    for (const token of Object.values(tokens)) expect(emulator.getToken(token.canarytoken)).toMatchObject({ memo: token.memo, flock_id: 'flock:default' })

    const docx = await readFile(join(run.workspace, 'dist/docs/Passwords.docx'))
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(tokens['docs-lure']?.file).toBe(join(run.workspace, 'dist/docs/Passwords.docx'))

    const aws = emulator.getToken(tokens['aws-keys']!.canarytoken)
    const credentialsPath = join(run.workspace, 'dist/config/.aws/credentials')
    expect(await readFile(credentialsPath, 'utf8')).toBe(aws.renders['aws-id'])
    expect((await stat(credentialsPath)).mode & 0o777).toBe(0o600)

    const config = await readFile(join(run.workspace, 'dist/app/config.js'), 'utf8')
    expect(config).toBe(
      `export const host = "${tokens.beacon!.hostname}"\nexport const key = "${aws.access_key_id}"\nexport const secret = "${aws.secret_access_key}"\n`
    )
    expect(run.masks).toContain(aws.secret_access_key)
    expect(run.summary).toContain('Seeded 3 Canarytokens')
    expect(run.summary).toContain('docs-lure')
    expectNoSecretsVisible(run, [AUTH_TOKEN, aws.secret_access_key, aws.renders['aws-id']])
  })

  it('reuses every token on a re-run with the same context: no new create', async () => {
    const first = await seed()
    expectSuccess(first)
    emulator.clearRequests()
    const again = await seed()
    expectSuccess(again)
    expect(creates()).toHaveLength(0)
    expect(again.outputs).toMatchObject({ count: '3', 'created-count': '0', 'reused-count': '3' })
    const before = seeded(first)
    const after = seeded(again)
    for (const name of Object.keys(before)) {
      expect(after[name]).toMatchObject({ canarytoken: before[name]!.canarytoken, reused: true })
    }
    expect(emulator.listTokens()).toHaveLength(3)
    // The files are written again from the reused tokens.
    const aws = emulator.getToken(after['aws-keys']!.canarytoken)
    expect(await readFile(join(again.workspace, 'dist/config/.aws/credentials'), 'utf8')).toBe(aws.renders['aws-id'])
    expect(await readFile(join(again.workspace, 'dist/app/config.js'), 'utf8')).toContain(after.beacon!.hostname!)
  })

  describe('with a Flock canarytoken-deploy key, which creates and downloads only', () => {
    const deployKey = () => emulator.addApiKey({ type: 'canarytoken-deploy', flock_id: 'flock:default', note: 'release seeding' }).auth_token

    it('seeds every entry with reuse: false', async () => {
      const key = deployKey()
      const run = await seed({ 'auth-token': key, reuse: 'false' })
      expectSuccess(run)
      expect(run.outputs).toMatchObject({ count: '3', 'created-count': '3' })
      expect(new Set(emulator.requests.map((request) => request.path.replace(/\/file\/.*/, '')))).toEqual(new Set([CREATE, '/api/v1/canarytoken/download']))
      expectNoSecretsVisible(run, [key])
    })

    it('with reuse (the default) fails on the refused search, minting nothing, with the Console\'s words once per entry', async () => {
      const run = await seed({ 'auth-token': deployKey() })
      expectFailure(run, /^seed-canarytokens failed: 3 of 3 entries failed: entry 'docs-lure': HTTP 403: the Console rejected the auth token \(This API key can only deploy Canarytokens\)\. Check 'auth-token', .*Global Settings\); entry 'aws-keys': /)
      expect(run.errors[0]).not.toMatch(/\.[;.]/)
      expect(creates()).toHaveLength(0)
    })

    it('a rollback it cannot do (the key cannot delete) names the token left on the Console', async () => {
      emulator.injectFault({ path: CREATE, match: (params) => String(params.memo).includes('beacon'), status: 400, body: { result: 'error', message: 'Could not save Canarydrop' } })
      const run = await seed({ 'auth-token': deployKey(), reuse: 'false' })
      expectFailure(run, /^seed-canarytokens failed: 1 of 3 entries failed: entry 'beacon': HTTP 400: Could not save Canarydrop\. Rolling back left something behind: Canarytoken \w+ \(entry '[a-z-]+'\) is left on the Console: it could not be deleted \(HTTP 403: /)
      expect(emulator.listTokens().length).toBeGreaterThan(0)
    })
  })

  it('mints anew with reuse: false, and a new run id makes new tokens', async () => {
    expectSuccess(await seed())
    emulator.clearRequests()
    expectSuccess(await seed({ reuse: 'false' }))
    expect(creates()).toHaveLength(3)
    emulator.clearRequests()
    const nextRun = await seed({}, undefined, { env: { GITHUB_RUN_ID: '4343' } })
    expectSuccess(nextRun)
    // 'beacon' has a memo without the run id: it is the same token.
    expect(nextRun.outputs).toMatchObject({ 'created-count': '2', 'reused-count': '1' })
  })

  it('rolls back when one entry fails: the other tokens are deleted, files removed, the template left as it was', async () => {
    emulator.injectFault({ path: CREATE, match: (params) => String(params.memo).includes('beacon'), status: 400, body: { result: 'error', message: 'Could not save Canarydrop' } })
    const run = await seed()
    expectFailure(run, /^seed-canarytokens failed: 1 of 3 entries failed: entry 'beacon': HTTP 400: Could not save Canarydrop\. Tokens this run minted were deleted again/)
    expect(creates()).toHaveLength(3)
    const deletes = emulator.requests.filter((request) => request.path === '/api/v1/canarytoken/delete')
    expect(deletes).toHaveLength(2)
    expect(emulator.listTokens()).toHaveLength(0)
    expect(await exists(join(run.workspace, 'dist/docs/Passwords.docx'))).toBe(false)
    expect(await exists(join(run.workspace, 'dist/config/.aws/credentials'))).toBe(false)
    expect(await readFile(join(run.workspace, 'dist/app/config.js'), 'utf8')).toBe(TEMPLATE)
    expect(seeded(run)).toEqual({})
    expect(run.outputs).toMatchObject({ count: '0', 'created-count': '0' })
    expect(run.summary).toMatch(/beacon.*failed: HTTP 400: Could not save Canarydrop/s)
    expect(run.summary).toMatch(/<td>docs-lure<\/td>.*<td>created; deleted again \(rollback\)<\/td>/s)
  })

  it('counts an entry whose file cannot be written as failed, with its reason, and the rollback as a second fact', async () => {
    const manifest = 'tokens:\n  - name: docs-lure\n    kind: doc-msword\n    file: docs/Passwords.docx\n  - name: beacon\n    kind: dns\n'
    // 'docs' is a plain file, so nothing can be written below it.
    const run = await seed({}, { 'canary.yml': manifest, docs: 'a plain file' })
    expectFailure(run, /^seed-canarytokens failed: 1 of 2 entries failed: entry 'docs-lure': its file docs\/Passwords\.docx: .+\. Tokens this run minted were deleted again/)
    expect(emulator.listTokens()).toHaveLength(0)
    expect(run.summary).toContain('Created 0, reused 0; 1 failed.')
    expect(run.summary).toMatch(/<td>docs-lure<\/td>.*<td>failed: its file docs\/Passwords\.docx: [^<]+; deleted again \(rollback\)<\/td>/s)
    expect(run.summary).toMatch(/<td>beacon<\/td>.*<td>created; deleted again \(rollback\)<\/td>/s)
  })

  it('counts the entry whose template cannot be filled as failed, with its reason', async () => {
    const manifest = 'tokens:\n  - name: beacon\n    kind: dns\n    template: app.js\n  - name: other\n    kind: dns\n'
    const run = await seed({}, { 'canary.yml': manifest, 'app.js': 'host = "{{ canarytoken.beacon.no_such_field }}"\n' })
    expectFailure(run, /^seed-canarytokens failed: 1 of 2 entries failed: template app\.js: the dns Canarytoken of entry 'beacon' has no field 'no_such_field'\./)
    expect(emulator.listTokens()).toHaveLength(0)
    expect(run.summary).toContain('Created 0, reused 0; 1 failed.')
    expect(run.summary).toMatch(/<td>beacon<\/td>.*<td>failed: template app\.js: the dns Canarytoken of entry &#39;beacon&#39; has no field &#39;no_such_field&#39;; deleted again \(rollback\)<\/td>/s)
  })

  it('names the field a mistyped template placeholder may have meant', async () => {
    const manifest = 'tokens:\n  - name: beacon\n    kind: dns\n    template: app.js\n'
    const run = await seed({}, { 'canary.yml': manifest, 'app.js': 'host = "{{ canarytoken.beacon.hostnme }}"\n' })
    expectFailure(run, /^seed-canarytokens failed: 1 of 1 entry failed: template app\.js: the dns Canarytoken of entry 'beacon' has no field 'hostnme' \(did you mean 'hostname'\?\)\. Tokens this run minted/)
    expect(emulator.listTokens()).toHaveLength(0)
  })

  it('fills no template with a field holding a line break: a hostile answer cannot add lines to the file', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'template of the answer' })
    const hostile = { ...emulator.getToken(canarytoken), hostname: 'x.canarytokens.com"\nrequire("child_process").execSync("id")\n//' }
    emulator.injectFault({ path: CREATE, body: { result: 'success', canarytoken: hostile } })
    const manifest = 'tokens:\n  - name: beacon\n    kind: dns\n    template: app.js\n'
    const template = 'host = "{{ canarytoken.beacon.hostname }}"\n'
    const run = await seed({}, { 'canary.yml': manifest, 'app.js': template })
    expectFailure(run, /^seed-canarytokens failed: 1 of 1 entry failed: template app\.js: the 'hostname' of the dns Canarytoken of entry 'beacon' holds a line break or another control character/)
    expect(await readFile(join(run.workspace, 'app.js'), 'utf8')).toBe(template)
  })

  it('keeps reused tokens and restores a file it overwrote when rolling back', async () => {
    expectSuccess(await seed())
    const existing = emulator.listTokens().map((token) => token.canarytoken).sort()
    // A new entry that fails; the three others are reused.
    const manifest = `${MANIFEST}  - name: broken\n    kind: http\n`
    emulator.injectFault({ path: CREATE, match: (params) => String(params.memo).endsWith(': broken'), status: 400, body: { result: 'error', message: 'Supplied kind is not valid.' } })
    const run = await seed({}, { 'canary.yml': manifest, 'dist/app/config.js': TEMPLATE, 'dist/docs/Passwords.docx': 'the old file' }, { env: {} })
    expectFailure(run, /entry 'broken': HTTP 400: Supplied kind is not valid\./)
    expect(emulator.listTokens().map((token) => token.canarytoken).sort()).toEqual(existing)
    expect(await readFile(join(run.workspace, 'dist/docs/Passwords.docx'), 'utf8')).toBe('the old file')
    expect(run.outputs).toMatchObject({ count: '3', 'reused-count': '3', 'created-count': '0' })
  })

  it('names the token a rollback could not delete', async () => {
    emulator.injectFault({ path: CREATE, match: (params) => String(params.memo).includes('beacon'), status: 400, body: { result: 'error', message: 'Could not save Canarydrop' } })
    emulator.injectFault({ path: '/api/v1/canarytoken/delete', match: (params) => emulator.getToken(String(params.canarytoken))?.kind === 'aws-id', status: 400, body: { result: 'error', message: 'Could not delete Canarydrop' } })
    const run = await seed({ retries: '0' })
    const left = emulator.listTokens()
    expect(left).toHaveLength(1)
    expectFailure(run, new RegExp(`Rolling back left something behind: Canarytoken ${left[0]!.canarytoken} \\(entry 'aws-keys'\\) is left on the Console: it could not be deleted \\(HTTP 400: Could not delete Canarydrop\\)`))
    expect(seeded(run)).toEqual({ 'aws-keys': expect.objectContaining({ canarytoken: left[0]!.canarytoken }) })
  })

  it('keeps what succeeded with keep-on-failure: true', async () => {
    emulator.injectFault({ path: CREATE, match: (params) => String(params.memo).includes('beacon'), status: 400, body: { result: 'error', message: 'Could not save Canarydrop' } })
    const run = await seed({ 'keep-on-failure': 'true' })
    expectFailure(run, /1 of 3 entries failed: entry 'beacon'.*kept \(keep-on-failure: true\)/)
    expect(emulator.listTokens()).toHaveLength(2)
    expect(await exists(join(run.workspace, 'dist/docs/Passwords.docx'))).toBe(true)
    // The template names the failed entry, so it is not filled.
    expect(await readFile(join(run.workspace, 'dist/app/config.js'), 'utf8')).toBe(TEMPLATE)
    expect(run.outputs).toMatchObject({ count: '2', 'created-count': '2' })
  })
})

describe('a bad manifest fails before any request', () => {
  const entry = (text: string) => `tokens:\n${text}`
  it.each<[string, string, RegExp, Record<string, string>?]>([
    ['an unknown kind', entry('  - name: a\n    kind: dnss\n'), /^Manifest entry 'a': key 'kind': 'dnss' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: .*, wireguard\.$/],
    ['a missing kind', entry('  - name: a\n'), /^Manifest entry 'a': key 'kind' must be one of/],
    // The same parser as create-canarytoken's inputs: a value the input refuses, the entry refuses too.
    ['a boolean create refuses', entry('  - name: a\n    kind: http\n    browser-scanner-enabled: maybe\n'), /^Manifest entry 'a': key 'browser-scanner-enabled' must be true or false.*not 'maybe'\.$/],
    ['a kind rule', entry('  - name: site\n    kind: cloned-web\n'), /^Manifest entry 'site': Kind 'cloned-web' needs key 'cloned-web'\.$/],
    ['a key of another kind', entry('  - name: a\n    kind: dns\n    s3-log-bucket: logs\n'), /^Manifest entry 'a': key 's3-log-bucket' applies to kind 'aws-s3' only, not 'dns'\.$/],
    ['aws-id-username, removed from the reference', entry('  - name: a\n    kind: aws-id\n    aws-id-username: bot\n'), /^Manifest entry 'a': key 'aws-id-username' is not supported: Thinkst removed aws_id_username/],
    ['a duplicate name', entry('  - name: a\n    kind: dns\n  - name: a\n    kind: http\n'), /^Manifest entry 'a': the name is used by another entry/],
    ['a bad name', entry('  - name: "a b"\n    kind: dns\n'), /^Input 'manifest': entry 1 needs a 'name' of letters/],
    ['two entries that would be one token', entry('  - name: a\n    kind: dns\n    memo: same\n  - name: b\n    kind: dns\n    memo: same\n'), /^Manifest entry 'b': it has the same kind, flock and memo as entry 'a'/],
    ['an unknown memo placeholder', entry('  - name: a\n    kind: dns\n    memo: "{repo} build"\n'), /^Manifest entry 'a': 'memo' uses the unknown placeholder \{repo\} \(did you mean \{repository\}\?\); known: \{repository\}/],
    ['a placeholder without a value', entry('  - name: a\n    kind: dns\n    memo: "{environment}"\n'), /^Manifest entry 'a': 'memo' uses \{environment\}, but this run has no value for it: CANARY_ENVIRONMENT is not set/],
    ['a file outside the workspace', entry('  - name: a\n    kind: doc-msword\n    file: ../escape.docx\n'), /^Manifest entry 'a': 'file' must point inside the workspace; '..\/escape.docx' leads outside it\.$/],
    ['a file through a symlink out', entry('  - name: a\n    kind: doc-msword\n    file: out/x.docx\n'), /^Manifest entry 'a': 'file' must point inside the workspace; 'out\/x.docx' leads outside it\.$/],
    ['a file for a kind without one', entry('  - name: a\n    kind: dns\n    file: x.txt\n'), /^Manifest entry 'a': kind 'dns' has no file to write; 'file' works with/],
    ['two entries writing one file', entry('  - name: a\n    kind: doc-msword\n    file: x.docx\n  - name: b\n    kind: doc-msexcel\n    file: x.docx\n'), /^Manifest entry 'b': 'file' x.docx is also written by entry 'a'\.$/],
    ['a template outside the workspace', entry('  - name: a\n    kind: dns\n    template: /etc/hosts\n'), /^Manifest entry 'a': 'template' must point inside the workspace; '\/etc\/hosts' leads outside it\.$/],
    ['a missing template', entry('  - name: a\n    kind: dns\n    template: nowhere.js\n'), /^Manifest entry 'a': 'template' nowhere.js: cannot read 'nowhere.js'/],
    ['a template naming no entry', entry('  - name: a\n    kind: dns\n    template: app.js\n'), /^Manifest entry 'a': 'template' app.js uses \{\{ canarytoken.nobody.hostname \}\}, but no entry is named 'nobody'\.$/, { 'app.js': 'x = "{{ canarytoken.nobody.hostname }}"' }],
    ['a malformed template placeholder', entry('  - name: a\n    kind: dns\n    template: app.js\n'), /^Manifest entry 'a': 'template' app.js has a malformed placeholder '\{\{ canarytoken.a \}\}'/, { 'app.js': 'x = "{{ canarytoken.a }}"' }],
    ['an unknown entry key', entry('  - name: a\n    kind: dns\n    flock: x\n'), /^Manifest entry 'a': unknown key 'flock'; known: name, kind, memo, file, template/],
    ['AWS keys in the manifest', entry('  - name: a\n    kind: aws-s3\n    aws-secret-key: abc\n'), /^Manifest entry 'a': key 'aws-secret-key' is refused in a manifest: AWS credentials do not belong in a file in the repository/],
    [
      'an AWS session token in the manifest (it serves only the refused keys)',
      entry('  - name: a\n    kind: aws-s3\n    s3-source-bucket: b\n    s3-log-bucket: l\n    aws-session-token: FwoGZXIvYXdzEXAMPLE\n'),
      /^Manifest entry 'a': key 'aws-session-token' is refused in a manifest: .*aws-region and aws-session-token serve only them .*Create such a token with create-canarytoken/
    ],
    ['a key one typo away', entry('  - name: a\n    kind: doc-msword\n    fiel: x.docx\n'), /^Manifest entry 'a': unknown key 'fiel' \(did you mean 'file'\?\); known: name, kind/],
    ['a flock id without its prefix', 'flock-id: default\ntokens:\n  - name: a\n    kind: dns\n', /^Input 'manifest': 'flock-id' at the top of canary.yml must be a flock id, which looks like 'flock:default'.*did you mean 'flock:default'\?$/],
    ['an unknown top-level key', 'flock: x\ntokens:\n  - name: a\n    kind: dns\n', /^Input 'manifest': unknown key 'flock' at the top of canary.yml/],
    ['no tokens', 'flock-id: flock:default\n', /^Input 'manifest': canary.yml needs a non-empty 'tokens' list\.$/],
    ['not YAML', 'tokens: [\n', /^Input 'manifest': canary.yml is not valid YAML/]
  ])('%s', async (_label, manifest, message, extraFiles = {}) => {
    const outside = await tempFolder('canary-outside-')
    const workspace = await tempFolder('canary-ws-')
    await symlink(outside, join(workspace, 'out'))
    await writeFile(join(workspace, 'canary.yml'), manifest)
    for (const [path, content] of Object.entries(extraFiles)) {
      await mkdir(join(workspace, path, '..'), { recursive: true })
      await writeFile(join(workspace, path), content)
    }
    const run = await seed({}, {}, { workspace })
    expectFailure(run, message)
    expect(emulator.requests).toHaveLength(0)
  })

  it('refuses a manifest outside the workspace', async () => {
    const run = await seed({ manifest: '../canary.yml' })
    expectFailure(run, /^Input 'manifest' must point inside .*; '..\/canary.yml' leads outside it\.$/)
    expect(emulator.requests).toHaveLength(0)
  })
})

describe('create-canarytoken: memo templates and reuse', () => {
  const create = (inputs: Record<string, string>) =>
    runAction({ operation: 'create-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, kind: 'dns', ...inputs }, { env: { GITHUB_RUN_ATTEMPT: '1', GITHUB_WORKFLOW: 'release' } })

  it('fills the placeholders and, with reuse: true, returns the same token on a re-run', async () => {
    const memo = '{workflow} {repository}@{short_sha} run {run_id}.{run_attempt} on {date}'
    const dayBefore = new Date().toISOString().slice(0, 10)
    const first = await create({ memo, reuse: 'true' })
    const dayAfter = new Date().toISOString().slice(0, 10)
    expectSuccess(first)
    expect(first.outputs.memo).toMatch(/^release octo-org\/octo-repo@0123456 run 4242\.1 on \d{4}-\d{2}-\d{2}$/)
    expect([dayBefore, dayAfter]).toContain(first.outputs.memo?.slice(-10))
    expect(first.outputs.reused).toBe('false')
    emulator.clearRequests()
    const again = await create({ memo, reuse: 'true' })
    expectSuccess(again)
    expect(again.outputs).toMatchObject({ canarytoken: first.outputs.canarytoken, reused: 'true' })
    expect(creates()).toHaveLength(0)
    expect(again.stdout).toMatch(/Reused the dns Canarytoken .*: it already has this memo; no new token was made\./)
    expect(again.summary).toContain('Reused Canarytoken')
    expect(emulator.listTokens()).toHaveLength(1)
  })

  it('mints another without reuse', async () => {
    expectSuccess(await create({ memo: 'same memo' }))
    const second = await create({ memo: 'same memo' })
    expectSuccess(second)
    expect(emulator.listTokens()).toHaveLength(2)
  })

  it('refuses an unknown placeholder before any request', async () => {
    const run = await create({ memo: 'built by {author}' })
    expectFailure(run, /^Input 'memo' uses the unknown placeholder \{author\}; known: \{repository\}, \{sha\}/)
    expect(emulator.requests).toHaveLength(0)
  })
})

describe('seeding when the token list cannot be written afterwards', () => {
  it('fails saying which tokens are on the Console and that the files stay', async () => {
    const manifest = 'tokens:\n  - name: beacon\n    kind: dns\n'
    // The action's folder in RUNNER_TEMP is taken by a file: the list fails once the tokens are made.
    const runnerTemp = await tempFolder('canary-e2e-blocked-temp-')
    await writeFile(join(runnerTemp, 'canary-console-action'), 'not a folder')
    const run = await seed({}, { 'canary.yml': manifest }, { env: { RUNNER_TEMP: runnerTemp } })
    const [token] = emulator.listTokens()
    expectFailure(run, new RegExp(`^seed-canarytokens failed: 1 Canarytoken is on the Console at http://127\\.0\\.0\\.1:\\d+ after this run \\(beacon: ${token?.canarytoken}\\) and the files written stay, but writing the token list failed: .*canary-console-action`))
    expect(run.outputs['created-count']).toBe('1')
  })
})
