import { searchStringFor, type CanarytokenQuery } from '../backends/console/canarytokens.js'
import type { TokenRecord } from '../backends/types.js'
import { errorMessage, InputError } from '../errors.js'
import { booleanInput, flockIdInput, optionalBoolean, type InputName, type InputReader } from '../inputs.js'
import { isKnownKind, unknownKindMessage } from './kinds.js'

/** A memo pattern: a glob matched against the whole memo, or a regular expression written `/.../flags`. */
export interface MemoPattern {
  /** As the user wrote it. */
  text: string
  regex: RegExp
  /** A word the Console's search can narrow the listing by, when the pattern pins the memo's start. */
  searchString?: string
}

/** Which tokens an operation works on. Every field set must hold (they combine with AND). */
export interface CanarytokenFilter {
  memoPattern?: MemoPattern
  kind?: string
  flockId?: string
  /** Tokens created strictly before this time (epoch seconds). */
  createdBefore?: { epochSeconds: number; text: string }
  /** true: tokens that have alerted at least once; false: never. */
  triggered?: boolean
  enabled?: boolean
}

/** The inputs a filter is read from. */
export const FILTER_INPUTS = ['memo-pattern', 'kind', 'flock-id', 'created-before', 'triggered', 'enabled'] as const satisfies readonly InputName[]

const REGEX_LITERAL = /^\/(.*)\/([a-z]*)$/s
/** `g` and `y` make `test` stateful; `d` is of no use here. */
const REGEX_FLAGS = /^[imsuv]*$/

/**
 * A glob as a RegExp matched against the whole memo: `*` any run of
 * characters (`/` included: memos are not paths), `?` one character,
 * `[abc]`/`[a-z]`/`[!abc]` a class, `\` makes the next character literal.
 * Small enough not to need a library, and the path rules of the usual glob
 * libraries (a `*` that stops at `/`) would be wrong for memos.
 */
export function globToRegExp(glob: string): { regex: RegExp; literalPrefix: string } {
  let source = ''
  let literalPrefix = ''
  let prefixOpen = true
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index] as string
    if (character === '*' || character === '?') {
      source += character === '*' ? '[\\s\\S]*' : '[\\s\\S]'
      prefixOpen = false
    } else if (character === '[' && glob.indexOf(']', index + 2) !== -1) {
      const end = glob.indexOf(']', index + 2)
      let body = glob.slice(index + 1, end)
      const negated = body.startsWith('!') || body.startsWith('^')
      if (negated) body = body.slice(1)
      if (body === '') throw new InputError(`Input 'memo-pattern' has an empty character class at position ${index + 1}.`)
      source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
      index = end
      prefixOpen = false
    } else {
      const literal = character === '\\' && index + 1 < glob.length ? (glob[++index] as string) : character
      source += literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      if (prefixOpen) literalPrefix += literal
    }
  }
  try {
    return { regex: new RegExp(`^${source}$`, 'u'), literalPrefix }
  } catch (error) {
    // A class like [z-a]: name it rather than show our translation.
    const reason = errorMessage(error).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')
    throw new InputError(`Input 'memo-pattern' is not a valid glob (${reason}).`)
  }
}

/**
 * The word a `^literal...` regular expression pins at the memo's start, if
 * it surely does: no alternation, no case folding, and a last letter that no
 * quantifier makes optional.
 */
function regexSearchString(source: string, flags: string): string | undefined {
  if (!source.startsWith('^') || flags.includes('i') || source.includes('|')) return undefined
  const run = /^[A-Za-z0-9]+/.exec(source.slice(1))?.[0]
  if (!run) return undefined
  const after = source[1 + run.length]
  const word = after === '?' || after === '*' || after === '{' ? run.slice(0, -1) : run
  return word || undefined
}

export function parseMemoPattern(text: string): MemoPattern {
  const literal = REGEX_LITERAL.exec(text)
  if (literal && text.length > 1) {
    const [, source = '', flags = ''] = literal
    if (!REGEX_FLAGS.test(flags)) {
      throw new InputError(`Input 'memo-pattern' has regular expression flags '${flags}'; only i, m, s, u and v apply.`)
    }
    if (source === '') throw new InputError("Input 'memo-pattern' is an empty regular expression: write a pattern between the slashes.")
    let regex: RegExp
    try {
      regex = new RegExp(source, flags)
    } catch (error) {
      const reason = errorMessage(error).replace(/^Invalid regular expression: /, '')
      throw new InputError(`Input 'memo-pattern' is not a valid regular expression: ${reason}.`)
    }
    return { text, regex, searchString: regexSearchString(source, flags) }
  }
  const { regex, literalPrefix } = globToRegExp(text)
  return { text, regex, searchString: searchStringFor(literalPrefix) }
}

const AGE_UNITS: Record<string, number> = { m: 60, h: 3600, d: 86_400, w: 604_800 }
const AGE = /^(\d{1,6})([mhdw])$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * `created-before`: an ISO 8601 date (midnight UTC), date and time (UTC
 * unless it names an offset), or an age before now: `30d`, `12h`, `90m`, `2w`.
 */
