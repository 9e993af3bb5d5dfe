import * as core from '@actions/core'

/**
 * Every value that must never be printed goes through here: it is masked with
 * the runner (`::add-mask::`) and remembered so that our own error messages
 * and debug lines can be redacted too (defence in depth: a runner masks only
 * what it was told about, and a local run has no runner at all).
 */
const secrets = new Set<string>()
/** `secrets`, longest first; rebuilt only when a secret is added (listing thousands of aws-id tokens registers thousands). */
let longestFirst: string[] | undefined

/** Values shorter than this are not secrets worth masking (and would mask noise). */
const SHORTEST_SECRET = 6

export function registerSecret(value: unknown): void {
  if (typeof value !== 'string') return
  const trimmed = value.trim()
  if (trimmed.length < SHORTEST_SECRET || secrets.has(trimmed)) return
  secrets.add(trimmed)
  longestFirst = undefined
  core.setSecret(trimmed)
  // The runner matches a mask against single lines of the log, so a
  // multi-line secret is masked line by line as well.
  if (trimmed.includes('\n')) {
    for (const line of trimmed.split(/\r?\n/)) registerSecret(line)
  }
}

/**
 * Masks the credential parts of a text file (AWS credentials, a Python client
 * config, a WireGuard config, a Slack token): every `key = value` value and
 * every long bare line.
 */
export function registerCredentialText(text: string): void {
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim()
    if (!line || line.startsWith('#') || line.startsWith(';') || /^\[.*\]$/.test(line)) continue
    const assignment = /^[^=:]+[=:]\s*(.+)$/.exec(line)
    registerSecret(assignment ? assignment[1] : line)
  }
}

/** Replaces every registered secret in `text` with `***`. */
export function redact(text: string): string {
  let result = text
  // Longest first, so that a secret containing another is replaced whole.
  longestFirst ??= [...secrets].sort((a, b) => b.length - a.length)
  for (const secret of longestFirst) {
    // `includes` first: most lines hold no secret, and it is far cheaper than split/join.
    if (result.includes(secret)) result = result.split(secret).join('***')
  }
  return result
}

/**
 * Field names whose values the Console uses for credentials. Any JSON answer
 * is walked for them, so a new endpoint cannot forget to mask.
 */
const SECRET_FIELDS = new Set([
  'auth_token',
  'secret_access_key',
  'aws_secret_key',
  'aws_session_token',
  'renders',
  'wg_conf',
  'private_key',
  'api_key',
  'token_value'
])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Collects every string under a secret field name, at any depth. */
export function findSecretValues(value: unknown, underSecretField = false, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (underSecretField) found.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) findSecretValues(item, underSecretField, found)
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      findSecretValues(item, underSecretField || SECRET_FIELDS.has(key), found)
    }
  }
  return found
}

/** A deep copy of a JSON value with every secret field replaced by `***`. */
export function withoutSecretFields<T>(value: T): T {
  const strip = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(strip)
    if (isRecord(item)) {
      return Object.fromEntries(
        Object.entries(item).map(([key, child]) => [key, SECRET_FIELDS.has(key) ? '***' : strip(child)])
      )
    }
    return item
  }
  return strip(value) as T
}
