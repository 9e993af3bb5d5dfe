import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'

// @actions/core is ESM-only: mock it before importing the code under test.
jest.unstable_mockModule('@actions/core', () => core)
const { runPost } = await import('../../src/post-main.js')
const { appendProfile } = await import('../../src/publish/aws-shared-files.js')

const folders: string[] = []
beforeEach(() => {
  jest.clearAllMocks()
  for (const key of Object.keys(core.state)) delete core.state[key]
  Object.assign(core.inputs, { operation: 'plant-runner-canaries', console: '1234abcd', 'auth-token': 'post-auth-token-123456' })
})
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})

describe('runPost', () => {
  it('with check-on-exit false, only removes the profile: no Console, no failure', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'canary-post-unit-'))
    folders.push(folder)
    const path = join(folder, 'credentials')
    await writeFile(path, '[prod]\nk = v\n')
    const planted = await appendProfile(path, 'credentials', 'canary', ['aws_access_key_id = AKIAUNIT'])
    core.state['runner-canary'] = JSON.stringify({
      version: 1,
      canarytoken: 't',
      memo: 'm',
      profile: 'canary',
      check: false,
      remove: true,
      onConsoleError: 'warn',
      triggeredBefore: 0,
      files: [planted]
    })
    await runPost()
    expect(core.setSecret).toHaveBeenCalledWith('post-auth-token-123456')
    expect(core.getState).toHaveBeenCalledWith('runner-canary')
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(await readFile(path, 'utf8')).toBe('[prod]\nk = v\n')
  })

  it('fails, naming the post step, on a state it did not write', async () => {
    core.state['runner-canary'] = '{"version":1}'
    await runPost()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0]?.[0]).toMatch(/^plant-runner-canaries \(post step\) failed: the state the main step saved/)
  })
})
