import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Canarytoken } from '../../src/backends/console/canarytokens.js'
import { InputError } from '../../src/errors.js'
import { inputsFrom } from '../../src/inputs.js'
import {
  consoleQuery,
  describeFilter,
  GlobMatcher,
  hasFilter,
  loadRegexEngine,
  matchesFilter,
  parseCanarytokenFilter,
  parseCreatedBefore,
  parseMemoPattern,
  requireFilterOrAll
} from '../../src/operations/canarytoken-filter.js'
import { tokenRecord } from '../../src/backends/console/records.js'

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0) // 2024-06-15T12:00:00Z
const NOW_SECONDS = NOW / 1000

function token(fields: Partial<Canarytoken> = {}): Canarytoken {
  return {
    canarytoken: 'tok',
    kind: 'dns',
    memo: 'ci-run 42',
    enabled: true,
    flock_id: 'flock:default',
    created: String(NOW_SECONDS - 40 * 86_400),
    triggered_count: 0,
    ...fields
  }
}

describe('memo-pattern globs', () => {
  it.each([
    ['ci-run *', 'ci-run 42', true],
    ['ci-run *', 'nightly ci-run 42', false],
    ['*deploy*', 'octo-org/octo-repo@abc deploy beacon', true],
    ['run-??', 'run-42', true],
    ['run-??', 'run-425', false],
    ['run-[0-4]*', 'run-3x', true],
    ['run-[!0-4]*', 'run-3x', false],
    ['run-[!0-4]*', 'run-9x', true],
    ['a.b', 'axb', false],
    ['a.b', 'a.b', true],
    ['\\*literal', '*literal', true],
    ['\\*literal', 'xliteral', false],
    ['(x)+', '(x)+', true],
    ['[unclosed', '[unclosed', true],
    ['multi*line', 'multi\nline', true],
    ['CI-*', 'ci-run', false]
  ])('%p against %p -> %p', (glob, memo, expected) => {
    expect(new GlobMatcher(glob).test(memo)).toBe(expected)
  })

  it('keeps the literal start of the glob', () => {
    expect(new GlobMatcher('ci-run-*').literalPrefix).toBe('ci-run-')
    expect(new GlobMatcher('ab\\*c*').literalPrefix).toBe('ab*c')
    expect(new GlobMatcher('*x').literalPrefix).toBe('')
  })

  it('refuses a class the RegExp engine cannot build, naming the input', () => {
    expect(() => parseMemoPattern('run-[z-a]')).toThrow("Input 'memo-pattern' is not a valid glob (Range out of order in character class).")
  })
})

describe('memo-pattern regular expressions', () => {
  beforeAll(loadRegexEngine)

  it('matches anywhere unless anchored, with flags', () => {
    expect(parseMemoPattern('/deploy/').test('a deploy b')).toBe(true)
    expect(parseMemoPattern('/^deploy$/').test('a deploy b')).toBe(false)
    expect(parseMemoPattern('/^DEPLOY/i').test('deploy x')).toBe(true)
  })

  it.each([
    ['/(unclosed/', /^Input 'memo-pattern' is not a valid RE2 regular expression: missing closing \): .*\. Backreferences and lookaround are refused/],
    ['/(a)\\1/', /^Input 'memo-pattern' is not a valid RE2 regular expression: invalid escape sequence: `\\1`\. Backreferences and lookaround are refused/],
    ['/(?=a)b/', /^Input 'memo-pattern' is not a valid RE2 regular expression: invalid or unsupported Perl syntax: `\(\?=`\./],
    ['/(?<!a)b/', /^Input 'memo-pattern' is not a valid RE2 regular expression: .*lookaround are refused/],
    ['/x/g', "Input 'memo-pattern' has regular expression flags 'g'; only i, m, s and u apply."],
    ['/x/v', "Input 'memo-pattern' has regular expression flags 'v'; only i, m, s and u apply."],
    ['//', "Input 'memo-pattern' is an empty regular expression: write a pattern between the slashes."]
  ])('refuses %p', (pattern, message) => {
    expect(() => parseMemoPattern(pattern)).toThrow(InputError)
    expect(() => parseMemoPattern(pattern)).toThrow(message)
  })

  it("treats a lone '/' as a glob", () => {
    expect(parseMemoPattern('/').test('/')).toBe(true)
  })
})

