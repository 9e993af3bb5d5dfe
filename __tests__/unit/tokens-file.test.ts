import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { jsonChunks, OUTPUT_LIMIT_BYTES, writeTokenList } from '../../src/publish/tokens-file.js'

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

  it('a list over 1 MB: the whole list in the file only, the output empty, a warning naming tokens-file', async () => {
    const value = tokens(6000)
    const json = JSON.stringify(value)
    expect(Buffer.byteLength(json)).toBeGreaterThan(OUTPUT_LIMIT_BYTES)
    const list = await writeTokenList(runnerTemp, 'cleanup-canarytokens', value)
    expect(list.outputs).toEqual({ tokens: '', 'tokens-file': list.path })
    expect(await readFile(list.path, 'utf8')).toBe(json)
    expect(list.inOutput).toBe(false)
    expect(list.warning).toBe(
      `The token list is ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(1)} MiB, more than the 1 MB GitHub keeps in a step output, so the 'tokens' output is empty: read the file named by the 'tokens-file' output (${list.path}).`
    )
    expect(list.note).toContain(list.path)
  })

  it('counts bytes, not characters, against the limit', async () => {
    // Just under the limit in characters, over it in UTF-8 bytes (each é is two).
    const value = ['é'.repeat(OUTPUT_LIMIT_BYTES / 2)]
    expect(JSON.stringify(value).length).toBeLessThan(OUTPUT_LIMIT_BYTES)
    const list = await writeTokenList(runnerTemp, 'list-canarytokens', value)
    expect(list.inOutput).toBe(false)
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
