import * as core from '@actions/core'
import { InputError } from './errors.js'
import { SecretStore } from './secret-store.js'
import { codePointLength } from './text.js'

/**
 * Every value that must never be printed goes through here: it is masked with
 * the runner (`::add-mask::`) and remembered so that our own error messages
 * and debug lines can be redacted too (defence in depth: a runner masks only
 * what it was told about, and a local run has no runner at all).
 */
/** Values shorter than this are not secrets worth masking (and would mask noise). */
export const SHORTEST_SECRET = 8

/** Outside the heap (see secret-store.ts): a listing of thousands of aws-id tokens registers thousands. */
const secrets = new SecretStore(SHORTEST_SECRET)
/** `secrets`, longest first, while they are few; rebuilt only when a secret is added. */
let longestFirst: string[] | undefined
/**
 * Entry numbers of the secrets holding a '*': one of them can appear only
 * once another secret is replaced with '***', so the lookup of many secrets
 * (which reads the text before any replacement) tries them too.
 */
const starred: number[] = []

/**
 * Registers a secret value. A multi-line value (a credentials file body, a
 * WireGuard config) is redacted whole by us, but the runner is told only
 * about its secret lines' values: the runner matches masks line by line, and
 * masking every line would hide `[default]`, `region = us-east-2` or
 * `output = json` from every later step of the job.
 */
export function registerSecret(value: unknown): void {
  if (typeof value !== 'string') return
  const trimmed = value.trim()
  // Known ones first: a listing of aws-id tokens hands every page's secrets in again.
  if (secrets.has(trimmed) || codePointLength(trimmed) < SHORTEST_SECRET) return
  secrets.add(trimmed)
  if (trimmed.includes('*')) starred.push(secrets.size - 1)
  longestFirst = undefined
  if (/[\r\n]/.test(trimmed)) registerCredentialText(trimmed)
  else core.setSecret(trimmed)
}

/**
 * Refuses a secret input that cannot be right, before any request: shorter
 * than the shortest value we mask (it would be sent and printed unmasked), or
 * holding a line break or another control character (a pasted secret with a
 * stray newline; it cannot go in an HTTP header), or a character an HTTP header
 * cannot carry. The message names the input and never shows the value. An
 * empty value passes: whether the input is required is checked elsewhere.
 * For every secret input that reaches a server: `auth-token`, `github-token`,
 * `manage-auth`, ...
 */
export function checkSecretInput(inputName: string, value: string): void {
  if (value === '') return
  const codes = Array.from(value, (character) => character.codePointAt(0) as number)
  if (codes.some((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f))) {
    throw new InputError(
      `Input '${inputName}' holds a line break or another control character; a secret is one line of visible characters. Store the secret again without it.`
    )
  }
  if (codes.some((code) => code > 0xff)) {
    throw new InputError(`Input '${inputName}' holds a character an HTTP header cannot carry; check that the secret holds the token and nothing else.`)
  }
  const length = codes.length
  if (length < SHORTEST_SECRET) {
    throw new InputError(
      `Input '${inputName}' is ${length} character${length === 1 ? '' : 's'} long; a real one is longer (at least ${SHORTEST_SECRET}, the shortest value the action masks). Check that the secret holds the whole token.`
    )
  }
}

/** Names of `key = value` (or `key: value`) lines whose values are credentials (AWS, WireGuard, Slack, a kubeconfig's client-key-data, Python client config...). */
const SECRET_LINE_NAME = /secret|passw|private|token|api_?key|auth|credential|access_key|^key$|key-data$|certificate-data$/i
/** A bare line that looks like a credential: one long word, no spaces. */
const BARE_SECRET_LINE = /^[^\s#;[]{20,}$/

/**
 * Masks the credential parts of a text file (AWS credentials, a Python client
 * config, a WireGuard config, a Slack token): the values of lines whose name
 * says credential, and long bare tokens. Section headers, comments and
 * ordinary settings (`region`, `output`, `console_hash`, `Address`) stay readable.
 */
export function registerCredentialText(text: string): void {
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim()
    if (!line || line.startsWith('#') || line.startsWith(';') || /^\[.*\]$/.test(line)) continue
    const assignment = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(line)
    if (assignment) {
      if (SECRET_LINE_NAME.test(assignment[1]!.trim())) registerSecret(assignment[2])
    } else if (BARE_SECRET_LINE.test(line)) {
      registerSecret(line)
    }
  }
}

/** Below this many secrets, trying each one in turn is as quick as looking them up. */
const MANY_SECRETS = 64

/**
 * The secrets that occur in `text`, and those a replacement could make
 * (`starred`), in the order they were registered (as redacting a few tries
 * them: which of two overlapping secrets of one length is replaced whole
 * depends on it): every window of SHORTEST_SECRET characters of the text
 * looked up (each secret is found by a window of its own, see
 * secret-store.ts), so the cost goes with the text, not with the number of
 * secrets.
 */
function secretsIn(text: string): string[] {
  const found = new Set<number>(starred)
  for (let index = 0; index + SHORTEST_SECRET <= text.length; index++) secrets.addFoundAt(text, index, found)
  return Array.from(found)
    .sort((a, b) => a - b)
    .map((entry) => secrets.text(entry))
}

/** Replaces every registered secret in `text` with `***`. */
export function redact(text: string): string {
  let result = text
  // Longest first, so that a secret containing another is replaced whole.
  // With many secrets, only those in the text are tried (in the same order); a text shorter than any secret holds none.
  const candidates =
    secrets.size < MANY_SECRETS
      ? (longestFirst ??= [...secrets.texts()].sort((a, b) => b.length - a.length))
      : text.length < SHORTEST_SECRET
        ? []
        : secretsIn(text).sort((a, b) => b.length - a.length)
  for (const secret of candidates) {
    // `includes` first: most lines hold no secret, and it is far cheaper than split/join.
    if (result.includes(secret)) result = result.split(secret).join('***')
  }
  return result
}

export { findSecretValues, withoutSecretFields } from './secret-fields.js'
