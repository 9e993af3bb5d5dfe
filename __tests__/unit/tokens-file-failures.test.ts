import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { FileHandle } from 'node:fs/promises'

// The real fs, but the list's file fails its `failAt`-th write (a disk that fills up while the listing goes on).
const real = await import('node:fs/promises')
let failAt = 0
jest.unstable_mockModule('node:fs/promises', () => ({
  ...real,
  default: real,
  open: async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args)
    let writes = 0
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'write' && failAt > 0) {
          return async (...write: unknown[]) => {
            writes++
            // Late: the failing write takes a while, so the writer has moved on to its other buffer meanwhile.
            if (writes === failAt) {
              await new Promise((resolve) => setTimeout(resolve, 20))
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
            }
            return (target.write as (...args: unknown[]) => Promise<unknown>)(...write)
          }
        }
        const value = Reflect.get(target, property) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      }
    }) as FileHandle
  }
}))
const { mkdtemp, readdir, rm } = real
const { tmpdir } = await import('node:os')
const { join } = await import('node:path')
const { writeItemList } = await import('../../src/publish/tokens-file.js')

let runnerTemp: string
beforeAll(async () => {
  runnerTemp = await mkdtemp(join(tmpdir(), 'canary-unit-tokens-file-failures-'))
})
afterAll(async () => {
  await rm(runnerTemp, { recursive: true, force: true })
})

const NAMES = { output: 'tokens', file: 'tokens-file', noun: 'token list' }
const page = (start: number) => Array.from({ length: 400 }, (_, index) => ({ canarytoken: `t${start + index}`, memo: 'm'.repeat(300) }))

async function leftBehind(): Promise<string[]> {
  return readdir(join(runnerTemp, 'canary-console-action')).catch(() => [])
}

describe('the list file when something fails', () => {
  it('leaves nothing behind when the listing fails after writes began', async () => {
    failAt = 0
    async function* pages(): AsyncGenerator<unknown[]> {
      yield page(0)
      yield page(400)
      throw new Error('page 3 failed')
    }
    await expect(writeItemList(runnerTemp, 'list-canarytokens', pages(), NAMES)).rejects.toThrow('page 3 failed')
    expect(await leftBehind()).toEqual([])
  })

  for (const at of [1, 2, 3, 5]) {
    it(`fails, leaving nothing behind, when write ${at} fails while the other buffer fills`, async () => {
      failAt = at
      async function* pages(): AsyncGenerator<unknown[]> {
        for (let start = 0; start < 2400; start += 400) yield page(start)
      }
      await expect(writeItemList(runnerTemp, 'list-canarytokens', pages(), NAMES)).rejects.toThrow('ENOSPC')
      expect(await leftBehind()).toEqual([])
    })
  }
})
