import { describe, expect, it } from '@jest/globals'
import { envelopeText, itemText, listBounds } from '../../src/http/json-list.js'
import { seededRandom } from '../../__fixtures__/random.js'

/** What the cut pieces parse to, put back together; throws when a piece does not parse (the whole is then judged by JSON.parse). */
function reassembled(body: Buffer, field: string): unknown {
  const bounds = listBounds(body, field)
  if (!bounds) return 'not cut'
  const envelope = JSON.parse(envelopeText(body, bounds)) as Record<string, unknown>
  envelope[field] = Array.from({ length: bounds.items.length / 2 }, (_, index) => JSON.parse(itemText(body, bounds, index)) as unknown)
  return envelope
}

/** Either the pieces parse to exactly what JSON.parse makes of the whole, or the text is not cut, or (when the whole is not JSON) a piece fails. */
function expectFaithful(text: string | Buffer, field = 'canarytokens'): 'cut' | 'not cut' | 'failed' {
  // As the transport has it: bytes, decoded whole when JSON.parse judges the whole.
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  let whole: unknown
  let wholeFails = false
  try {
    whole = JSON.parse(body.toString('utf8'))
  } catch {
    wholeFails = true
  }
  let pieces: unknown
  try {
    pieces = reassembled(body, field)
  } catch {
    // A piece that does not parse: only allowed when the whole does not either.
    expect(wholeFails).toBe(true)
    return 'failed'
  }
  if (pieces === 'not cut') return 'not cut'
  expect(wholeFails).toBe(false)
  expect(pieces).toEqual(whole)
  // Same keys in the same order, so the answer reads as it would have whole.
  expect(Object.keys(pieces as object)).toEqual(Object.keys(whole as object))
  return 'cut'
}

const PAGE = JSON.stringify({
  canarytokens: [
    { canarytoken: 'a1', memo: 'plain', enabled: true, triggered_count: 0 },
    { canarytoken: 'b2', memo: 'quotes " and \\ backslash \\" and brackets ] } [ { , :', renders: { 'aws-id': '[default]\naws_access_key_id = AKIA' } },
    { canarytoken: 'c3', memo: 'ünïcödé 😀 \u2028', nested: [[1, 2], { x: [null, false] }], n: -1.5e3 },
    'a string item',
    42,
    null,
    [],
    {}
  ],
  cursor: { next: 'Mjo1MDA6NTAw', prev: null },
  page_num: 1,
  result: 'success'
})

