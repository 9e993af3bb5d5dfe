import { searchStringFor, type CanarytokenQuery } from '../backends/console/canarytokens.js'
import type { TokenRecord } from '../backends/types.js'
import { errorMessage, InputError } from '../errors.js'
import { booleanInput, flockIdInput, optionalBoolean, type InputName, type InputReader } from '../inputs.js'
import { isKnownKind, unknownKindMessage } from './kinds.js'

/** A memo pattern: a glob matched against the whole memo, or a regular expression written `/.../flags`. */
export interface MemoPattern {
  /** As the user wrote it. */
  text: string
  /** Whether a memo matches. Linear-time work for any memo (see GlobMatcher and RE2), so a hostile memo cannot stall a run. */
  test(memo: string): boolean
  /** The matching work done so far (glob steps), for the debug log; undefined for a regular expression (RE2 keeps its own bound). */
  steps?(): number
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
/** `g` and `y` make `test` stateful; `d` is of no use here; `v`'s set notation is not RE2's. */
const REGEX_FLAGS = /^[imsu]*$/

/** One glob element that is not a `*`: it matches exactly one code point. */
type GlobAtom = { literal: number } | { any: true } | { ranges: Array<[number, number]>; negated: boolean }
/** A glob element: a `*` or an atom. */
type GlobToken = { star: true } | GlobAtom

function atomMatches(atom: GlobAtom, codePoint: number): boolean {
  if ('literal' in atom) return atom.literal === codePoint
  if ('any' in atom) return true
  const inside = atom.ranges.some(([low, high]) => codePoint >= low && codePoint <= high)
  return inside !== atom.negated
}

/**
 * A compiled glob, matched against the whole memo without a regular
 * expression: `*` any run of characters (`/` and line breaks included: memos
 * are not paths), `?` one character, `[abc]`/`[a-z]`/`[!abc]` a class, `\`
 * makes the next character literal. Characters are code points.
 *
 * Matching is the two-pointer wildcard walk: on a mismatch it goes back only
 * to the latest `*` and lets it take one more character, never to an earlier
 * one (every atom takes exactly one character, so the earliest place a part
 * between stars fits is always as good as any later one). Its work is at
 * most (memo length + 1) x (pattern length + 1) steps, whatever the memo,
 * where a translation to a backtracking RegExp (`[\s\S]*` per star) can take
 * minutes on a 10,000-character memo. `steps` counts the work, so tests can
 * check the bound without a clock.
 */
export class GlobMatcher {
  readonly literalPrefix: string
  /** The pattern's length in elements (a class counts as one). */
  readonly length: number
  private readonly tokens: GlobToken[]
  private work = 0

  constructor(readonly glob: string) {
    const { tokens, literalPrefix } = compileGlob(glob)
    this.tokens = tokens
    this.literalPrefix = literalPrefix
    this.length = tokens.length
  }

  /** Matching steps taken by every `test` so far. */
  steps(): number {
    return this.work
  }

