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
/** `secrets` as an array while they are few; rebuilt only when a secret is added. */
let allSecrets: string[] | undefined
/** Entry numbers of the secrets holding a '*': one of them can appear only once another secret is replaced with '***' (see redact). */
const starred: number[] = []
/** The longest of them, in UTF-16 units: how far from a '***' one could start. */
let longestStarred = 0
/** `starred` as texts while secrets are few; rebuilt only when one is added. */
let starredSecrets: string[] | undefined

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
  if (trimmed.includes('*')) {
    starred.push(secrets.size - 1)
    longestStarred = Math.max(longestStarred, trimmed.length)
    starredSecrets = undefined
  }
  allSecrets = undefined
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
    const assignment = nameAndValue(line)
    if (assignment) {
      if (SECRET_LINE_NAME.test(assignment[0])) registerSecret(assignment[1])
    } else if (BARE_SECRET_LINE.test(line)) {
      registerSecret(line)
    }
  }
}

/**
 * A trimmed `name = value` (or `name: value`) line as its name and value,
 * split at the first `=` or `:`, both non-empty. By index, not by a regular
 * expression: a lazy name before `\s*[=:]` took time quadratic in a line of
 * spaces, and the text is a server's (a credential file, a multi-line secret
 * field of up to 64 MiB of JSON).
 */
function nameAndValue(line: string): [string, string] | undefined {
  const at = line.search(/[=:]/)
  if (at <= 0) return undefined
  const name = line.slice(0, at).trimEnd()
  const value = line.slice(at + 1).trimStart()
  return name !== '' && value !== '' ? [name, value] : undefined
}

/** Below this many secrets, trying each one in turn is as quick as looking them up. */
const MANY_SECRETS = 64

/**
 * Adds to `spans` where the secrets occur in `part` (a stretch of a text
 * from `from`): every window of SHORTEST_SECRET characters looked up (each
 * secret is found by a window of its own, see secret-store.ts), so the cost
 * goes with the text, not with the number of secrets, nor with how many
 * different ones it holds. An occurrence that overlaps the one before joins
 * it (one span for a run of one secret's occurrences).
 */
function addSpansOfMany(part: string, from: number, spans: [number, number][]): void {
  let last: [number, number] | undefined
  const visit = (_entry: number, start: number, end: number) => {
    if (last !== undefined && from + start <= last[1] && from + end >= last[0]) {
      last[0] = Math.min(last[0], from + start)
      last[1] = Math.max(last[1], from + end)
    } else spans.push((last = [from + start, from + end]))
  }
  for (let index = 0; index + SHORTEST_SECRET <= part.length; index++) secrets.visitAt(part, index, visit)
}

/**
 * Replaces every registered secret in `text` with `***`: every character
 * that belongs to an occurrence of a secret is hidden, and each run of hidden
 * characters becomes one `***`. Occurrences are found in the text as given,
 * so two secrets that overlap (the end of one is the start of the other) are
 * both hidden whole, whatever order they are tried in; replacing one first
 * would break the other and leave its rest readable.
 *
 * A secret holding `*` can appear only once a `***` is put in, and then
 * only across it (the text on either side was searched already): each round
 * after the first looks for the starred secrets only within reach of the
 * `***`s the round before put in. Rounds end when one puts nothing in. A
 * text made to keep forming one (`Winter2024` repeated before a `*`, with
 * `Winter2024*` a secret: each round hides one more repetition) would take
 * a round, and a copy of the text, per repetition; after MAX_ROUNDS the
 * lines where it still could are withheld instead (see withholdLines),
 * which no real text comes near.
 */
export function redact(text: string): string {
  let round = hideOccurrences(text, [[0, text.length]], false)
  for (let rounds = 1; starred.length > 0 && round.stars.length > 0; rounds++) {
    const windows = reachOf(round.stars, round.text.length)
    if (rounds === MAX_ROUNDS) return withholdLines(round.text, windows)
    round = hideOccurrences(round.text, windows, true)
  }
  return round.text
}