describe('listBounds', () => {
  it('cuts a page into the answer around the list and each item, faithfully', () => {
    expect(expectFaithful(PAGE)).toBe('cut')
    const body = Buffer.from(PAGE)
    const bounds = listBounds(body, 'canarytokens')!
    expect(bounds.items.length / 2).toBe(8)
    expect(JSON.parse(envelopeText(body, bounds))).toEqual({ canarytokens: [], cursor: { next: 'Mjo1MDA6NTAw', prev: null }, page_num: 1, result: 'success' })
    expect(itemText(body, bounds, 3)).toBe('"a string item"')
  })

  it.each([
    ['whitespace everywhere', ` \n\t{ "result" : "success" ,\r\n "canarytokens" : [ \n {"a" : 1} , 2 ,\t"x" ] , "cursor" : null } \n`],
    ['an empty list', '{"canarytokens":[],"result":"success"}'],
    ['an empty list with space', '{"canarytokens":[ \n ],"result":"success"}'],
    ['the list last', '{"result":"success","canarytokens":[{"a":"}"}]}'],
    ['an escaped key naming the field', '{"canary\\u0074okens":[1,2],"result":"success"}'],
    ['keys with escapes that do not name it', '{"x\\"y":[1],"canarytokens":[3],"\\\\":{"canarytokens":[9]}}'],
    ['the field inside an item', '{"canarytokens":[{"canarytokens":[1,[2]]}]}'],
    ['strings ending in backslashes', '{"a":"\\\\","canarytokens":["\\\\\\\\","x\\\\\\"y"]}']
  ])('is faithful for %s', (_name, text) => {
    expect(expectFaithful(text)).toBe('cut')
  })

  it.each([
    ['not an object', '[1,2,3]'],
    ['an empty object', '{}'],
    ['no such field', '{"result":"success","tokens":[1]}'],
    ['the field twice', '{"canarytokens":[1],"canarytokens":[2]}'],
    ['the field twice, once escaped', '{"canarytokens":[1],"canary\\u0074okens":[2]}'],
    ['the field not a list', '{"canarytokens":{"a":1},"result":"success"}'],
    ['the field null', '{"canarytokens":null}'],
    ['a byte order mark first', '\uFEFF{"canarytokens":[1]}'],
    ['text after the object', '{"canarytokens":[1]} x'],
    ['an unterminated string', '{"canarytokens":["abc]}'],
    ['a missing comma between items', '{"canarytokens":[{"a":1} {"b":2}]}'],
    ['a trailing comma', '{"canarytokens":[1,]}'],
    ['a missing colon', '{"canarytokens" [1]}'],
    ['an HTML page', '<html><body>Bad gateway</body></html>']
  ])('leaves %s to JSON.parse (or a piece fails where the whole does)', (_name, text) => {
    expect(['not cut', 'failed']).toContain(expectFaithful(text))
  })

  it.each([
    ['a bad number in an item', '{"canarytokens":[1,01],"result":"success"}'],
    ['a bad literal in an item', '{"canarytokens":[tru],"result":"success"}'],
    ['a control character in an item string', '{"canarytokens":["a\nb"],"result":"success"}'],
    ['a bad escape in an item', '{"canarytokens":["\\x"],"result":"success"}'],
    ['mismatched brackets in an item', '{"canarytokens":[{"a":[1}]],"result":"success"}'],
    ['a bad value around the list', '{"canarytokens":[1],"result":succes}'],
    ['mismatched brackets around the list', '{"a":{"b":1],"canarytokens":[1]}']
  ])('a piece fails to parse when the whole is not JSON: %s', (_name, text) => {
    expect(() => JSON.parse(text)).toThrow()
    expect(['not cut', 'failed']).toContain(expectFaithful(text))
  })

  it('decodes pieces as the whole would be decoded, invalid UTF-8 included', () => {
    // Broken UTF-8 inside a string: the same replacement characters either way.
    const inString = Buffer.concat([Buffer.from('{"canarytokens":["a'), Buffer.from([0xe2, 0x82]), Buffer.from('", "b'), Buffer.from([0xc3]), Buffer.from('"],"result":"success"}')])
    expect(expectFaithful(inString)).toBe('cut')
    // A stray byte between items: the whole is not JSON, and it is not cut (or a piece says so).
    const between = Buffer.concat([Buffer.from('{"canarytokens":["a",'), Buffer.from([0xff]), Buffer.from('"ok"],"result":"success"}')])
    expect(['not cut', 'failed']).toContain(expectFaithful(between))
    const alone = Buffer.concat([Buffer.from('{"canarytokens":["a",'), Buffer.from([0xff]), Buffer.from('],"result":"success"}')])
    expect(expectFaithful(alone)).toBe('failed')
  })

  it('stays faithful under random damage to a page', () => {
    // A deterministic walk over single-byte damage: delete, duplicate or replace one byte with a structural one.
    const structural = ['"', '\\', ',', ':', '[', ']', '{', '}', ' ', 'x', '0']
    const random = seededRandom(12345)
    const outcomes = new Set<string>()
    for (let round = 0; round < 3000; round++) {
      const at = random(PAGE.length)
      const kind = random(3)
      const byte = structural[random(structural.length)]!
      const damaged = kind === 0 ? PAGE.slice(0, at) + PAGE.slice(at + 1) : kind === 1 ? PAGE.slice(0, at) + PAGE[at] + PAGE.slice(at) : PAGE.slice(0, at) + byte + PAGE.slice(at + 1)
      outcomes.add(expectFaithful(damaged))
    }
    // All three happen: pages still cut, pages left whole, pieces that fail.
    expect([...outcomes].sort()).toEqual(['cut', 'failed', 'not cut'])
  })
})
