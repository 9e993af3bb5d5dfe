// The Canarytokens server backend: its dialect (error shapes), its records
// (create, manage, history answers), its kinds table, its inputs; and the
// backend itself over the one transport against the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ApiError, isNotFound } from '../../src/http/errors.js'
import { HttpTransport } from '../../src/http/transport.js'
import { canarytokensServerDialect, serverErrorForAnswer } from '../../src/backends/canarytokens-server/dialect.js'
import { API_PREFIX, GENERATE } from '../../src/backends/canarytokens-server/endpoints.js'
import { CanarytokensServerBackend, dataUriBytes } from '../../src/backends/canarytokens-server/index.js'
import { SERVER_KINDS, actionKind } from '../../src/backends/canarytokens-server/kinds.js'
import { createdAt, createdTokenRecord, historyIncidents, incidentRecord, managedTokenRecord } from '../../src/backends/canarytokens-server/records.js'
import { resolveCanarytokensServerUrl } from '../../src/backends/canarytokens-server/server-url.js'
import { InputError } from '../../src/errors.js'
import { alertTargetInputs, chosenBackend, inputsFrom, requireAlertTarget } from '../../src/inputs.js'
import { checkBackend, checkRequiredInputs, findOperation, loadOperations } from '../../src/operations/index.js'
import { parseIncidentSelection } from '../../src/operations/incidents.js'
import { ALL_KIND_NAMES, kindNamesFor, kindRule, kindRuleOn } from '../../src/operations/kinds.js'
import { findSecretValues, withoutSecretFields } from '../../src/secret-fields.js'
import { checkSecretInput } from '../../src/secrets.js'
import { API_PREFIX as EMULATOR_PREFIX, CanarytokensServerEmulator, KINDS as SERVER_TOKEN_TYPES, DOWNLOAD_FMTS } from '../emulator/canarytokens-server/emulator.mjs'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/canarytokens-server/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>
const SERVER = 'the Canarytokens server at https://canarytokens.org'
const errorFor = serverErrorForAnswer(SERVER)