describe('the search string the Console can narrow by', () => {
  beforeAll(loadRegexEngine)

  it.each([
    ['ci-run-*', 'ci'],
    ['nightly*', 'nightly'],
    ['deploy beacon ?', 'deploy'],
    ['*ci-run*', undefined],
    ['[ab]x*', undefined],
    ['-x*', undefined],
    ['/^nightly-\\d+/', 'nightly'],
    ['/^nightlyx?/', 'nightly'],
    ['/^nightly+/', 'nightly'],
    ['/^n*/', undefined],
    ['/^nightly/i', undefined],
    ['/^nightly|other/', undefined],
    ['/nightly/', undefined]
  ])('%p -> %p', (pattern, expected) => {
    expect(parseMemoPattern(pattern).searchString).toBe(expected)
  })

  it('gives the Console kind, flock, active and the search string; nothing else', async () => {
    const filter = await parseCanarytokenFilter(
      inputsFrom({ 'memo-pattern': 'ci-run *', kind: 'dns', 'flock-id': 'flock:x', enabled: 'false', triggered: 'true', 'created-before': '30d' }),
      NOW
    )
    expect(consoleQuery(filter)).toEqual({ flockId: 'flock:x', kind: 'dns', active: false, searchString: 'ci' })
    expect(consoleQuery({})).toEqual({ flockId: undefined, kind: undefined, active: undefined, searchString: undefined })
  })
})

describe('created-before', () => {
  it.each([
    ['30d', NOW_SECONDS - 30 * 86_400],
    ['12h', NOW_SECONDS - 12 * 3600],
    ['90m', NOW_SECONDS - 90 * 60],
    ['2w', NOW_SECONDS - 14 * 86_400],
    ['2024-05-31', Date.UTC(2024, 4, 31) / 1000],
    ['2024-05-31T12:30:00Z', Date.UTC(2024, 4, 31, 12, 30) / 1000],
    ['2024-05-31T12:30', Date.UTC(2024, 4, 31, 12, 30) / 1000],
    ['2024-05-31 12:30:15.250', Date.UTC(2024, 4, 31, 12, 30, 15) / 1000],
    ['2024-05-31T12:30:00+02:00', Date.UTC(2024, 4, 31, 10, 30) / 1000],
    ['2024-05-31T12:30:00-0130', Date.UTC(2024, 4, 31, 14, 0) / 1000],
    ['2024-02-29', Date.UTC(2024, 1, 29) / 1000]
  ])('%p -> %p', (text, seconds) => {
    expect(parseCreatedBefore(text, NOW).epochSeconds).toBe(seconds)
  })

  it.each(['yesterday-ish', '30', '30x', '-3d', '2023-02-29', '2024-13-01', '2024-05-31T25:00', '31/05/2024', '2024-5-31', ' 30d'])('refuses %p naming the input', (text) => {
    expect(() => parseCreatedBefore(text, NOW)).toThrow(/^Input 'created-before' must be an ISO date .* or an age \(30d, 12h, 90m, 2w\); '.*' is none of these\.$/)
  })
})

