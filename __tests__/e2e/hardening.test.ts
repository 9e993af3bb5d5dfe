import { describe, expect, it } from '@jest/globals'
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { expectFailure, expectSuccess, tempFolder, useEmulator } from './harness.js'

// Issue 19: what a new user found in 175 runs of 1.0.0, each through the bundle.
const AUTH_TOKEN = 'e2e-auth-token-hardening-5d4c3b2a1f0e'
const { emulator, action } = useEmulator(AUTH_TOKEN)

describe('memo-pattern on hostile memos (bounded work)', () => {
  const hostile = [' run  attempt @'.repeat(666), 'a'.repeat(10_000), `${'a'.repeat(9_999)}b`]

  it.each([
    ['*@* run * attempt *: runner canary', 0],
    ['*a*a*a*a*b', 1]
  ])('%p lists in steps bounded by memo x pattern, however the memo is built', async (pattern, matches) => {
    const flock = emulator.addFlock(`hostile ${pattern}`)
    for (const memo of hostile) emulator.addToken({ kind: 'dns', memo, flock_id: flock })
    const run = await action('list-canarytokens', { 'memo-pattern': pattern, 'flock-id': flock }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    expect(run.outputs.count).toBe(String(matches))
    const line = /memo-pattern: (\d+) memos matched in (\d+) glob steps\./.exec(run.stdout)
    expect(line).not.toBeNull()
    const [, memos, steps] = line as RegExpExecArray
    const read = emulator.listTokens().filter((token) => token.flock_id === flock)
    expect(Number(memos)).toBe(read.length)
    // The two-pointer walk: at most (memo + 1) x (pattern + 1) steps a memo.
    const bound = read.reduce((sum, token) => sum + ([...String(token.memo)].length + 1) * ([...pattern].length + 1), 0)
    expect(Number(steps)).toBeLessThanOrEqual(bound)
  })

  it('a /regex/ runs on RE2: a catastrophic pattern on a hostile memo finishes and matches right', async () => {
    const flock = emulator.addFlock('hostile regex')
    for (const memo of hostile) emulator.addToken({ kind: 'dns', memo, flock_id: flock })
    const run = await action('list-canarytokens', { 'memo-pattern': '/^(a+)+b$/', 'flock-id': flock })
    expectSuccess(run)
    expect(run.outputs.count).toBe('1')
  })

  it.each([
    ['/(a)\\1/', /^Input 'memo-pattern' is not a valid RE2 regular expression: invalid escape sequence: `\\1`\. Backreferences and lookaround are refused/],
    ['/(?=deploy)d/', /^Input 'memo-pattern' is not a valid RE2 regular expression: invalid or unsupported Perl syntax: `\(\?=`\./]
  ])('refuses %p before any request', async (pattern, message) => {
    const run = await action('cleanup-canarytokens', { 'memo-pattern': pattern, action: 'delete' })
    expectFailure(run, message)
    expect(emulator.requests).toEqual([])
  })
})

describe('a symlink at the target file is refused before anything is sent', () => {
  /** A workspace whose `target` is a symlink to `to` (which may not exist), plus `files`. */
  async function workspaceWithLink(target: string, to: string, files: Record<string, string> = {}): Promise<string> {
    const workspace = await tempFolder('canary-ws-')
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(workspace, path)), { recursive: true })
      await writeFile(join(workspace, path), content)
    }
    await mkdir(dirname(join(workspace, target)), { recursive: true })
    await symlink(to, join(workspace, target))
    return workspace
  }

  it.each([
    ['dangling', () => 'nowhere.docx'],
    ['pointing outside the workspace', async () => join(await tempFolder('canary-outside-'), 'elsewhere.docx')],
    ['pointing inside the workspace', () => 'real.docx']
  ])('create-canarytoken download onto a link %s', async (_how, to) => {
    const workspace = await workspaceWithLink('docs/Passwords.docx', await to(), { 'docs/real.docx': 'mine' })
    const run = await action(
      'create-canarytoken',
      { kind: 'doc-msword', memo: 'link target', download: 'true', path: 'docs', filename: 'Passwords.docx' },
      { workspace }
    )
    expectFailure(run, /^Input 'filename': 'docs\/Passwords\.docx' is a symbolic link; name the file itself/)
    expect(emulator.requests).toEqual([])
    expect(await readFile(join(workspace, 'docs/real.docx'), 'utf8')).toBe('mine')
  })

  it.each([
    ['aws-id', 'credentials'],
    ['wireguard', 'wg0.conf']
  ])('create-canarytoken download of %s without a filename, onto a link at its fixed name %s', async (kind, name) => {
    const workspace = await workspaceWithLink(`out/${name}`, 'nowhere')
    const run = await action('create-canarytoken', { kind, memo: 'fixed name', download: 'true', path: 'out' }, { workspace })
    expectFailure(run, new RegExp(`^Input 'path': '${name.replace('.', '\\.')}' is a symbolic link; name the file itself`))
    expect(emulator.requests).toEqual([])
  })

  it.each([
    ['file', 'tokens:\n  - name: lure\n    kind: doc-msword\n    file: docs/Passwords.docx\n', 'docs/Passwords.docx', 'nowhere.docx', {}],
    [
      'template',
      'tokens:\n  - name: beacon\n    kind: dns\n    template: app/config.js\n',
      'app/config.js',
      'real.js',
      { 'app/real.js': 'host = "{{ canarytoken.beacon.hostname }}"\n' }
    ]
  ])('seed-canarytokens onto a linked %s', async (key, manifest, target, to, files) => {
    const workspace = await workspaceWithLink(target, to, { 'canary.yml': manifest, ...files })
    const run = await action('seed-canarytokens', { manifest: 'canary.yml' }, { workspace })
    expectFailure(run, new RegExp(`^Manifest entry '\\w+': '${key}' ${target.replace('.', '\\.')} is a symbolic link; name the file itself`))
    expect(emulator.requests).toEqual([])
  })
})

