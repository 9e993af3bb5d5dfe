// Every `npm test` runs in an empty TMPDIR of its own and fails when anything
// is left in it (__tests__/setup). This proves the check can fail: jest run on
// two fixture tests, one that removes its folder (though it fails) and one
// that forgets it, reports exactly the forgotten one.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { projectRoot } from '../../scripts/lib/run-action.mjs'
import { tempFolder } from '../e2e/harness.js'

describe('test hygiene', () => {
  it('a run that leaves a temp folder fails, naming it, and removes it anyway', async () => {
    const tmp = await tempFolder('canary-hygiene-')
    const config = {
      rootDir: projectRoot,
      testMatch: ['<rootDir>/__tests__/setup/fixtures/*.fixture.mjs'],
      transform: {},
      cacheDirectory: join(tmp, 'jest-cache'),
      globalSetup: '<rootDir>/__tests__/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/__tests__/setup/global-teardown.mjs'
    }
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(projectRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--ci'],
        { cwd: projectRoot, env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '--experimental-vm-modules' } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: `${stdout}\n${stderr}` })
      )
    })
    expect(run.output).toContain('this fixture fails on purpose')
    expect(run.output).toMatch(/the tests left 1 entries in the temp folder \(canary-forgotten-\w+\)/)
    expect(run.code).toBe(1)
    // The run's own temp folder went, with what was left in it.
    expect((await readdir(tmp)).filter((name) => name !== 'jest-cache')).toEqual([])
  })
})
