import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { jsonPieces, outputSize, TOKENS_OUTPUT_LIMIT_BYTES, writeItemList, writeTokenBatches, writeTokenList } from '../../src/publish/tokens-file.js'

let runnerTemp: string
beforeAll(async () => {
  runnerTemp = await mkdtemp(join(tmpdir(), 'canary-unit-tokens-file-'))
})
afterAll(async () => {
  await rm(runnerTemp, { recursive: true, force: true })
})

/** About `bytes` of JSON: tokens with a long memo (non-ASCII, so bytes and characters differ). */
function tokens(count: number, memoLength = 200): { canarytoken: string; memo: string; enabled?: boolean }[] {
  return Array.from({ length: count }, (_, index) => ({ canarytoken: `t${index}`, memo: `é${'x'.repeat(memoLength)}`, enabled: index % 2 === 0 ? undefined : true }))
}

describe('jsonPieces', () => {
  it.each([
    ['an empty list', []],
    ['a list with missing fields and odd items', [{ a: 1, b: undefined }, null, 'text', 3, [1, { c: 'd' }], undefined]],
    ['a map', { beacon: { canarytoken: 'x', reused: false } }],
    ['a long list', tokens(2000)]
  ])('joins to exactly JSON.stringify for %s', (_name, value) => {
    const pieces = [...jsonPieces(value)]
    expect(pieces.join('')).toBe(JSON.stringify(value))
    // A list is its items' texts, never one string.
    if (Array.isArray(value) && value.length === 2000) expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(300)
  })
})

/** `items` as a listing hands them on: in batches of `size` (pages), with an empty page among them. */
async function* inBatches<T>(items: T[], size: number): AsyncGenerator<T[]> {
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size)
    if (start === 0) yield []
  }
}

const INCIDENT_NAMES = { output: 'incidents', file: 'incidents-file', noun: 'incident list' }

describe('a list written as it arrives', () => {
  it.each([
    ['no batches', [], 3],
    ['one item', [{ canarytoken: 'x' }], 3],
    ['odd items in small batches', [{ a: 1, b: undefined }, null, 'text', 3, [1, { c: 'd' }], undefined], 2],
    ['a long list in pages of 500', tokens(2000), 500],
    ['items longer than the file buffer, not ASCII', [{ memo: 'é'.repeat(70_000) }, { memo: '😀'.repeat(30_000) }, 'x'.repeat(200_000), { memo: 'ü' }], 2]
  ])('is exactly JSON.stringify of the whole list for %s', async (_name, items, size) => {
    const list = await writeItemList(runnerTemp, 'list-incidents', inBatches(items as unknown[], size), INCIDENT_NAMES)
    const text = await readFile(list.path, 'utf8')
    expect(text).toBe(JSON.stringify(items))
  })

  it('takes batches that are iterables, each read as it is written', async () => {
    const items = tokens(1200)
    const read: number[] = []
    const batches = async function* (): AsyncGenerator<Iterable<unknown>> {
      for (let start = 0; start < items.length; start += 500) {
        yield (function* () {
          for (let index = start; index < Math.min(start + 500, items.length); index++) {
            read.push(index)
            yield items[index]
          }
        })()
      }
    }
    const list = await writeItemList(runnerTemp, 'list-incidents', batches(), INCIDENT_NAMES)
    expect(await readFile(list.path, 'utf8')).toBe(JSON.stringify(items))
    expect(read).toEqual(items.map((_item, index) => index))
  })

  it.each([
    ['a string', 'not a batch'],
    ['an object', { canarytoken: 'x' }],
    ['null', null]
  ])('refuses %s where a batch belongs, instead of writing its parts as items, and leaves no file', async (_name, item) => {
    const folder = await mkdtemp(join(runnerTemp, 'refused-'))
    const items = async function* (): AsyncGenerator<Iterable<unknown>> {
      yield ['fine']
      yield item as unknown as Iterable<unknown>
    }
    await expect(writeItemList(folder, 'list-incidents', items(), INCIDENT_NAMES)).rejects.toThrow(
      'a list written as it arrives must come in batches of items (arrays or other iterables)'
    )
    expect(await readdir(join(folder, 'canary-console-action'))).toEqual([])
  })
})

describe('writeItemList', () => {
  it('writes batches as one JSON list, and the output while it fits', async () => {
    const value = tokens(30)
    const list = await writeItemList(runnerTemp, 'list-incidents', inBatches(value, 7), INCIDENT_NAMES)
    expect(JSON.parse(await readFile(list.path, 'utf8'))).toEqual(value)
    expect(list.outputs.incidents).toBe(JSON.stringify(value))
    expect(list.outputs['incidents-file']).toBe(list.path)
  })
})