describe('a template that receives a secret field ends owner-only', () => {
  it('secret_access_key filled into a 0644 template leaves it 0600, and the log says so', async () => {
    const workspace = await tempFolder('canary-ws-')
    await mkdir(join(workspace, 'app'))
    await writeFile(join(workspace, 'app/secret.env'), 'AWS_SECRET_ACCESS_KEY={{ canarytoken.keys.secret_access_key }}\n', { mode: 0o644 })
    await writeFile(join(workspace, 'app/public.js'), 'host = "{{ canarytoken.beacon.hostname }}"\n', { mode: 0o644 })
    await writeFile(
      join(workspace, 'canary.yml'),
      'tokens:\n  - name: keys\n    kind: aws-id\n    template: app/secret.env\n  - name: beacon\n    kind: dns\n    template: app/public.js\n'
    )
    const run = await action('seed-canarytokens', { manifest: 'canary.yml' }, { workspace })
    expectSuccess(run)
    expect((await stat(join(workspace, 'app/secret.env'))).mode & 0o777).toBe(0o600)
    expect((await stat(join(workspace, 'app/public.js'))).mode & 0o777).toBe(0o644)
    expect(run.stdout).toContain('Filled the placeholders of app/secret.env; it now holds secret fields (secret_access_key), so it is owner-only (mode 0600).')
    expect(run.stdout).toContain('Filled the placeholders of app/public.js.')
  })
})

describe('an auth-token that cannot be right is refused before any request', () => {
  it.each([
    ['x9Qz7', /^Input 'auth-token' is 5 characters long; a real one is longer \(at least 8, the shortest value the action masks\)/],
    ['e2e-auth-token\nhardening-5d4c3b2a1f0e', /^Input 'auth-token' holds a line break or another control character/],
    ['e2e-auth-token\u0007hardening', /^Input 'auth-token' holds a line break or another control character/],
    ['e2e-auth-token-☃-hardening', /^Input 'auth-token' holds a character an HTTP header cannot carry/]
  ])('%j', async (authToken, message) => {
    const run = await action('fetch-canarytoken', { canarytoken: 'abcdefghijklmnopqrstuvwxy', 'auth-token': authToken })
    expectFailure(run, message)
    expect(run.errors[0]).not.toContain(authToken)
    expect(emulator.requests).toEqual([])
  })
})

