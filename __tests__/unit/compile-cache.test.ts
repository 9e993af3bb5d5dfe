import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The real module.enableCompileCache would switch the cache on for this test process: a stand-in records the calls.
const enable = jest.fn((directory: string) => ({ status: 1, directory }))
jest.unstable_mockModule('node:module', () => ({ default: { enableCompileCache: enable, constants: { compileCacheStatus: { FAILED: 0, ENABLED: 1 } } } }))
const { enableCompileCache, COMPILE_CACHE_FOLDER } = await import('../../src/compile-cache.js')

const scratch = await mkdtemp(join(tmpdir(), 'canary-compile-cache-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))
beforeEach(() => {
  enable.mockClear()
})

async function runnerTemp(name: string): Promise<string> {
  const folder = join(scratch, name)
  await mkdir(folder)
  return folder
}

describe('enableCompileCache', () => {
  it('uses a private folder under RUNNER_TEMP: the first step only marks it, the second and later ones cache', async () => {
    const temp = await runnerTemp('fresh')
    const folder = join(temp, COMPILE_CACHE_FOLDER)
    expect(enableCompileCache({ RUNNER_TEMP: temp })).toBeUndefined()
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    expect(await readdir(folder)).toEqual(['step.ran'])
    expect((await stat(join(folder, 'step.ran'))).mode & 0o777).toBe(0o600)
    expect(enable).not.toHaveBeenCalled()
    expect(enableCompileCache({ RUNNER_TEMP: temp })).toBe(folder)
    expect(enableCompileCache({ RUNNER_TEMP: temp }, 'step')).toBe(folder)
    expect(enable.mock.calls).toEqual([[folder], [folder]])
  })

  it('the post step has a mark of its own: a step before it does not make it cache', async () => {
    const temp = await runnerTemp('post')
    const folder = join(temp, COMPILE_CACHE_FOLDER)
    expect(enableCompileCache({ RUNNER_TEMP: temp }, 'step')).toBeUndefined()
    expect(enableCompileCache({ RUNNER_TEMP: temp }, 'step')).toBe(folder)
    expect(enableCompileCache({ RUNNER_TEMP: temp }, 'post')).toBeUndefined()
    expect((await readdir(folder)).sort()).toEqual(['post.ran', 'step.ran'])
    expect(enableCompileCache({ RUNNER_TEMP: temp }, 'post')).toBe(folder)
    expect(enable.mock.calls).toEqual([[folder], [folder]])
  })

  it('caches nothing without RUNNER_TEMP (a local run: never the shared temp folder) or with a relative one', () => {
    expect(enableCompileCache({})).toBeUndefined()
    expect(enableCompileCache({ RUNNER_TEMP: 'relative/temp' })).toBeUndefined()
    expect(enable).not.toHaveBeenCalled()
  })

  it('refuses a folder others can write to, and a symlink in its place', async () => {
    const open = await runnerTemp('open')
    await mkdir(join(open, COMPILE_CACHE_FOLDER), { mode: 0o777 })
    await chmod(join(open, COMPILE_CACHE_FOLDER), 0o777)
    expect(enableCompileCache({ RUNNER_TEMP: open })).toBeUndefined()
    const linked = await runnerTemp('linked')
    await symlink(await runnerTemp('elsewhere'), join(linked, COMPILE_CACHE_FOLDER))
    expect(enableCompileCache({ RUNNER_TEMP: linked })).toBeUndefined()
    expect(enable).not.toHaveBeenCalled()
  })

  it('runs on without a cache when Node says it failed', async () => {
    const temp = await runnerTemp('failing')
    expect(enableCompileCache({ RUNNER_TEMP: temp })).toBeUndefined()
    enable.mockReturnValueOnce({ status: 0, directory: '' })
    expect(enableCompileCache({ RUNNER_TEMP: temp })).toBeUndefined()
    expect(enable).toHaveBeenCalledTimes(1)
  })
})
