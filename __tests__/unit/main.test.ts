import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

// @actions/core is ESM-only: mock it before importing the code under test.
jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')
const { log } = await import('../../src/runtime.js')
const OPERATIONS = await (await import('../../src/operations/index.js')).loadOperations()

function setInputs(values: Record<string, string>): void {
  for (const key of Object.keys(core.inputs)) delete core.inputs[key]
  Object.assign(core.inputs, values)
}

describe('run', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })

  it('masks the auth token before anything else, then refuses an unknown operation', async () => {
    setInputs({ operation: 'nope', console: '1234abcd', 'auth-token': 'token-value-123456' })
    await run()
    expect(core.setSecret).toHaveBeenCalledWith('token-value-123456')
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(core.setFailed.mock.invocationCallOrder[0] as number)
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0]?.[0]).toMatch(/^Input 'operation' must be one of: create-canarytoken, /)
    expect(core.setOutput).not.toHaveBeenCalled()
  })

  it('fails on a non-https console without contacting it', async () => {
    setInputs({ operation: 'fetch-canarytoken', console: 'http://example.com', 'auth-token': 'token-value-123456', canarytoken: 'x' })
    await run()
    expect(core.setFailed.mock.calls[0]?.[0]).toMatch(/must use https/)
  })

  it('writes debug lines only when the runner shows them (bulk operations log every request)', async () => {
    setInputs({ operation: 'nope', console: '1234abcd', 'auth-token': 'token-value-123456' })
    await run()
    expect(core.debug).not.toHaveBeenCalled()
    core.isDebug.mockReturnValueOnce(true)
    await run()
    expect(core.debug).toHaveBeenCalledWith(expect.stringContaining("Input 'operation' must be one of"))
  })

  it('redacts secrets from every line an operation logs: info, warning and debug', async () => {
    // Operations word their own log lines; main's log is the one place that redacts them all.
    const enableApi = OPERATIONS.find((operation) => operation.name === 'enable-api')
    if (!enableApi) throw new Error('the test needs the enable-api operation')
    const token = 'token-in-a-log-line-24680'
    const fakeRun = jest.spyOn(enableApi, 'run').mockImplementation(async (_params, { log }) => {
      log.info(`info with ${token}`)
      log.warning(`warning with ${token}`)
      log.debug(`debug with ${token}`)
      return { outputs: {}, summary: { heading: 'h', columns: [], rows: [] } }
    })
    core.isDebug.mockImplementation(() => true)
    try {
      setInputs({ operation: 'enable-api', console: '1234abcd', 'auth-token': token })
      await run()
    } finally {
      fakeRun.mockRestore()
      core.isDebug.mockImplementation(() => false)
    }
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.info).toHaveBeenCalledWith('info with ***')
    expect(core.warning).toHaveBeenCalledWith('warning with ***')
    expect(core.debug).toHaveBeenCalledWith('debug with ***')
  })

  it.each([
    ['`::` after a line break', 'busy\n::stop-commands::pwned', 'busy\n: :stop-commands::pwned'],
    ['`::` after a carriage return and spaces', 'busy\r  ::error::x', 'busy\r  : :error::x'],
    // The runner trims .NET white space, which holds NEL (U+0085); JavaScript's \s does not.
    ['`::` after NEL at the start', '\u0085::stop-commands::pwned', '\u0085: :stop-commands::pwned'],
    // The runner's older form is a command anywhere in a line.
    ['`::` after blank lines and lines of spaces', 'busy\n\n \r\n\t::error::x', 'busy\n\n \r\n\t: :error::x'],
    ['`::` after a line separator (white space to .NET)', 'busy\n\u2028::error::x', 'busy\n\u2028: :error::x'],
    ['`##[` inside a line', 'HTTP 503: busy ##[stop-commands]pwned', 'HTTP 503: busy # #[stop-commands]pwned'],
    ['`###[` inside a line', 'x ###[add-mask]the', 'x ## #[add-mask]the']
  ])('an info line cannot issue a workflow command: %s', (_name, message, logged) => {
    log.info(message)
    const line = core.info.mock.calls.at(-1)?.[0] as string
    expect(line).toBe(logged)
    expect(line).not.toContain('##[')
    for (const part of line.split(/\r|\n/)) expect(part.replace(/^[\s\u0085]*/, '')).not.toMatch(/^::/)
  })

  it('redacts a registered secret from a failure message', async () => {
    // The token doubles as the console value here: the error must not echo it either way.
    setInputs({ operation: 'fetch-canarytoken', console: 'https://x.canary.tools/token-value-123456', 'auth-token': 'token-value-123456', canarytoken: 'x' })
    await run()
    expect(String(core.setFailed.mock.calls[0]?.[0])).not.toContain('token-value-123456')
  })
})