describe('job summaries are HTML: notes carry no markdown backticks', () => {
  it('create with reuse, add-api-key, and plant-runner-canaries (reused, unchecked, kept, and not planted)', async () => {
    const summaries: string[] = []
    const first = await action('create-canarytoken', { kind: 'dns', memo: 'summary words', reuse: 'true' })
    expectSuccess(first)
    const again = await action('create-canarytoken', { kind: 'dns', memo: 'summary words', reuse: 'true' })
    expectSuccess(again)
    expect(again.summary).toContain('was reused (reuse: true); no new token was made.')
    summaries.push(again.summary)
    const key = await action('add-api-key', { 'auth-token-type': 'read-only', note: 'summary words' })
    expectSuccess(key)
    expect(key.summary).toContain('The new key is in the step output api-key (masked in logs)')
    summaries.push(key.summary)
    const env = { HOME: await tempFolder('canary-home-') }
    const inputs = { memo: 'summary words runner canary', reuse: 'true', 'check-on-exit': 'false', 'keep-credentials': 'true' }
    expectSuccess(await action('plant-runner-canaries', inputs, { env }))
    const planted = await action('plant-runner-canaries', { ...inputs, 'aws-profile': 'canary-two' }, { env })
    expectSuccess(planted)
    expect(planted.summary).toContain('(check-on-exit: false)')
    expect(planted.summary).toContain('(keep-credentials: true)')
    expect(planted.summary).toContain('was reused (reuse: true)')
    summaries.push(planted.summary)
    emulator.injectFault({ path: '/api/v1/canarytoken/create', status: 503 })
    const notPlanted = await action('plant-runner-canaries', { retries: '0', memo: 'summary words not planted' }, { env: { HOME: await tempFolder('canary-home-') } })
    expect([notPlanted.exitCode, notPlanted.errors]).toEqual([0, []])
    expect(notPlanted.summary).toContain('runs without a runner canary (on-console-error: warn).')
    summaries.push(notPlanted.summary)
    for (const summary of summaries) expect(summary).not.toContain('`')
  })
})