/** Rounds of redaction (see redact) after which the lines of a text that keeps forming a secret are withheld. */
const MAX_ROUNDS = 16
/** What each such line becomes (no '*': it cannot form a secret that holds one). */
export const WITHHELD_LINE = '[withheld: masking this line kept forming a secret]'
/** What the whole text becomes when a secret would still be left once those lines are withheld. */
export const WITHHELD = '[withheld: masking this text kept forming a secret]'

/**
 * `text` with every line that meets one of `windows` (where a secret could
 * still form) made WITHHELD_LINE, the other lines kept: an issue body's
 * other lines, an error's first line. Should a secret still be in what is
 * left (one that spans lines), the whole text is withheld.
 */
function withholdLines(text: string, windows: readonly [number, number][]): string {
  // The lines each window meets, joined where they share one.
  const lines: [number, number][] = []
  for (const [from, to] of windows) {
    const start = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1
    const newline = text.indexOf('\n', Math.max(from, to - 1))
    const end = newline === -1 ? text.length : newline
    const last = lines[lines.length - 1]
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end)
    else lines.push([start, end])
  }
  const pieces: string[] = []
  let kept = 0
  for (const [start, end] of lines) {
    pieces.push(text.slice(kept, start), WITHHELD_LINE)
    kept = end
  }
  pieces.push(text.slice(kept))
  const result = pieces.join('')
  return hideOccurrences(result, [[0, result.length]], false).stars.length > 0 ? WITHHELD : result
}

/** The stretches of a text where a starred secret could cross one of the `***`s at `stars`, joined where they meet. */
function reachOf(stars: readonly number[], length: number): [number, number][] {
  const reach = longestStarred - 1
  const windows: [number, number][] = []
  for (const star of stars) {
    const from = Math.max(0, star - reach)
    const to = Math.min(length, star + 3 + reach)
    const last = windows[windows.length - 1]
    if (last !== undefined && from <= last[1]) last[1] = to
    else windows.push([from, to])
  }
  return windows
}

/** While secrets are few, the ones worth looking for: all of them, or after the first round the starred ones. */
function fewCandidates(starredOnly: boolean): readonly string[] {
  if (starredOnly) return (starredSecrets ??= starred.map((entry) => secrets.text(entry)))
  return (allSecrets ??= [...secrets.texts()])
}

/**
 * `text` with each run of characters covered by an occurrence of a secret
 * within `windows` made `***`, and where each `***` starts in the result.
 */
function hideOccurrences(text: string, windows: readonly [number, number][], starredOnly: boolean): { text: string; stars: number[] } {
  const spans: [number, number][] = []
  for (const [from, to] of windows) {
    const part = from === 0 && to === text.length ? text : text.slice(from, to)
    if (secrets.size >= MANY_SECRETS) {
      addSpansOfMany(part, from, spans)
      continue
    }
    for (const secret of fewCandidates(starredOnly)) {
      // Overlapping occurrences of one secret too (`indexOf` from the next unit), joined as found: one span for a run of them.
      let last: [number, number] | undefined
      for (let at = part.indexOf(secret); at !== -1; at = part.indexOf(secret, at + 1)) {
        if (last !== undefined && from + at <= last[1]) last[1] = from + at + secret.length
        else spans.push((last = [from + at, from + at + secret.length]))
      }
    }
  }
  if (spans.length === 0) return { text, stars: [] }
  spans.sort((a, b) => a[0] - b[0])
  const pieces: string[] = []
  const stars: number[] = []
  let length = 0
  let kept = 0
  let [start, end] = spans[0]!
  const hide = () => {
    pieces.push(text.slice(kept, start), '***')
    length += start - kept
    stars.push(length)
    length += 3
    kept = end
  }
  for (const [from, to] of spans) {
    if (from <= end) {
      end = Math.max(end, to)
      continue
    }
    hide()
    ;[start, end] = [from, to]
  }
  hide()
  pieces.push(text.slice(kept))
  return { text: pieces.join(''), stars }
}

export { findSecretValues, withoutSecretFields } from './secret-fields.js'