export function parseCreatedBefore(text: string, nowMs: number): { epochSeconds: number; text: string } {
  const age = AGE.exec(text)
  if (age) {
    const seconds = Number(age[1]) * (AGE_UNITS[age[2] as string] as number)
    return { epochSeconds: Math.floor(nowMs / 1000) - seconds, text }
  }
  const date = ISO_DATE.exec(text)
  const dateTime = ISO_DATE_TIME.exec(text)
  const parts = date ?? dateTime
  if (parts) {
    const [, year, month, day, hour = '00', minute = '00', second = '00'] = parts.map((part) => part ?? '00')
    // Date.parse would roll 2024-02-30 over to March: check the fields ourselves.
    const fieldsValid = Number(month) >= 1 && Number(month) <= 12 && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()
    if (fieldsValid && Number(day) >= 1 && Number(day) <= daysInMonth) {
      const zone = dateTime?.[7]
      const normalized = date ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}${zone ? '' : 'Z'}`
      const ms = Date.parse(normalized.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
      if (Number.isFinite(ms)) return { epochSeconds: Math.floor(ms / 1000), text }
    }
  }
  throw new InputError(
    `Input 'created-before' must be an ISO date (2024-05-31), a date and time (2024-05-31T12:00:00Z) or an age (30d, 12h, 90m, 2w); '${text}' is none of these.`
  )
}

/** Reads the filter inputs; every mistake is an InputError naming the input. `nowMs` fixes "now" for ages. */
export function parseCanarytokenFilter(inputs: InputReader, nowMs: number): CanarytokenFilter {
  const filter: CanarytokenFilter = {}
  const memoPattern = inputs.get('memo-pattern')
  if (memoPattern) filter.memoPattern = parseMemoPattern(memoPattern)
  const kind = inputs.get('kind')
  if (kind) {
    if (!isKnownKind(kind)) throw new InputError(unknownKindMessage(kind))
    filter.kind = kind
  }
  const flockId = flockIdInput(inputs)
  if (flockId) filter.flockId = flockId
  const createdBefore = inputs.get('created-before')
  if (createdBefore) filter.createdBefore = parseCreatedBefore(createdBefore, nowMs)
  filter.triggered = optionalBoolean(inputs, 'triggered')
  filter.enabled = optionalBoolean(inputs, 'enabled')
  return filter
}

export function hasFilter(filter: CanarytokenFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined)
}

/** Refuses a run with neither a filter nor `all: true`, the explicit "every token" switch. */
export function requireFilterOrAll(filter: CanarytokenFilter, inputs: InputReader, operation: string): void {
  if (!booleanInput(inputs, 'all') && !hasFilter(filter)) {
    throw new InputError(
      `Operation '${operation}' needs at least one filter (${FILTER_INPUTS.join(', ')}), or 'all: true' to work on every Canarytoken.`
    )
  }
}

/** The part of the filter the Console applies itself. */
export function consoleQuery(filter: CanarytokenFilter): CanarytokenQuery {
  return { flockId: filter.flockId, kind: filter.kind, active: filter.enabled, searchString: filter.memoPattern?.searchString }
}

/**
 * Whether a token passes every filter. Everything is checked here, the
 * Console's part too, so a Console that ignored a parameter cannot widen the
 * match. A field the filter needs but the token lacks never matches.
 */
export function matchesFilter(filter: CanarytokenFilter, token: TokenRecord): boolean {
  if (filter.kind !== undefined && token.kind !== filter.kind) return false
  if (filter.flockId !== undefined && token.flockId !== filter.flockId) return false
  if (filter.enabled !== undefined && token.enabled !== filter.enabled) return false
  if (filter.memoPattern && !filter.memoPattern.regex.test(token.memo)) return false
  if (filter.createdBefore) {
    if (token.created === undefined || token.created.getTime() / 1000 >= filter.createdBefore.epochSeconds) return false
  }
  if (filter.triggered !== undefined) {
    const count = token.triggeredCount
    if (count === undefined || count > 0 !== filter.triggered) return false
  }
  return true
}

/** The filter in words, for the log and the job summary. */
export function describeFilter(filter: CanarytokenFilter): string {
  const parts: string[] = []
  if (filter.memoPattern) parts.push(`memo-pattern ${filter.memoPattern.text}`)
  if (filter.kind) parts.push(`kind ${filter.kind}`)
  if (filter.flockId) parts.push(`flock-id ${filter.flockId}`)
  if (filter.createdBefore) parts.push(`created before ${new Date(filter.createdBefore.epochSeconds * 1000).toISOString()} (${filter.createdBefore.text})`)
  if (filter.triggered !== undefined) parts.push(filter.triggered ? 'triggered' : 'never triggered')
  if (filter.enabled !== undefined) parts.push(filter.enabled ? 'enabled' : 'disabled')
  return parts.length > 0 ? parts.join(', ') : 'every Canarytoken'
}