describe('the Canarytokens server dialect', () => {
  it('takes a 2xx JSON answer without an error code as a success', () => {
    expect(errorFor(200, 'application/json', '{"message":"success"}')).toBeUndefined()
    expect(errorFor(200, 'application/json', '{"token":"abc","error":null,"error_message":null}')).toBeUndefined()
  })

  it('400 {error, error_message}: the code, what it means and the message', () => {
    const error = errorFor(400, 'application/json', JSON.stringify(fixture('error-1-malformed.json')))
    expect(error).toBeInstanceOf(ApiError)
    expect(error?.message).toBe(`HTTP 400: ${SERVER} refused it: error 1 (malformed request): Malformed request, invalid data supplied.`)
    expect(error?.serverMessage).toBe('error 1 (malformed request): Malformed request, invalid data supplied.')
    expect(errorFor(400, 'application/json', '{"error":"2","error_message":"No memo supplied"}')?.message).toMatch(/error 2 \(no memo\): No memo supplied$/)
  })

  it('403 {detail}: the pair was refused, naming both inputs; reads as not found (a deleted token answers it too)', () => {
    const error = errorFor(403, 'application/json', JSON.stringify(fixture('error-403-pair.json')))
    expect(error?.message).toMatch(/^HTTP 403: the Canarytokens server at https:\/\/canarytokens\.org refused the token and manage auth pair \(Token not found\. Invalid `auth` and `token` pair\.\)\. Check 'canarytoken' and 'manage-auth'/)
    expect(isNotFound(error)).toBe(true)
  })

  it('422 {detail: [...]}: each problem with where it is', () => {
    const body = { detail: [{ loc: ['query', 'auth'], msg: 'field required', type: 'value_error.missing' }, { loc: ['query', 'token'], msg: 'field required' }] }
    expect(errorFor(422, 'application/json', JSON.stringify(body))?.message).toBe(`HTTP 422: ${SERVER} refused it: query.auth: field required; query.token: field required`)
  })

  it('500 {message} and 503 {msg}', () => {
    expect(errorFor(500, 'application/json', JSON.stringify(fixture('error-500-no-aws.json')))?.message).toBe(
      `HTTP 500: ${SERVER} refused it: This Canarytokens instance does not have AWS ID tokens enabled.`
    )
    expect(errorFor(503, 'application/json', '{"msg":"CrowdStrike API Key creation paused"}')?.message).toMatch(/CrowdStrike API Key creation paused$/)
  })

  it('an HTML page with status 200 is a failure naming its title, never the page', () => {
    const page = '<!DOCTYPE html>\n<html><head><title>500 - Internal Server Error</title></head><body>secret-ish details</body></html>'
    const error = errorFor(200, 'text/html; charset=utf-8', page)
    expect(error?.failure).toBe('not-json')
    expect(error?.message).toMatch(/^HTTP 200: the Canarytokens server at https:\/\/canarytokens\.org answered with an HTML page \("500 - Internal Server Error"\)/)
    expect(error?.message).not.toContain('secret-ish')
    expect(errorFor(200, 'text/plain', 'plain words')?.message).toMatch(/the answer was not JSON \(text\/plain, 11 bytes\)/)
  })

  it('a 2xx answer with an error code is a failure too; redirects are never followed', () => {
    expect(errorFor(200, 'application/json', '{"error":"5","error_message":"Invalid email supplied"}')?.failure).toBe('result')
    const redirect = errorFor(302, 'text/html', '', 'https://elsewhere.example/login?auth=secret')
    expect(redirect?.message).toMatch(/redirected to https:\/\/elsewhere\.example\/login; redirects are not followed/)
    expect(redirect?.message).not.toContain('secret')
  })

  it('sends no auth header and JSON bodies; knows its error shapes in a download', () => {
    const dialect = canarytokensServerDialect(new URL('https://canarytokens.org'))
    expect(dialect.authHeaders()).toEqual({})
    expect(dialect.bodyEncoding).toBe('json')
    expect(dialect.isAnswerRecord({ detail: 'x' })).toBe(true)
    expect(dialect.isAnswerRecord({ appId: 'x' })).toBe(false)
    expect(GENERATE.path).toBe(`${API_PREFIX}/generate`)
    expect(API_PREFIX).toBe(EMULATOR_PREFIX)
  })
})

