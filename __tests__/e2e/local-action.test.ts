// Local runs the way GitHub documents them: @github/local-action runs
// src/main.ts's run() (TypeScript, through tsx) with inputs from a dotenv file,
// the toolkit stubbed. Here with the shipped .env.example, pointed at the emulator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { COMMON_INPUTS, INPUT_DEFAULTS, INPUT_NAMES, inputsFrom } from '../../src/inputs.js'
import { findOperation, ignoredInputs } from '../../src/operations/index.js'
import { projectRoot } from '../../scripts/lib/run-action.mjs'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { tempFolder } from './harness.js'

const envExample = join(projectRoot, '.env.example')
const localAction = join(projectRoot, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')

describe('.env.example', () => {
  it('lists every input, spelled as the runner spells it, and points at the emulator', async () => {
    const variables = parseEnv(await readFile(envExample, 'utf8'))
    const inputs = Object.keys(variables).filter((name) => name.startsWith('INPUT_'))
    expect(inputs.sort()).toEqual(INPUT_NAMES.map((name) => `INPUT_${name.toUpperCase()}`).sort())
    expect(variables.INPUT_CONSOLE).toBe('http://127.0.0.1:4100')
    // The token `npm run emulator` starts the emulator with.
    const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8'))
    expect(packageJson.scripts.emulator).toContain(`--port 4100 --auth-token ${variables['INPUT_AUTH-TOKEN']}`)
    // Its temp files (tsx's cache, the action's lists and downloads) stay in the project, not in the system temp folder.
    // Set values are the defaults, or inputs create-canarytoken reads: a copy run as it is warns about nothing.
    const create = await findOperation('create-canarytoken')
    const read = new Set<string>([...COMMON_INPUTS, ...create.requires, ...create.accepts])
    for (const name of INPUT_NAMES) {
      const value = variables[`INPUT_${name.toUpperCase()}`] ?? ''
      if (value !== '' && !read.has(name)) expect([name, value]).toEqual([name, INPUT_DEFAULTS[name] ?? ''])
    }
    expect(ignoredInputs(create, inputsFrom(Object.fromEntries(INPUT_NAMES.map((name) => [name, variables[`INPUT_${name.toUpperCase()}`] ?? '']))), INPUT_NAMES, INPUT_DEFAULTS)).toEqual([])
    // Both debug switches are named: local-action's stand-in reads ACTIONS_STEP_DEBUG, the bundle RUNNER_DEBUG.
    const text = await readFile(envExample, 'utf8')
    expect(text).toContain('# ACTIONS_STEP_DEBUG=true')
    expect(text).toContain('# RUNNER_DEBUG=1')
    expect(packageJson.scripts['local-action']).toBe('TMPDIR="$PWD/node_modules/.cache/local-action" local-action . src/main.ts .env')
  })
})

describe('@github/local-action', () => {
  let emulator: ConsoleEmulator
  let consoleUrl: string

  beforeAll(async () => {
    const variables = parseEnv(await readFile(envExample, 'utf8'))
    emulator = new ConsoleEmulator({ authToken: variables['INPUT_AUTH-TOKEN'] })
    consoleUrl = await emulator.start()
  })
  afterAll(async () => {
    await emulator?.stop()
  })

  it('runs run() from the TypeScript sources with the inputs of .env.example', async () => {
    const scratch = await tempFolder('canary-local-action-')
    const dotenv = join(scratch, '.env')
    const summaryFile = join(scratch, 'summary.md')
    await writeFile(summaryFile, '')
    const example = await readFile(envExample, 'utf8')
    await writeFile(dotenv, example.replace(/^INPUT_CONSOLE=.*$/m, `INPUT_CONSOLE=${consoleUrl}`))

    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [localAction, '.', 'src/main.ts', dotenv],
        {
          cwd: projectRoot,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? scratch,
            // tsx and Node keep compile caches in the temp folder: this test's own, removed with it.
            TMPDIR: scratch,
            GITHUB_STEP_SUMMARY: summaryFile,
            // local-action stubs @actions/core at the path `npm ls` reports; keep a symlinked
            // node_modules (a git worktree sharing one) resolving to that same path.
            NODE_OPTIONS: '--preserve-symlinks'
          },
          maxBuffer: 16 * 1024 * 1024
        },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr })
      )
    })
    if (result.code !== 0) throw new Error(`local-action failed (exit ${result.code}):\n${result.stderr}\n${result.stdout.slice(-2000)}`)

    // The stubbed core printed no error, and the Console saw one create, authenticated in the header.
    expect(result.stdout).not.toContain('::error::')
    expect(result.stdout).not.toMatch(/is not used by create-canarytoken/)
    // No RUNNER_TEMP in a local run: the log says where lists and downloads go.
    expect(result.stdout).toContain(`RUNNER_TEMP is not set (a local run?): token lists and downloads without 'path' go to ${join(scratch, 'canary-console-action')}.`)
    const [token, ...others] = emulator.listTokens()
    expect(others).toEqual([])
    expect(token).toMatchObject({ kind: 'dns', memo: 'Local run of canary-console-action' })
    expect(emulator.requests.map((request) => [request.method, request.path, request.authVia])).toEqual([
      ['POST', '/api/v1/canarytoken/create', 'header']
    ])
    // local-action's table of the outputs the stubbed core recorded, and its job summary.
    const outputs = result.stdout.slice(result.stdout.indexOf('Action Outputs'))
    expect(outputs).toMatch(new RegExp(`'canarytoken'\\s*│\\s*'${token?.canarytoken}'`))
    expect(outputs).toMatch(new RegExp(`'hostname'\\s*│\\s*'${token?.hostname.replace(/\./g, '\\.')}'`))
    expect(await readFile(summaryFile, 'utf8')).toContain(token?.canarytoken)
  })
})
