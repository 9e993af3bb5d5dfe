import * as core from '@actions/core'
import { codePointLength } from './text.js'
import type { BackendName } from './backends/types.js'
import { errorMessage, InputError } from './errors.js'

/**
 * The kind-specific inputs that go to the Console's create as they are
 * (each as its parameter: `consoleParameter`). Named once, here: the list of
 * every input holds them, and create sends them (operations/canarytokens.ts).
 */
export const PLAIN_CREATE_INPUTS = ['cloned-web', 's3-source-bucket', 's3-log-bucket', 'aws-access-key', 'aws-secret-key', 'aws-region', 'aws-session-token'] as const

/**
 * Every input the action reads, spelled as in action.yml. A test checks that
 * action.yml declares exactly these, so the two cannot drift apart.
 */
export const INPUT_NAMES = [
  'operation',
  'console',
  'auth-token',
  'canarytokens-server',
  'manage-auth',
  'alert-email',
  'alert-webhook',
  'timeout-seconds',
  'retries',
  'canarytoken',
  'kind',
  'memo',
  'flock-id',
  'web-image',
  'upload-file',
  ...PLAIN_CREATE_INPUTS,
  'browser-scanner-enabled',
  'aws-id-username',
  'delete-buckets',
  'hash',
  'clear-incidents',
  'extra-params',
  'download',
  'path',
  'filename',
  'artifact-name',
  'retention-days',
  'auth-token-type',
  'note',
  'key-id',
  'remove-auth-token',
  'include-secrets',
  'confirm',
  'memo-pattern',
  'created-before',
  'triggered',
  'enabled',
  'all',
  'action',
  'dry-run',
  'max-changes',
  'concurrency',
  'reuse',
  'manifest',
  'keep-on-failure',
  'aws-profile',
  'export-env',
  'on-console-error',
  'check-on-exit',
  'check-auth-token',
  'keep-credentials',
  'incident-state',
  'incidents-since',
  'github-token',
  'repository',
  'labels',
  'assignees',
  'acknowledge',
  'max-issues'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/**
 * Defaults as action.yml declares them (a test keeps the two equal). Inputs
 * not listed default to ''; parsers supply their own fallbacks.
 */
export const INPUT_DEFAULTS: Partial<Record<InputName, string>> = {
  'timeout-seconds': '30',
  retries: '3',
  'max-changes': '100',
  'aws-profile': 'default',
  'export-env': 'false',
  'on-console-error': 'warn',
  'check-on-exit': 'true',
  'keep-credentials': 'false',
  // An expression: the runner fills it in for every step, so it is never "set but unused".
  'github-token': '${{ github.token }}',
  labels: 'canarytoken',
  acknowledge: 'false',
  'max-issues': '20'
}

/** The Console parameter an input stands for: inputs are the API's names in kebab-case. */
export function consoleParameter(name: InputName): string {
  return name.replace(/-/g, '_')
}

/** Inputs every operation reads. */
export const COMMON_INPUTS: readonly InputName[] = ['operation', 'console', 'auth-token', 'canarytokens-server', 'timeout-seconds', 'retries']

/**
 * Inputs whose values are credentials: masked before anything else runs,
 * never echoed. `alert-webhook` among them: a Slack or Discord webhook URL
 * lets anyone who holds it post to the channel.
 */
export const SECRET_INPUTS: readonly InputName[] = ['auth-token', 'check-auth-token', 'aws-secret-key', 'aws-session-token', 'remove-auth-token', 'github-token', 'manage-auth', 'alert-webhook']

/**
 * Which server the step drives, from the inputs alone (nothing is sent):
 * `canarytokens-server` set -> that server; otherwise the Console. Both set
 * is a mix-up, refused.
 */
export function chosenBackend(inputs: InputReader): BackendName {
  if (!inputs.get('canarytokens-server')) return 'console'
  if (inputs.get('console')) {
    throw new InputError(
      "Inputs 'console' and 'canarytokens-server' are both set; a step drives one server. Keep 'console' for your Canary Console, or 'canarytokens-server' for canarytokens.org or a self-hosted Canarytokens server, not both."
    )
  }
  return 'canarytokens-server'
}

/** Read access to the inputs, trimmed, '' when not set. */
/** The input a Console key comes from: `auth-token`, or for the runner canary's post check `check-auth-token`. */
export type ConsoleKeyInput = 'auth-token' | 'check-auth-token'

export interface InputReader {
  get(name: InputName): string
}

/** The inputs as the runner passes them (`INPUT_<NAME>` variables). */
export function actionInputs(): InputReader {
  return { get: (name) => core.getInput(name) }
}

/** Inputs from a plain object: for tests and the demo. */
export function inputsFrom(values: Partial<Record<InputName, string>>): InputReader {
  return { get: (name) => (values[name] ?? '').trim() }
}

/** Exactly what GitHub's own `core.getBooleanInput` accepts (YAML 1.2 core schema booleans). */
const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

/** A boolean input; `undefined` when not set, so callers can tell "false" from "not given". */
export function optionalBoolean(inputs: InputReader, name: InputName): boolean | undefined {
  const raw = inputs.get(name)
  if (raw === '') return undefined
  if (TRUE_VALUES.includes(raw)) return true
  if (FALSE_VALUES.includes(raw)) return false
  throw new InputError(`Input '${name}' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not '${raw}'.`)
}

/** A flock id as the Console writes them: `flock:default`, `flock:<hex>`. */
const FLOCK_ID = /^flock:[A-Za-z0-9_-]+$/

/** `flock-id`, checked before any request; undefined when not set. */
export function flockIdInput(inputs: InputReader): string | undefined {
  const value = inputs.get('flock-id')
  if (value === '') return undefined
  if (!FLOCK_ID.test(value)) {
    const hint = /^[A-Za-z0-9_-]+$/.test(value) ? `; did you mean 'flock:${value}'?` : '.'
    throw new InputError(`Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not '${value}'${hint}`)
  }
  return value
}

export function booleanInput(inputs: InputReader, name: InputName, fallback = false): boolean {
  return optionalBoolean(inputs, name) ?? fallback
}

export function integerInput(inputs: InputReader, name: InputName, limits: { min: number; max: number; fallback?: number }): number | undefined {
  const raw = inputs.get(name)
  if (raw === '') return limits.fallback
  if (!/^\d+$/.test(raw) || Number(raw) < limits.min || Number(raw) > limits.max) {
    throw new InputError(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, not '${raw}'.`)
  }
  return Number(raw)
}

/** The Console's limit on memos, in characters as Python's len() counts them: code points. */
export const MAX_MEMO_LENGTH = 10_000

/** Refuses a memo (after its placeholders are filled) longer than the Console takes. */
export function checkMemoLength(memo: string, where: string): string {
  const length = codePointLength(memo)
  if (length > MAX_MEMO_LENGTH) {
    throw new InputError(`${where} is ${length} characters long; the Console accepts at most ${MAX_MEMO_LENGTH}.`)
  }
  return memo
}

/** Server parameters passed through `extra-params`, by the server's own names. */
export type ExtraParams = Record<string, string | number | boolean>

/** Console parameter names: what `extra-params` may pass through. */
const PARAMETER_NAME = /^[a-z][a-z0-9_]*$/

/**
 * `extra-params`: a YAML mapping of further Console parameters, passed as
 * they are, so users are never blocked on a parameter we did not name. A
 * parameter that has an input of its own must be given through that input,
 * so validation and masking see it.
 */
/**
 * A YAML parse error as one clause that keeps its excerpt: the parser's first
 * line ("... at line 3, column 1") and the source line it points at, quoted
 * (the nearest line above with text, when that line is blank). The parser's
 * own excerpt spans several lines, which an ::error:: line does not show.
 */
export function yamlErrorReason(error: unknown, source: string): string {
  const first = errorMessage(error).split('\n')[0]?.replace(/:\s*$/, '') ?? ''
  const at = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line
  if (!at) return first
  const lines = source.split(/\r?\n/)
  let shown = at
  while (shown > 1 && !lines[shown - 1]?.trim()) shown--
  const text = lines[shown - 1] ?? ''
  if (!text.trim()) return first
  const excerpt = JSON.stringify(text.length > 120 ? `${Array.from(text).slice(0, 117).join('')}...` : text)
  return shown === at ? `${first}: ${excerpt}` : `${first} (line ${shown}: ${excerpt})`
}

export async function extraParamsInput(inputs: InputReader, namedParameters: ReadonlySet<string>): Promise<ExtraParams> {
  const raw = inputs.get('extra-params')
  if (raw === '') return {}
  // Loaded only when there is YAML to read: most steps have none, and every step pays for what loads at start-up.
  const { parse: parseYaml } = await import('yaml')
  let parsed: unknown
  try {
    parsed = parseYaml(raw)
  } catch (error) {
    throw new InputError(`Input 'extra-params' must be a YAML mapping of Console parameters (${yamlErrorReason(error, raw)}).`)
  }
  if (parsed === null || parsed === undefined) return {}
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError("Input 'extra-params' must be a YAML mapping, e.g. 'expiry: 6mo'.")
  }
  const params: ExtraParams = {}
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!PARAMETER_NAME.test(name)) {
      throw new InputError(`Input 'extra-params' has '${name}', which is not a Console parameter name (lower case, digits and _).`)
    }
    if (name === 'auth_token') {
      throw new InputError("Input 'extra-params' must not hold 'auth_token': the action sends the token from 'auth-token' in a header.")
    }
    if (namedParameters.has(name)) {
      throw new InputError(`Input 'extra-params' has '${name}'; use the input '${name.replace(/_/g, '-')}' instead.`)
    }
    if (value !== null && typeof value === 'object') {
      throw new InputError(`Input 'extra-params' value of '${name}' must be a single value, not a list or mapping.`)
    }
    params[name] = value === null ? '' : (value as string | number | boolean)
  }
  return params
}

/** The address rule the Canarytokens server applies (queries.is_valid_email), on the lower-cased address. */
const SERVER_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

/**
 * Domains the server's EmailStr (email-validator 2: SPECIAL_USE_DOMAIN_NAMES) refuses, and every name under them;
 * it also wants the domain to end in a letter.
 */
const SPECIAL_USE_DOMAINS = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'] as const

/** The longest webhook URL a Canarytokens server takes (constants.py MAX_WEBHOOK_URL_LENGTH). */
export const MAX_WEBHOOK_URL_LENGTH = 1024

/**
 * The host rule of the server's `webhook_url` field (pydantic v1 `HttpUrl`, tld_required): an IP address, or a
 * name whose last label is 2 to 63 letters (a trailing dot allowed); `new URL` has made an international name
 * punycode, whose top-level label is `xn--...`. Anything else the server refuses as malformed (error 1).
 */
function hasTopLevelDomain(hostname: string): boolean {
  if (hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname)) return true
  return /\.(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})\.?$/i.test(hostname)
}

/** Addresses a Canarytokens server refuses to POST to (advocate, the frontend's webhook validator): loopback, private, link-local, ... */
function isPrivateAddress(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224
  }
  if (host.includes(':')) return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || /^ff/.test(host) || host.startsWith('::ffff:')
  return false
}

/** Where a Canarytokens server sends a token's alerts, checked as the server would (nothing is sent). */
export interface AlertTargetInputs {
  email?: string
  webhook?: string
}

/**
 * `alert-email` and `alert-webhook`, checked before any request for what the
 * server would refuse: an address its rule does not take, a webhook that is
 * not an http(s) URL, longer than it takes, or on an address it will not
 * POST to. (The server POSTs a test message to the webhook when a token is
 * made and refuses the token when that fails; a name that resolves to a
 * private address cannot be seen from here.)
 */
export function alertTargetInputs(inputs: InputReader): AlertTargetInputs {
  const email = inputs.get('alert-email')
  const webhook = inputs.get('alert-webhook')
  if (email) {
    if (email.length > 254 || !SERVER_EMAIL.test(email.toLowerCase())) {
      throw new InputError(
        `Input 'alert-email' must be one e-mail address such as security@example.com (letters, digits and !#$%&'*+/=?^_\`{|}~- before the @, an ASCII domain after it); the server refuses '${email}'.`
      )
    }
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase()
    const special = SPECIAL_USE_DOMAINS.find((name) => domain === name || domain.endsWith(`.${name}`))
    if (special || !/[a-z]$/.test(domain)) {
      throw new InputError(
        `Input 'alert-email' must be an address the server can mail: ${special ? `'${domain}' is under the special-use domain '${special}'` : `'${domain}' does not end in a letter (a top-level domain)`}, which its address check (email-validator) refuses. Use an address at a public domain such as security@example.com.`
      )
    }
  }
  if (webhook) {
    let url: URL | undefined
    try {
      url = new URL(webhook)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
      throw new InputError("Input 'alert-webhook' must be an https:// (or http://) URL the server can POST alerts to, e.g. a Slack, Teams or Discord webhook.")
    }
    if (webhook.length > MAX_WEBHOOK_URL_LENGTH) {
      throw new InputError(`Input 'alert-webhook' is ${webhook.length} characters long; the server takes webhook URLs of at most ${MAX_WEBHOOK_URL_LENGTH}.`)
    }
    if (isPrivateAddress(url.hostname)) {
      throw new InputError(
        `Input 'alert-webhook' points at ${url.hostname}, a loopback or private address: the Canarytokens server refuses to POST to those (it tests the webhook when it makes the token). Use a webhook the server can reach over the internet.`
      )
    }
    if (!hasTopLevelDomain(url.hostname)) {
      throw new InputError(
        `Input 'alert-webhook' points at ${url.hostname}, a host name without a top-level domain: the Canarytokens server takes webhook URLs whose host is an IP address or a name like hooks.slack.com (pydantic's HttpUrl). Use the webhook's full host name.`
      )
    }
  }
  return { email: email || undefined, webhook: webhook || undefined }
}

/** A Canarytokens server's token id (tokens.Canarytoken: 25 of 0-9 and a-z). */
const SERVER_TOKEN_ID = /^[0-9a-z]{25}$/

/**
 * `canarytoken` on a Canarytokens server, checked before any request: the
 * server finds a token inside any text it is given (Canarytoken()), then
 * compares the text with it and answers 403 "Token not found", the answer
 * it gives for a deleted token. The value is not repeated: a manage page's
 * URL pasted here carries the manage auth.
 */
export function serverTokenIdInput(value: string): string {
  if (SERVER_TOKEN_ID.test(value)) return value
  const hint = /^[0-9a-z]{25}$/i.test(value)
    ? ' Write it in lower case, as the server keeps it.'
    : value.includes('/')
      ? " Give the token's id alone, not its URL or manage page."
      : ''
  throw new InputError(
    `Input 'canarytoken' on a Canarytokens server must be the token's id, 25 lower-case letters and digits (the 'canarytoken' output of the step that made it); the value given is ${codePointLength(value)} characters long.${hint}`
  )
}

/** Creating a token on a Canarytokens server needs somewhere to send its alerts: refused before any request otherwise. */
export function requireAlertTarget(inputs: InputReader, operation: string): void {
  if (chosenBackend(inputs) !== 'canarytokens-server') return
  const targets = alertTargetInputs(inputs)
  if (!targets.email && !targets.webhook) {
    throw new InputError(
      `Operation '${operation}' on a Canarytokens server needs 'alert-email' or 'alert-webhook' (or both): the server sends each token's alerts there and makes no token without one.`
    )
  }
}