describe('records from the server answers', () => {
  const origin = new URL('https://canarytokens.org')

  it('a create answer: the manage auth and its page, the kind in the action words, secrets removed from the details', () => {
    const record = createdTokenRecord(
      origin,
      { token: 'abc123', auth_token: 'f'.repeat(32), hostname: 'abc123.canarytokens.com', token_url: 'http://canarytokens.com/abc123', token_type: 'aws_keys', aws_access_key_id: 'AKIA0', aws_secret_access_key: 'shh', region: 'us-east-2', output: 'json' },
      'memo sent'
    )
    expect(record).toMatchObject({
      id: 'abc123',
      kind: 'aws-id',
      memo: 'memo sent',
      enabled: true,
      manageAuth: 'f'.repeat(32),
      manageUrl: `https://canarytokens.org/nest/manage/${'f'.repeat(32)}/abc123`,
      awsKeys: { accessKeyId: 'AKIA0', secretAccessKey: 'shh', region: 'us-east-2', output: 'json' }
    })
    expect(record.details).toMatchObject({ auth_token: '***', aws_secret_access_key: '***' })
    expect(record.created).toBeUndefined()
  })

  it('a manage answer: created from created_at (UTC), enabled when e-mail or webhook alerting is on, the hits counted', () => {
    const answer = {
      canarydrop: {
        canarytoken: { _value: 'tok' },
        auth: 'a'.repeat(32),
        type: 'wireguard',
        memo: 'vpn',
        created_at: '2026-08-01T10:20:30.123456',
        alert_email_enabled: false,
        alert_webhook_enabled: true,
        generated_hostname: 'tok.canarytokens.com',
        triggered_details: { hits: [{ time_of_hit: 1 }, { time_of_hit: 2 }], token_type: 'wireguard' }
      },
      wg_conf: '[Interface]\nPrivateKey = secret\n',
      qr_code: null
    }
    const record = managedTokenRecord(origin, answer, { id: 'tok' })
    expect(record).toMatchObject({ id: 'tok', kind: 'wireguard', memo: 'vpn', enabled: true, triggeredCount: 2, manageAuth: 'a'.repeat(32) })
    expect(record.created?.toISOString()).toBe('2026-08-01T10:20:30.123Z')
    expect(record.renders).toEqual({ wireguard: '[Interface]\nPrivateKey = secret\n' })
    expect(record.details).toMatchObject({ canarytoken: 'tok', auth: '***', triggered_details: { hits: 2 } })
    const off = managedTokenRecord(origin, { canarydrop: { ...answer.canarydrop, alert_webhook_enabled: false } }, { id: 'tok' })
    expect(off.enabled).toBe(false)
    expect(managedTokenRecord(origin, { canarydrop: { type: 'dns' } }, { id: 'tok', manageAuth: 'b'.repeat(32) })).toMatchObject({ enabled: undefined, triggeredCount: undefined, manageAuth: 'b'.repeat(32) })
  })

  it('created_at with and without a zone; nonsense is undefined', () => {
    expect(createdAt('2026-08-01T10:20:30')?.toISOString()).toBe('2026-08-01T10:20:30.000Z')
    expect(createdAt('2026-08-01T10:20:30+02:00')?.toISOString()).toBe('2026-08-01T08:20:30.000Z')
    expect(createdAt('yesterday')).toBeUndefined()
    expect(createdAt(12)).toBeUndefined()
  })

  it('history hits: user_agent on aws_keys hits, useragent on the others, the AWS event, oldest first', () => {
    const token = { id: 'tok', kind: 'aws-id', memo: 'm', fieldValues: {}, details: {} }
    const aws = incidentRecord(fixture('aws-keys-hit-history.json'), 0, token)
    expect(aws).toMatchObject({
      canarytoken: 'tok',
      kind: 'aws-id',
      srcHost: '196.61.107.19',
      event: 'GetCallerIdentity',
      acknowledged: false,
      userAgent: 'Boto3/1.23.3 Python/3.10.2 Linux/5.10.104-linuxkit Botocore/1.26.3'
    })
    expect(aws.created.getTime()).toBe(Math.round(1652815479.13329 * 1000))
    const web = { ...token, kind: 'http' }
    expect(incidentRecord({ time_of_hit: 5, src_ip: '198.51.100.1', useragent: 'curl/8', user_agent: 'wrong', input_channel: 'HTTP' }, 1, web)).toMatchObject({ userAgent: 'curl/8', event: 'HTTP', id: '5.000000' })
    // The server keys each hit by f"{time_of_hit:.6f}" (TokenHistory.serialize_for_v2), so the time is the hit's
    // identity; its place in the history is not: keeping the last 50 moves every hit up one when a new one comes.
    const hits = Array.from({ length: 50 }, (_, n) => ({ time_of_hit: 1_764_600_000.25 + n, src_ip: `198.51.100.${n}` }))
    const before = historyIncidents({ history: { hits } }, web)
    const after = historyIncidents({ history: { hits: [...hits.slice(1), { time_of_hit: 1_764_600_050.5, src_ip: '198.51.100.99' }] } }, web)
    expect(after.find((incident) => incident.srcHost === '198.51.100.7')?.id).toBe(before.find((incident) => incident.srcHost === '198.51.100.7')?.id)
    expect(before.find((incident) => incident.srcHost === '198.51.100.7')?.id).toBe('1764600007.250000')
    expect(incidentRecord({ src_ip: 'x' }, 3, web).id).toBe('unknown#3')
    const ordered = historyIncidents({ history: { hits: [{ time_of_hit: 20, src_ip: 'b' }, { time_of_hit: 10, src_ip: 'a' }] } }, web)
    expect(ordered.map((incident) => incident.srcHost)).toEqual(['a', 'b'])
  })

  it("masks the server's secret fields, whole", () => {
    const answer = { auth_token: 'x1'.repeat(8), canarydrop: { auth: 'y2'.repeat(8), kubeconfig: 'a2ViZQ==', cert: 'PEM', aws_secret_access_key: 'k', alert_webhook_url: 'https://hooks.slack.com/x' }, wg_conf: 'conf', client_secret: 'cs', webdav_password: 'pw' }
    expect(findSecretValues(answer).sort()).toEqual(['PEM', 'a2ViZQ==', 'conf', 'cs', 'https://hooks.slack.com/x', 'k', 'pw', 'x1'.repeat(8), 'y2'.repeat(8)].sort())
    expect(withoutSecretFields(answer).canarydrop).toEqual({ auth: '***', kubeconfig: '***', cert: '***', aws_secret_access_key: '***', alert_webhook_url: '***' })
  })

  it("masks the canarydrop's own names for other kinds' credentials (canarydrop.py: crowdstrike_cc, slack_api, cc, credit_card_v2)", () => {
    // A manage answer of a token made elsewhere (the web page) carries them under the canarydrop's field names, not the create answer's.
    const drop = {
      crowdstrike_client_secret: 'cs-secret',
      slack_api_key: 'xoxb-1',
      cc_number: '4111111111111111',
      cc_cvc: '123',
      cc_rendered_html: '<p>4111111111111111</p>',
      cc_rendered_csv: 'number,4111111111111111',
      cc_v2_card_number: '5555555555554444',
      cc_v2_cvv: '456',
      crowdstrike_client_id: 'public-id'
    }
    expect(findSecretValues({ canarydrop: drop }).sort()).toEqual(Object.values(drop).filter((value) => value !== 'public-id').sort())
    expect(withoutSecretFields({ canarydrop: drop }).canarydrop).toMatchObject({ crowdstrike_client_secret: '***', slack_api_key: '***', cc_v2_cvv: '***', crowdstrike_client_id: 'public-id' })
  })

  it("takes the MCP config for a credential: its Authorization header's bearer token is the token (mcp.py make_canary_mcp_json)", () => {
    const mcpjson = JSON.stringify({ mcpServers: { 'cloud-auth-broker': { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer eyJhbGciOi.x.y' } } } }, null, 2)
    expect(findSecretValues({ mcpjson, canarydrop: { mcpjson } })).toEqual([mcpjson, mcpjson])
    expect(kindRuleOn('mcp', 'canarytokens-server').credentials).toBe(true)
  })

  it('reads data URIs', () => {
    expect(dataUriBytes(`data:image/png;base64,${Buffer.from('png!').toString('base64')}`)?.toString()).toBe('png!')
    expect(dataUriBytes('data:octet/stream;base64,TVo=')?.toString()).toBe('MZ')
    expect(dataUriBytes('not a uri')).toBeUndefined()
  })
})

describe('the kinds table', () => {
  it("names server kinds that the server has, and download formats it knows", () => {
    for (const [kind, rule] of Object.entries(SERVER_KINDS)) {
      expect([kind, SERVER_TOKEN_TYPES.includes(rule.type)]).toEqual([kind, true])
      if ('fmt' in rule) expect([kind, DOWNLOAD_FMTS.includes(rule.fmt)]).toEqual([kind, true])
      expect(actionKind(rule.type)).toBe(kind)
    }
    expect(actionKind('crowdstrike_cc')).toBe('crowdstrike_cc')
  })

  it('uses the Console names where the Console has the kind, the server names for the others', () => {
    expect(SERVER_KINDS).toMatchObject({ http: { type: 'web' }, 'doc-msword': { type: 'ms_word' }, 'pdf-acrobat-reader': { type: 'adobe_pdf' }, 'aws-id': { type: 'aws_keys' }, kubeconfig: { type: 'kubeconfig' } })
    const consoleKinds = kindNamesFor('console')
    for (const kind of kindNamesFor('canarytokens-server')) {
      const serverOnly = kindRule(kind).serverOnly === true
      expect([kind, consoleKinds.includes(kind)]).toEqual([kind, !serverOnly])
    }
    expect(kindNamesFor('console')).not.toContain('kubeconfig')
    expect(kindNamesFor('canarytokens-server')).not.toContain('aws-s3')
    expect(ALL_KIND_NAMES.length).toBe(new Set([...kindNamesFor('console'), ...kindNamesFor('canarytokens-server')]).size)
  })
})

describe('choosing the server and its inputs', () => {
  it('canarytokens-server set -> the free server; both set is refused', () => {
    expect(chosenBackend(inputsFrom({ console: 'abc' }))).toBe('console')
    expect(chosenBackend(inputsFrom({ 'canarytokens-server': 'https://canarytokens.org' }))).toBe('canarytokens-server')
    expect(() => chosenBackend(inputsFrom({ console: 'abc', 'canarytokens-server': 'https://canarytokens.org' }))).toThrow(/both set/)
  })

  it.each([
    ['https://canarytokens.org', 'https://canarytokens.org'],
    ['canarytokens.org', 'https://canarytokens.org'],
    ['https://tokens.example.com:8443/', 'https://tokens.example.com:8443'],
    ['http://127.0.0.1:4200', 'http://127.0.0.1:4200']
  ])('accepts %p as %p', (input, origin) => {
    expect(resolveCanarytokensServerUrl(input).origin).toBe(origin)
  })

  it.each([
    ['http://canarytokens.org', /must use https/],
    ['https://canarytokens.org/generate', /without a path/],
    ['canarytokens', /not a domain name or URL/],
    ['', /is required/]
  ])('refuses %p', (input, message) => {
    expect(() => resolveCanarytokensServerUrl(input)).toThrow(InputError)
    expect(() => resolveCanarytokensServerUrl(input)).toThrow(message)
  })

  it('checks alert targets as the server would, and wants one to create', () => {
    expect(alertTargetInputs(inputsFrom({ 'alert-email': 'Sec.Team+ci@Example.com' }))).toEqual({ email: 'Sec.Team+ci@Example.com', webhook: undefined })
    expect(() => alertTargetInputs(inputsFrom({ 'alert-email': 'müller@example.com' }))).toThrow(/must be one e-mail address/)
    // EmailStr (email-validator 2): the domain ends in a letter and is not a special-use one; the server answers error 1 otherwise.
    for (const email of ['sec@corp.local', 'sec@ci.test', 'sec@mail.example.onion', 'sec@example.invalid', 'sec@home.arpa', 'sec@ci.localhost', 'sec@example.c1', 'sec@example.123']) {
      expect(() => alertTargetInputs(inputsFrom({ 'alert-email': email }))).toThrow(/special-use domain|end in a letter/)
    }
    for (const email of ['sec@example.com', 'sec@corp.internal', 'sec@mail.example.lan', 'sec@b.1c']) expect(alertTargetInputs(inputsFrom({ 'alert-email': email })).email).toBe(email)
    expect(() => alertTargetInputs(inputsFrom({ 'alert-webhook': 'https://10.1.2.3/hook' }))).toThrow(/loopback or private address/)
    expect(() => alertTargetInputs(inputsFrom({ 'alert-webhook': 'https://localhost/hook' }))).toThrow(/loopback or private address/)
    expect(() => alertTargetInputs(inputsFrom({ 'alert-webhook': `https://hooks.example.com/${'x'.repeat(1024)}` }))).toThrow(/at most 1024/)
    // pydantic v1 HttpUrl wants a top-level domain of letters (or an IP address): the server answers error 1 otherwise.
    for (const webhook of ['https://hooks/x', 'http://jenkins:8080/hook', 'https://example.c/x', 'https://example.co1/x']) {
      expect(() => alertTargetInputs(inputsFrom({ 'alert-webhook': webhook }))).toThrow(/without a top-level domain/)
    }
    for (const webhook of ['https://hooks.slack.com/services/x', 'https://example.com./x', 'https://bücher.de/x', 'https://203.0.113.9/x', 'https://[2001:db8::1]/x']) {
      expect(alertTargetInputs(inputsFrom({ 'alert-webhook': webhook })).webhook).toBe(webhook)
    }
    expect(() => requireAlertTarget(inputsFrom({ 'canarytokens-server': 'https://canarytokens.org' }), 'create-canarytoken')).toThrow(/needs 'alert-email' or 'alert-webhook'/)
    expect(() => requireAlertTarget(inputsFrom({ console: 'abc' }), 'create-canarytoken')).not.toThrow()
  })

  it('checkSecretInput: at least 8 characters, no control characters, the value never shown', () => {
    expect(() => checkSecretInput('manage-auth', '0123456789abcdef')).not.toThrow()
    expect(() => checkSecretInput('manage-auth', '')).not.toThrow()
    expect(() => checkSecretInput('manage-auth', 'abc')).toThrow(/^Input 'manage-auth' is 3 characters long/)
    expect(() => checkSecretInput('manage-auth', 'abcdefgh\tij')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('abcdefgh') }))
  })

  it('required inputs per server: console and auth-token for the Console; canarytokens-server, and manage-auth with a token, for the free server', async () => {
    const fetchOperation = await findOperation('fetch-canarytoken')
    const createOperation = await findOperation('create-canarytoken')
    expect(() => checkRequiredInputs(fetchOperation, inputsFrom({ canarytoken: 'x' }), 'console')).toThrow(/needs a server: set 'console' \(with 'auth-token'\) for a Canary Console, or 'canarytokens-server'/)
    expect(() => checkRequiredInputs(fetchOperation, inputsFrom({ 'canarytokens-server': 's', canarytoken: 'x' }), 'canarytokens-server')).toThrow(/needs input 'manage-auth'/)
    expect(() => checkRequiredInputs(fetchOperation, inputsFrom({ 'canarytokens-server': 's', canarytoken: 'x', 'manage-auth': 'y' }), 'canarytokens-server')).not.toThrow()
    expect(() => checkRequiredInputs(createOperation, inputsFrom({ 'canarytokens-server': 's', kind: 'dns', memo: 'm' }), 'canarytokens-server')).not.toThrow()
  })

  it("refuses a 'canarytoken' that is not a server token id before any request (the server finds one inside any text, then answers 403 as for a deleted token)", async () => {
    const on = (extra: Record<string, string>) => inputsFrom({ 'canarytokens-server': 'https://canarytokens.org', 'manage-auth': 'a'.repeat(32), ...extra })
    const fetchOperation = await findOperation('fetch-canarytoken')
    const id = 'q1w2e3r4t5y6u7i8o9p0a1s2d'
    await expect(Promise.resolve(fetchOperation.parse(on({ canarytoken: id }), {} as never))).resolves.toMatchObject({ canarytoken: id })
    const manageUrl = `https://canarytokens.org/nest/manage/${'b'.repeat(32)}/${id}`
    for (const [given, hint] of [[id.toUpperCase(), /lower case/], [manageUrl, /not its URL or manage page/], ['q1w2e3', /6 characters long/]] as const) {
      const refusal = Promise.resolve().then(() => fetchOperation.parse(on({ canarytoken: given }), {} as never))
      await expect(refusal).rejects.toThrow(InputError)
      await expect(refusal).rejects.toThrow(hint)
      // The value is not repeated: a manage page's URL carries the manage auth.
      await expect(refusal).rejects.toThrow(expect.objectContaining({ message: expect.not.stringContaining('b'.repeat(32)) }))
    }
    await expect(parseIncidentSelection(on({ canarytoken: manageUrl }), 'unacknowledged')).rejects.toThrow(/25 lower-case letters and digits/)
    // The Console's ids are its own: unchanged there.
    await expect(Promise.resolve(fetchOperation.parse(inputsFrom({ console: 'abc', 'auth-token': 'x'.repeat(12), canarytoken: 'ABC123' }), {} as never))).resolves.toMatchObject({ canarytoken: 'ABC123' })
  })

  it('every Console-only operation says why the free server cannot do it', async () => {
    const OPERATIONS = await loadOperations()
    for (const operation of OPERATIONS) {
      if (operation.backends.includes('canarytokens-server')) continue
      expect([operation.name, typeof operation.backendNote]).toEqual([operation.name, 'string'])
      expect(() => checkBackend(operation, 'canarytokens-server')).toThrow(operation.backendNote as string)
    }
    const free = OPERATIONS.filter((operation) => operation.backends.includes('canarytokens-server')).map((operation) => operation.name)
    expect(free.sort()).toEqual(
      ['create-canarytoken', 'delete-canarytoken', 'disable-canarytoken', 'download-canarytoken', 'enable-canarytoken', 'fetch-canarytoken', 'list-incidents', 'plant-runner-canaries', 'seed-canarytokens'].sort()
    )
  })
})

describe('CanarytokensServerBackend over the transport', () => {
  const server = new CanarytokensServerEmulator()
  let backend: CanarytokensServerBackend
  beforeAll(async () => {
    await server.start()
    const origin = new URL(server.url)
    const transport = new HttpTransport({
      baseUrl: origin,
      dialect: canarytokensServerDialect(origin),
      timeoutMs: 5000,
      userAgent: 'test',
      onSecret: () => undefined,
      findSecrets: findSecretValues,
      retry: { retries: 0 }
    })
    backend = new CanarytokensServerBackend(transport, origin, { email: 'sec@example.com' })
  })
  afterAll(async () => {
    await backend.close()
    await server.stop()
  })
  beforeEach(() => server.clearRequests())

  it('incidents(): the history hits as incidents, oldest first, with the manage auth in the query', async () => {
    const token = await backend.create({ kind: 'aws-id', memo: 'runner', params: {}, files: {} })
    server.addHit(token.id, { src_ip: '203.0.113.5', userAgent: 'aws-cli/2', eventName: ['ListBuckets'], time_of_hit: 2000 })
    server.addHit(token.id, { src_ip: '203.0.113.4', userAgent: 'Boto3/1', eventName: 'GetCallerIdentity', time_of_hit: 1000 })
    const incidents = []
    for await (const incident of backend.incidents(token)) incidents.push(incident)
    expect(incidents.map((incident) => [incident.srcHost, incident.userAgent, incident.event, incident.memo])).toEqual([
      ['203.0.113.4', 'Boto3/1', 'GetCallerIdentity', 'runner'],
      ['203.0.113.5', 'aws-cli/2', 'ListBuckets', 'runner']
    ])
    expect(server.requests.at(-1)).toMatchObject({ path: `${API_PREFIX}/history`, query: { token: token.id, auth: token.manageAuth } })
  })

  it('needs the manage auth for every call on one token, and an alert target to create', async () => {
    await expect(backend.fetch({ id: 'x' })).rejects.toThrow(/needs its manage auth/)
    const quiet = new CanarytokensServerBackend(new HttpTransport({ baseUrl: new URL(server.url), dialect: canarytokensServerDialect(new URL(server.url)), timeoutMs: 1000, userAgent: 't', onSecret: () => undefined, findSecrets: () => [] }), new URL(server.url))
    await expect(quiet.create({ kind: 'dns', memo: 'm', params: {}, files: {} })).rejects.toThrow(/needs 'alert-email' or 'alert-webhook'/)
    await quiet.close()
    expect(server.requests).toEqual([])
  })

  it('delete(): done; a later delete of the same token is refused (403), not taken for done', async () => {
    const token = await backend.create({ kind: 'dns', memo: 'gone', params: {}, files: {} })
    expect(await backend.delete(token)).toEqual({ alreadyDone: false })
    await expect(backend.delete(token)).rejects.toThrow(/HTTP 403/)
  })
})
