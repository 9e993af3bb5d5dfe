import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { jsonChunks, outputSize, TOKENS_OUTPUT_LIMIT_BYTES, writeTokenList } from '../../src/publish/tokens-file.js'

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

describe('jsonChunks', () => {
  it.each([
    ['an empty list', []],
    ['a list with missing fields and odd items', [{ a: 1, b: undefined }, null, 'text', 3, [1, { c: 'd' }], undefined]],
    ['a map', { beacon: { canarytoken: 'x', reused: false } }],
    ['a long list', tokens(2000)]
  ])('joins to exactly JSON.stringify for %s', (_name, value) => {
    const chunks = [...jsonChunks(value)]
    expect(chunks.join('')).toBe(JSON.stringify(value))
    if (Array.isArray(value) && value.length === 2000) expect(chunks.length).toBeGreaterThan(3)
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