describe('lengths are counted in characters (code points), as the Console counts them', () => {
  it('a memo of 6,000 emoji is created (6,000 characters, not 12,000); 10,001 are refused as 10001 characters', async () => {
    const created = await action('create-canarytoken', { kind: 'dns', memo: '😀'.repeat(6_000) })
    expectSuccess(created)
    expect(emulator.getToken(created.outputs.canarytoken as string).memo).toBe('😀'.repeat(6_000))
    emulator.clearRequests()
    const refused = await action('create-canarytoken', { kind: 'dns', memo: '😀'.repeat(10_001) })
    expectFailure(refused, /^Input 'memo' is 10001 characters long; the Console accepts at most 10000\.$/)
    expect(emulator.requests).toEqual([])
  })

  it('the summary shortens a long emoji memo without cutting a character in half', async () => {
    const flock = emulator.addFlock('emoji memos')
    emulator.addToken({ kind: 'dns', memo: `x${'😀'.repeat(200)}`, flock_id: flock })
    const run = await action('list-canarytokens', { 'flock-id': flock })
    expectSuccess(run)
    expect(run.summary).toContain(`x${'😀'.repeat(116)}...`)
    expect(run.summary).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('messages say each thing once, in order, and plainly', () => {
  it('a create that timed out, whose check timed out too, gives its reason once', async () => {
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', delayMs: 3000, times: 5 })
    emulator.injectFault({ method: 'GET', path: '/api/v1/canarytokens/search', delayMs: 3000, times: 5 })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'timed out twice', 'timeout-seconds': '1', retries: '0' })
    expectFailure(
      run,
      /^create-canarytoken failed: the Console did not answer within 1 s \(raise 'timeout-seconds' if it is slow\); the Console may have acted on it, so it was not sent again \(checking whether it had failed the same way\) \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/
    )
    expect(run.errors[0]?.split('did not answer')).toHaveLength(2)
  })

  it('a runner canary not planted ends each sentence with one period', async () => {
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', status: 403, body: { result: 'error', message: 'not allowed' } })
    const run = await action('plant-runner-canaries', { memo: 'one period', retries: '0' }, { env: { HOME: await tempFolder('canary-home-') } })
    expect(run.exitCode).toBe(0)
    expect(run.warnings[0]).toMatch(/Check 'auth-token', that the key may do this, and that the API is on \(a disabled API refuses every key until it is enabled again in the Console's Global Settings\) \(POST \/api\/v1\/canarytoken\/create at http:\/\/127\.0\.0\.1:\d+\)\. The job goes on without one/)
    expect(run.warnings.join('\n')).not.toContain('..')
  })

  it.each([
    ['msword', /^Input 'kind': 'msword' is not a Canarytoken kind; did you mean 'doc-msword' or 'msword-macro'\? It must be one of: active-directory-login, /],
    ['dnss', /^Input 'kind': 'dnss' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: /]
  ])('kind %p: the hint comes first, before the list', async (kind, message) => {
    const run = await action('create-canarytoken', { kind, memo: 'm' })
    expectFailure(run, message)
    expect(emulator.requests).toEqual([])
  })

  it('a YAML error keeps its excerpt', async () => {
    const run = await action('seed-canarytokens', { manifest: 'm.yml' }, { files: { 'm.yml': 'tokens:\n  - name: a\n   kind: dns\n' } })
    expectFailure(run, /^Input 'manifest': m\.yml is not valid YAML \(Sequence item without - indicator at line 3, column 1: " {3}kind: dns"\)\.$/)
    const extra = await action('create-canarytoken', { kind: 'dns', memo: 'm', 'extra-params': 'a: [1, 2\n' })
    expectFailure(extra, /^Input 'extra-params' must be a YAML mapping of Console parameters \(Flow sequence .* at line 1, column 9: "a: \[1, 2"\)\.$/)
    expect(emulator.requests).toEqual([])
  })

  it('filename: Pässwörter.docx is a plain file name (Unicode letters are safe)', async () => {
    const run = await action('create-canarytoken', { kind: 'doc-msword', memo: 'unicode file', download: 'true', path: 'docs', filename: 'Pässwörter.docx' })
    expectSuccess(run)
    expect(run.outputs['file-path']).toBe(join(run.workspace, 'docs', 'Pässwörter.docx'))
    expect((await readFile(join(run.workspace, 'docs', 'Pässwörter.docx'))).subarray(0, 2).toString()).toBe('PK')
    const refused = await action('create-canarytoken', { kind: 'doc-msword', memo: 'unicode file', download: 'true', filename: 'Pass\u202Ecod.docx' })
    expectFailure(refused, /^Input 'filename' must be a plain file name/)
  })
})

describe('the token and response outputs carry no masked field', () => {
  it.each([['create-canarytoken'], ['fetch-canarytoken']])('%s of an aws-id token leaves access_key_id out (it has its own output)', async (operation) => {
    const created = await action('create-canarytoken', { kind: 'aws-id', memo: `masked fields ${operation}` })
    expectSuccess(created)
    const token = emulator.getToken(created.outputs.canarytoken as string)
    const run = operation === 'create-canarytoken' ? created : await action('fetch-canarytoken', { canarytoken: token.canarytoken })
    expectSuccess(run)
    expect(run.masks).toContain(token.access_key_id)
    expect(JSON.parse(run.outputs.token as string).access_key_id).toBe('***')
    for (const output of ['token', 'response']) expect(run.outputs[output]).not.toContain(token.access_key_id)
    expect(created.outputs['access-key-id']).toBe(token.access_key_id)
  })
})

describe('a local run without RUNNER_TEMP says where it writes', () => {
  it('names the folder of its lists and downloads, in the temp folder', async () => {
    const temp = await tempFolder('canary-local-temp-')
    const flock = emulator.addFlock('local run')
    emulator.addToken({ kind: 'dns', memo: 'local', flock_id: flock })
    const run = await action('list-canarytokens', { 'flock-id': flock }, { env: { RUNNER_TEMP: '', TMPDIR: temp } })
    expectSuccess(run)
    expect(run.stdout).toContain(`RUNNER_TEMP is not set (a local run?): token lists and downloads without 'path' go to ${join(temp, 'canary-console-action')}.`)
    expect(run.outputs['tokens-file']?.startsWith(join(temp, 'canary-console-action'))).toBe(true)
    const onRunner = await action('list-canarytokens', { 'flock-id': flock })
    expect(onRunner.stdout).not.toContain('RUNNER_TEMP is not set')
  })
})

describe('inputs an operation does not read warn, those with a default in action.yml too', () => {
  // max-changes: an input with a default in action.yml (concurrency has none since issue 18: its default depends on the server).
  it('max-changes: 5 on fetch-canarytoken warns; max-changes: 100 (the default the runner passes) does not', async () => {
    const token = emulator.addToken({ kind: 'dns', memo: 'ignored inputs' })
    const set = await action('fetch-canarytoken', { canarytoken: token.canarytoken, 'max-changes': '5' })
    expectSuccess(set)
    expect(set.warnings).toEqual(["Input 'max-changes' is not used by fetch-canarytoken; it was ignored."])
    const byDefault = await action('fetch-canarytoken', { canarytoken: token.canarytoken, 'max-changes': '100' })
    expectSuccess(byDefault)
    expect(byDefault.warnings).toEqual([])
  })
})
