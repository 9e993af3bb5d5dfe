import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { codePointLength } from '../../src/text.js'
import { booleanInput, extraParamsInput, yamlErrorReason, flockIdInput, inputsFrom, integerInput, optionalBoolean } from '../../src/inputs.js'
import { memoInput } from '../../src/operations/memo-template.js'

describe('input parsing', () => {
  it('reads booleans strictly', () => {
    expect(optionalBoolean(inputsFrom({ download: 'true' }), 'download')).toBe(true)
    expect(optionalBoolean(inputsFrom({ download: 'False' }), 'download')).toBe(false)
    expect(optionalBoolean(inputsFrom({}), 'download')).toBeUndefined()
    expect(booleanInput(inputsFrom({}), 'download')).toBe(false)
    expect(() => booleanInput(inputsFrom({ download: 'maybe' }), 'download')).toThrow("Input 'download' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'maybe'.")
  })

  it.each(['yes', 'no', 'on', 'off', 'Yes', 'tRUE', '1'])("refuses '%s' as GitHub's getBooleanInput does, and says what it accepts", (value) => {
    expect(() => optionalBoolean(inputsFrom({ download: value }), 'download')).toThrow(
      `Input 'download' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not '${value}'.`
    )
  })

  it.each([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]] as const)("reads '%s' as GitHub's getBooleanInput does", (value, expected) => {
    expect(optionalBoolean(inputsFrom({ download: value }), 'download')).toBe(expected)
  })

  it('reads a flock id and refuses one without the flock: prefix, naming the fix', () => {
    expect(flockIdInput(inputsFrom({ 'flock-id': 'flock:default' }))).toBe('flock:default')
    expect(flockIdInput(inputsFrom({}))).toBeUndefined()
    expect(() => flockIdInput(inputsFrom({ 'flock-id': 'default' }))).toThrow(
      "Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not 'default'; did you mean 'flock:default'?"
    )
    expect(() => flockIdInput(inputsFrom({ 'flock-id': 'flock: x y' }))).toThrow(/not 'flock: x y'\.$/)
  })

  it('reads bounded integers', () => {
    expect(integerInput(inputsFrom({ 'retention-days': '7' }), 'retention-days', { min: 1, max: 90 })).toBe(7)
    expect(integerInput(inputsFrom({}), 'retention-days', { min: 1, max: 90, fallback: 5 })).toBe(5)
    expect(() => integerInput(inputsFrom({ 'retention-days': '91' }), 'retention-days', { min: 1, max: 90 })).toThrow(/from 1 to 90, not '91'/)
    expect(() => integerInput(inputsFrom({ 'retention-days': '1.5' }), 'retention-days', { min: 1, max: 90 })).toThrow(InputError)
  })

  it("enforces the Console's memo limit", () => {
    expect(memoInput(inputsFrom({ memo: 'x'.repeat(10_000) }))).toHaveLength(10_000)
    expect(() => memoInput(inputsFrom({ memo: 'x'.repeat(10_001) }))).toThrow(/10001 characters long; the Console accepts at most 10000/)
  })

  it('counts characters as people and the Console (Python len) do: code points', () => {
    expect(codePointLength('😀'.repeat(6_000))).toBe(6_000)
    expect(codePointLength('Pässwörter')).toBe(10)
    expect(codePointLength('')).toBe(0)
    // 6,000 emoji are 12,000 UTF-16 units but 6,000 characters: within the limit.
    expect(memoInput(inputsFrom({ memo: '😀'.repeat(6_000) }))).toBe('😀'.repeat(6_000))
    expect(memoInput(inputsFrom({ memo: '😀'.repeat(10_000) }))).toHaveLength(20_000)
    expect(() => memoInput(inputsFrom({ memo: '😀'.repeat(10_001) }))).toThrow(/^Input 'memo' is 10001 characters long; the Console accepts at most 10000\.$/)
  })

  describe('extra-params', () => {
    const named = new Set(['memo', 'kind'])
    it('passes a YAML mapping through', async () => {
      expect(await extraParamsInput(inputsFrom({ 'extra-params': 'expiry: 6mo\ncustom_domain: x.example\nflag: true\nn: 3' }), named)).toEqual({
        expiry: '6mo',
        custom_domain: 'x.example',
        flag: true,
        n: 3
      })
      expect(await extraParamsInput(inputsFrom({}), named)).toEqual({})
    })
    it.each([
      ['- a\n- b', /must be a YAML mapping/],
      ['a: [1, 2]', /single value/],
      ['auth_token: x', /must not hold 'auth_token'/],
      ['memo: x', /use the input 'memo' instead/],
      ['Bad-Name: x', /not a Console parameter name/],
      ['a: b: c', /must be a YAML mapping/]
    ])('refuses %p', async (yaml, message) => {
      await expect(extraParamsInput(inputsFrom({ 'extra-params': yaml }), named)).rejects.toThrow(message)
    })
  })
})

describe('yamlErrorReason', () => {
  it('keeps the line the parser points at, or the nearest one above with text', async () => {
    const { parse } = await import('yaml')
    const reasonFor = (source: string) => {
      try {
        parse(source)
      } catch (error) {
        return yamlErrorReason(error, source)
      }
      throw new Error('the YAML parsed')
    }
    expect(reasonFor('tokens:\n  - name: a\n   kind: dns\n')).toBe('Sequence item without - indicator at line 3, column 1: "   kind: dns"')
    expect(reasonFor('a: [1, 2\n')).toMatch(/ at line 2, column 1 \(line 1: "a: \[1, 2"\)$/)
    expect(yamlErrorReason(new Error('plain'), 'x')).toBe('plain')
  })
})