describe('parseCanarytokenFilter', () => {
  it('reads every filter input', async () => {
    const filter = await parseCanarytokenFilter(
      inputsFrom({ 'memo-pattern': '/x/', kind: 'aws-id', 'flock-id': 'flock:1', 'created-before': '1d', triggered: 'false', enabled: 'true' }),
      NOW
    )
    expect(filter).toMatchObject({ kind: 'aws-id', flockId: 'flock:1', triggered: false, enabled: true, createdBefore: { epochSeconds: NOW_SECONDS - 86_400, text: '1d' } })
    expect(filter.memoPattern?.text).toBe('/x/')
    expect(hasFilter(filter)).toBe(true)
    expect(hasFilter(await parseCanarytokenFilter(inputsFrom({}), NOW))).toBe(false)
  })

  it.each([
    [{ kind: 'dnss' }, /^Input 'kind': 'dnss' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: active-directory-login, .*, wireguard\.$/],
    [{ kind: 'DNS' }, /^Input 'kind': 'DNS' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: /],
    [{ kind: 'nonsense' }, /; 'nonsense' is not a Canarytoken kind\.$/],
    [{ 'flock-id': 'default' }, /^Input 'flock-id' must be a flock id, which looks like 'flock:default'/],
    [{ triggered: 'sometimes' }, "Input 'triggered' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'sometimes'."],
    [{ enabled: 'yes please' }, "Input 'enabled' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'yes please'."],
    [{ 'created-before': 'yesterday-ish' }, /^Input 'created-before' must be/]
  ])('refuses %p', async (values, message) => {
    await expect(parseCanarytokenFilter(inputsFrom(values), NOW)).rejects.toThrow(message)
  })

  it('needs a filter or all: true', async () => {
    const none = await parseCanarytokenFilter(inputsFrom({}), NOW)
    expect(() => requireFilterOrAll(none, inputsFrom({}), 'cleanup-canarytokens')).toThrow(
      "Operation 'cleanup-canarytokens' needs at least one filter (memo-pattern, kind, flock-id, created-before, triggered, enabled), or 'all: true' to work on every Canarytoken."
    )
    expect(() => requireFilterOrAll(none, inputsFrom({ all: 'false' }), 'cleanup-canarytokens')).toThrow(InputError)
    expect(() => requireFilterOrAll(none, inputsFrom({ all: 'maybe' }), 'cleanup-canarytokens')).toThrow("Input 'all' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'maybe'.")
    expect(() => requireFilterOrAll(none, inputsFrom({ all: 'true' }), 'cleanup-canarytokens')).not.toThrow()
    const triggered = await parseCanarytokenFilter(inputsFrom({ triggered: 'false' }), NOW)
    expect(() => requireFilterOrAll(triggered, inputsFrom({}), 'x')).not.toThrow()
  })
})

const record = (fields: Partial<Canarytoken> = {}) => tokenRecord(token(fields))

describe('matchesFilter', () => {
  it('matches everything with no filter', () => {
    expect(matchesFilter({}, record())).toBe(true)
  })

  it.each([
    [{ kind: 'dns' }, token(), true],
    [{ kind: 'http' }, token(), false],
    [{ flockId: 'flock:default' }, token(), true],
    [{ flockId: 'flock:other' }, token(), false],
    [{ enabled: true }, token(), true],
    [{ enabled: false }, token(), false],
    [{ enabled: false }, token({ enabled: 'false' as unknown as boolean }), true],
    [{ enabled: true }, token({ enabled: undefined }), false],
    [{ enabled: false }, token({ enabled: undefined }), false],
    [{ triggered: false }, token(), true],
    [{ triggered: true }, token({ triggered_count: 3 }), true],
    [{ triggered: true }, token({ triggered_count: '2' as unknown as number }), true],
    [{ triggered: false }, token({ triggered_count: 3 }), false],
    [{ triggered: false }, token({ triggered_count: undefined }), false],
    [{ createdBefore: { epochSeconds: NOW_SECONDS - 30 * 86_400, text: '30d' } }, token(), true],
    [{ createdBefore: { epochSeconds: NOW_SECONDS - 50 * 86_400, text: '50d' } }, token(), false],
    [{ createdBefore: { epochSeconds: NOW_SECONDS, text: '0d' } }, token({ created: String(NOW_SECONDS) }), false],
    [{ createdBefore: { epochSeconds: NOW_SECONDS, text: '0d' } }, token({ created: undefined }), false],
    [{ createdBefore: { epochSeconds: NOW_SECONDS, text: '0d' } }, token({ created: 'soon' }), false],
    [{ createdBefore: { epochSeconds: NOW_SECONDS, text: '0d' } }, token({ created: '1700000000.5' }), true],
    // Past what a date holds: no creation time (the record is listed, not a crash in cleanup's rows).
    [{ createdBefore: { epochSeconds: NOW_SECONDS, text: '0d' } }, token({ created: '1e20' }), false]
  ])('%p on a token -> %p', (filter, candidate, expected) => {
    expect(matchesFilter(filter, tokenRecord(candidate))).toBe(expected)
  })

  it('reads a creation time no date can hold as none', () => {
    expect(record({ created: '1e20' }).created).toBeUndefined()
  })

  it('combines filters with AND, the memo pattern included', async () => {
    const filter = await parseCanarytokenFilter(inputsFrom({ 'memo-pattern': 'ci-run *', kind: 'dns', triggered: 'false', 'created-before': '30d' }), NOW)
    expect(matchesFilter(filter, record())).toBe(true)
    expect(matchesFilter(filter, record({ memo: 'ci-runner 42' }))).toBe(false)
    expect(matchesFilter(filter, record({ kind: 'http' }))).toBe(false)
    expect(matchesFilter(filter, record({ triggered_count: 1 }))).toBe(false)
    expect(matchesFilter(filter, record({ created: String(NOW_SECONDS - 86_400) }))).toBe(false)
  })

  it('describes the filter in words', async () => {
    const filter = await parseCanarytokenFilter(inputsFrom({ 'memo-pattern': 'ci-*', kind: 'dns', triggered: 'false', 'created-before': '2024-05-31' }), NOW)
    expect(describeFilter(filter)).toBe('memo-pattern ci-*, kind dns, created before 2024-05-31T00:00:00.000Z (2024-05-31), never triggered')
    expect(describeFilter({})).toBe('every Canarytoken')
  })
})