describe('writeTokenList', () => {
  it('a list that fits: the same JSON in the tokens output and in a new file under RUNNER_TEMP', async () => {
    const value = tokens(10)
    const list = await writeTokenList(runnerTemp, 'list-canarytokens', value)
    expect(dirname(list.path)).toBe(join(runnerTemp, 'canary-console-action'))
    expect(list.path).toMatch(/list-canarytokens-[0-9a-f]{8}\.json$/)
    expect(list.outputs).toEqual({ tokens: JSON.stringify(value), 'tokens-file': list.path })
    expect(await readFile(list.path, 'utf8')).toBe(JSON.stringify(value))
    expect(list.inOutput).toBe(true)
    expect(list.warning).toBeUndefined()
  })

  it('a list too large: the whole list in the file only, the output empty, a warning naming tokens-file', async () => {
    const value = tokens(6000)
    const json = JSON.stringify(value)
    expect(outputSize(json)).toBeGreaterThan(TOKENS_OUTPUT_LIMIT_BYTES)
    const list = await writeTokenList(runnerTemp, 'cleanup-canarytokens', value)
    expect(list.outputs).toEqual({ tokens: '', 'tokens-file': list.path })
    expect(await readFile(list.path, 'utf8')).toBe(json)
    expect(list.inOutput).toBe(false)
    expect(list.warning).toBe(
      `The token list is ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(1)} MiB of JSON, too large for the 'tokens' output (GitHub keeps at most 1 MB of outputs per job, counted in UTF-16; ` +
        `'tokens' takes at most half of that), so 'tokens' is empty: read the file named by the 'tokens-file' output (${list.path}).`
    )
    expect(list.note).toContain(list.path)
  })

  it('counts as GitHub does, in UTF-16: two bytes a character, however few UTF-8 bytes it takes', async () => {
    // Under half a million UTF-8 bytes of ASCII, but twice that in UTF-16: too large.
    const ascii = ['x'.repeat(TOKENS_OUTPUT_LIMIT_BYTES / 2 + 10)]
    expect(Buffer.byteLength(JSON.stringify(ascii))).toBeLessThan(TOKENS_OUTPUT_LIMIT_BYTES)
    expect((await writeTokenList(runnerTemp, 'list-canarytokens', ascii)).inOutput).toBe(false)
    // Just inside: kept.
    const fits = ['x'.repeat(TOKENS_OUTPUT_LIMIT_BYTES / 2 - 10)]
    const list = await writeTokenList(runnerTemp, 'list-canarytokens', fits)
    expect(list.inOutput).toBe(true)
    expect(list.outputs.tokens).toBe(JSON.stringify(fits))
  })

  it('never guesses that an async iterable is a listing in batches: items that are arrays would be flattened into one list', async () => {
    const pairs = async function* (): AsyncGenerator<[string, number]> {
      yield ['a', 1]
      yield ['b', 2]
    }
    // @ts-expect-error an async iterable is not a list held whole
    await expect(writeTokenList(runnerTemp, 'list-canarytokens', pairs())).rejects.toThrow('a list that arrives in batches goes through writeTokenBatches')
    // It goes through writeTokenBatches, which says so in its type: the batches' items in order, with the tokens output while it fits.
    const batches = await writeTokenBatches(runnerTemp, 'list-canarytokens', inBatches([{ canarytoken: 'a' }, { canarytoken: 'b' }, { canarytoken: 'c' }], 2))
    expect(batches.outputs).toEqual({ tokens: '[{"canarytoken":"a"},{"canarytoken":"b"},{"canarytoken":"c"}]', 'tokens-file': batches.path })
    expect(await readFile(batches.path, 'utf8')).toBe(batches.outputs.tokens)
  })

  it('two steps of one job never share a file', async () => {
    const [first, second] = await Promise.all([writeTokenList(runnerTemp, 'list-canarytokens', []), writeTokenList(runnerTemp, 'list-canarytokens', [])])
    expect(first.path).not.toBe(second.path)
  })

  it('refuses a folder that a symlink leads out of RUNNER_TEMP', async () => {
    const temp = join(runnerTemp, 'linked')
    await mkdir(temp)
    await symlink(tmpdir(), join(temp, 'canary-console-action'))
    await expect(writeTokenList(temp, 'list-canarytokens', [])).rejects.toThrow(/leads outside RUNNER_TEMP \(a symlink\?\); the token list was not written/)
  })
})