  test(memo: string): boolean {
    const text = Array.from(memo, (character) => character.codePointAt(0) as number)
    const tokens = this.tokens
    let t = 0
    let p = 0
    let starAt = -1
    let starText = 0
    while (t < text.length) {
      this.work++
      const token = tokens[p]
      if (token && 'star' in token) {
        starAt = p++
        starText = t
      } else if (token && atomMatches(token, text[t] as number)) {
        t++
        p++
      } else if (starAt !== -1) {
        p = starAt + 1
        t = ++starText
      } else {
        return false
      }
    }
    while (p < tokens.length && 'star' in (tokens[p] as GlobToken)) {
      this.work++
      p++
    }
    return p === tokens.length
  }
}

function compileGlob(glob: string): { tokens: GlobToken[]; literalPrefix: string } {
  const characters = Array.from(glob)
  const tokens: GlobToken[] = []
  let literalPrefix = ''
  let prefixOpen = true
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as string
    if (character === '*') {
      // `**` is `*`: one star keeps the walk's bound.
      if (!('star' in (tokens.at(-1) ?? {}))) tokens.push({ star: true })
      prefixOpen = false
    } else if (character === '?') {
      tokens.push({ any: true })
      prefixOpen = false
    } else if (character === '[' && characters.indexOf(']', index + 2) !== -1) {
      const end = characters.indexOf(']', index + 2)
      let body = characters.slice(index + 1, end)
      const negated = body[0] === '!' || body[0] === '^'
      if (negated) body = body.slice(1)
      if (body.length === 0) throw new InputError(`Input 'memo-pattern' has an empty character class at position ${index + 1}.`)
      const ranges: Array<[number, number]> = []
      for (let at = 0; at < body.length; at++) {
        const low = (body[at] as string).codePointAt(0) as number
        if (body[at + 1] === '-' && at + 2 < body.length) {
          const high = (body[at + 2] as string).codePointAt(0) as number
          if (high < low) throw new InputError("Input 'memo-pattern' is not a valid glob (Range out of order in character class).")
          ranges.push([low, high])
          at += 2
        } else {
          ranges.push([low, low])
        }
      }
      tokens.push({ ranges, negated })
      index = end
      prefixOpen = false
    } else {
      const literal = character === '\\' && index + 1 < characters.length ? (characters[++index] as string) : character
      tokens.push({ literal: literal.codePointAt(0) as number })
      if (prefixOpen) literalPrefix += literal
    }
  }
  return { tokens, literalPrefix }
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

/** Whether a pattern is a regular expression (`/.../flags`), which needs the RE2 engine loaded (loadRegexEngine). */
export function isRegexPattern(text: string): boolean {
  return text.length > 1 && REGEX_LITERAL.test(text)
}

type Re2 = typeof import('re2js').RE2JS
let re2: Re2 | undefined

/**
 * Loads RE2 (the re2js port: linear-time matching) for regular-expression
 * patterns. Only a run whose `memo-pattern` is a `/regex/` pays for it, and
 * it must be loaded before parseMemoPattern reads one.
 */
export async function loadRegexEngine(): Promise<void> {
  re2 ??= (await import('re2js')).RE2JS
}

/**
 * A `memo-pattern`: a `/regex/flags` runs on RE2 (RE2's syntax: no
 * backreferences, no lookahead or lookbehind, which are what can make a
 * backtracking engine take exponential time), anything else is a glob.
 */
export function parseMemoPattern(text: string): MemoPattern {
  const literal = REGEX_LITERAL.exec(text)
  if (literal && text.length > 1) {
    const [, source = '', flags = ''] = literal
    if (!REGEX_FLAGS.test(flags)) {
      throw new InputError(`Input 'memo-pattern' has regular expression flags '${flags}'; only i, m, s and u apply.`)
    }
    if (source === '') throw new InputError("Input 'memo-pattern' is an empty regular expression: write a pattern between the slashes.")
    if (!re2) throw new Error('parseMemoPattern: a regular expression needs loadRegexEngine() first')
    let compiled: InstanceType<Re2>
    try {
      const bits = (flags.includes('i') ? re2.CASE_INSENSITIVE : 0) | (flags.includes('s') ? re2.DOTALL : 0) | (flags.includes('m') ? re2.MULTILINE : 0)
      compiled = re2.compile(source, bits)
    } catch (error) {
      const reason = errorMessage(error).replace(/^error parsing regexp: /, '')
      throw new InputError(
        `Input 'memo-pattern' is not a valid RE2 regular expression: ${reason}. Backreferences and lookaround are refused (they can make matching take exponential time); write a glob, or a regular expression without them.`
      )
    }
    return { text, test: (memo) => compiled.test(memo), searchString: regexSearchString(source, flags) }
  }
  const glob = new GlobMatcher(text)
  return { text, test: (memo) => glob.test(memo), steps: () => glob.steps(), searchString: searchStringFor(glob.literalPrefix) }
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

/** A `memo-pattern` as every operation reads it: RE2 loaded first when it is a regular expression. */
export async function memoPatternInput(text: string): Promise<MemoPattern> {
  if (isRegexPattern(text)) await loadRegexEngine()
  return parseMemoPattern(text)
}

/** Reads the filter inputs; every mistake is an InputError naming the input. `nowMs` fixes "now" for ages. */
export async function parseCanarytokenFilter(inputs: InputReader, nowMs: number): Promise<CanarytokenFilter> {
  const filter: CanarytokenFilter = {}
  const memoPattern = inputs.get('memo-pattern')
  if (memoPattern) filter.memoPattern = await memoPatternInput(memoPattern)
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
  if (filter.memoPattern && !filter.memoPattern.test(token.memo)) return false
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