describe('memo-pattern work is bounded on hostile memos', () => {
  // Each case made the old RegExp translation (`[\s\S]*` per star) backtrack
  // for minutes. The walk's work is counted, not timed: at most
  // (memo length + 1) x (pattern length + 1) steps.
  const bound = (memo: string, glob: GlobMatcher) => ([...memo].length + 1) * (glob.length + 1)

  it.each([
    ['*@* run * attempt *: runner canary', ' run  attempt @'.repeat(666), false],
    ['*a*a*a*a*b', 'a'.repeat(10_000), false],
    ['*a*a*a*a*b', `${'a'.repeat(9_999)}b`, true],
    ['*?*?*?*?*x', '😀'.repeat(10_000), false]
  ])('%p on a %#-th hostile memo', (pattern, memo, expected) => {
    const glob = new GlobMatcher(pattern)
    expect(glob.test(memo)).toBe(expected)
    expect(glob.steps()).toBeGreaterThan(0)
    expect(glob.steps()).toBeLessThanOrEqual(bound(memo, glob))
  })

  it('a simple pattern on a long memo takes about one step per character', () => {
    const glob = new GlobMatcher('ci-run *')
    const memo = `ci-run ${'x'.repeat(10_000)}`
    expect(glob.test(memo)).toBe(true)
    expect(glob.steps()).toBeLessThanOrEqual([...memo].length + glob.length + 1)
  })

  it('matches by code point: ? is one emoji, classes hold astral characters', () => {
    expect(new GlobMatcher('run-?').test('run-😀')).toBe(true)
    expect(new GlobMatcher('run-[😀😁]').test('run-😁')).toBe(true)
    expect(new GlobMatcher('**x').test('x')).toBe(true)
    expect(new GlobMatcher('a*').test('a')).toBe(true)
    expect(new GlobMatcher('').test('')).toBe(true)
    expect(new GlobMatcher('').test('x')).toBe(false)
    expect(new GlobMatcher('[-a]').test('-')).toBe(true)
    expect(new GlobMatcher('[a-]').test('-')).toBe(true)
  })

  it('a regular expression runs on RE2: a hostile memo is no trouble', async () => {
    await loadRegexEngine()
    expect(parseMemoPattern('/^(a+)+b$/').test('a'.repeat(10_000))).toBe(false)
    expect(parseMemoPattern('/(a|aa)*c/').test('a'.repeat(10_000))).toBe(false)
    expect(parseMemoPattern('/^x.y$/s').test('x\ny')).toBe(true)
    expect(parseMemoPattern('/^y$/m').test('x\ny')).toBe(true)
  })
})
