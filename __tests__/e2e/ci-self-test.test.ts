// Replays CI's self-test jobs (.github/workflows/ci.yml) here, step by step, as
// the runner would: each `uses: ./` step runs action.yml's main entry with its
// `with:` as inputs, each `run:` step runs in bash -eo pipefail with its `env:`,
// `${{ }}` expressions are filled from the job's env, earlier steps' outputs and
// outcomes, and when the job ends every `uses: ./` step's post entry runs with
// the state its main entry saved. So the self-test's own assertions are proven
// before GitHub runs them, and what GitHub cannot show after the job ends (the
// post step removed the planted profile) is checked here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { parseOutputFile, projectRoot, runAction } from '../../scripts/lib/run-action.mjs'

interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string>
  if?: string
  'continue-on-error'?: boolean
}
interface Job {
  env?: Record<string, string>
  needs?: string | string[]
  outputs?: Record<string, string>
  steps: Step[]
}

const workflow = parse(await readFile(join(projectRoot, '.github/workflows/ci.yml'), 'utf8')) as { jobs: Record<string, Job> }
const action = parse(await readFile(join(projectRoot, 'action.yml'), 'utf8')) as { runs: { main: string; post?: string; 'post-if'?: string } }
const selfTestName = Object.keys(workflow.jobs).find((name) => workflow.jobs[name]!.steps.some((step) => step.uses === './'))!
const selfTest = workflow.jobs[selfTestName]!

const GITHUB = { repository: 'octo-org/octo-repo', sha: '89abcdef0123456789abcdef0123456789abcdef', run_id: '987654' }

interface StepResult {
  outcome: 'success' | 'failure'
  outputs: Record<string, string>
}

interface Context {
  env: Record<string, string>
  steps: Record<string, StepResult>
  needs: Record<string, { outputs: Record<string, string> }>
}

/** The expressions the self-test uses; anything else fails the replay, so it cannot pass by skipping one. */
function evaluate(expression: string, context: Context): string {
  const path = expression.trim().split('.')
  const [head, ...rest] = path
  if (head === 'env' && rest.length === 1) return context.env[rest[0]!] ?? ''
  if (head === 'github' && rest.length === 1 && rest[0]! in GITHUB) return GITHUB[rest[0] as keyof typeof GITHUB]
  if (head === 'steps' && rest.length === 3 && rest[1] === 'outputs') return context.steps[rest[0]!]?.outputs[rest[2]!] ?? ''
  if (head === 'steps' && rest.length === 2 && rest[1] === 'outcome') return context.steps[rest[0]!]?.outcome ?? ''
  if (head === 'needs' && rest.length === 3 && rest[1] === 'outputs') return context.needs[rest[0]!]?.outputs[rest[2]!] ?? ''
  throw new Error(`the replay does not evaluate \${{ ${expression} }}: teach it, do not skip it`)
}

const fill = (value: unknown, context: Context) => String(value).replace(/\$\{\{(.+?)\}\}/g, (_, expression: string) => evaluate(expression, context))
const fillAll = (values: Record<string, unknown> | undefined, context: Context) => Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, fill(value, context)]))

let scratch = ''
let home = ''
let workspace = ''
let runnerTemp = ''
const emulator = new ConsoleEmulator({ authToken: selfTest.env!.AUTH_TOKEN! })

/** What the runner gives every step of the job. */
function runnerEnv(): Record<string, string> {
  return {
    HOME: home,
    GITHUB_REPOSITORY: GITHUB.repository,
    GITHUB_SHA: GITHUB.sha,
    GITHUB_RUN_ID: GITHUB.run_id,
    GITHUB_RUN_NUMBER: '12',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: selfTestName,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp
  }
}

function bash(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: workspace, env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

interface MainRun {
  step: Step
  inputs: Record<string, string>
  state: Record<string, string>
}

/** Runs a job's steps after the emulator's start; returns the `uses: ./` runs for their post entries. */
async function runSteps(job: Job, context: Context, log: string[]): Promise<MainRun[]> {
  const mains: MainRun[] = []
  for (const step of job.steps) {
    const label = step.name ?? step.id ?? step.uses ?? step.run?.split('\n')[0]
    if (step.if !== undefined) throw new Error(`step '${label}' has an if: the replay does not evaluate conditions`)
    if (step.uses && step.uses !== './') continue // checkout, setup-node: the test process has both
    if (step.run?.includes('npm run --silent emulator')) continue // started in-process, on a free port
    let result: StepResult
    if (step.uses === './') {
      const inputs = fillAll(step.with, context)
      const stateFile = join(scratch, `state-${mains.length}`)
      await writeFile(stateFile, '')
      const run = await runAction(inputs, { workspace, env: { ...runnerEnv(), ...context.env, GITHUB_STATE: stateFile } })
      await rm(dirname(run.runnerTemp), { recursive: true, force: true })
      result = { outcome: run.exitCode === 0 ? 'success' : 'failure', outputs: run.outputs }
      mains.push({ step, inputs, state: parseOutputFile(await readFile(stateFile, 'utf8')) })
      log.push(`${label}: ${result.outcome}${run.errors.length ? ` (${run.errors.join(' | ')})` : ''}`)
    } else {
      const run = await bash(step.run!, { ...runnerEnv(), ...context.env, ...fillAll(step.env, context) })
      result = { outcome: run.code === 0 ? 'success' : 'failure', outputs: {} }
      log.push(`${label}: ${result.outcome} ${run.stdout.trim()} ${run.stderr.trim()}`.trim())
    }
    if (step.id) context.steps[step.id] = result
    if (result.outcome === 'failure' && !step['continue-on-error']) throw new Error(`step '${label}' failed:\n${log.join('\n')}`)
  }
  return mains
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ci-self-test-'))
  home = join(scratch, 'home')
  workspace = join(scratch, 'workspace')
  runnerTemp = join(scratch, 'runner-temp')
  await Promise.all([home, workspace, runnerTemp].map((folder) => mkdir(folder)))
  await emulator.start()
})

afterAll(async () => {
  await emulator.stop()
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe("CI's self-test, replayed against the emulator", () => {
  it('passes its own assertions, runs every post step cleanly, and the post step removes the planted profile', async () => {
    const log: string[] = []
    const context: Context = { env: { ...fillAll(selfTest.env, { env: {}, steps: {}, needs: {} }), CONSOLE: emulator.url }, steps: {}, needs: {} }
    const mains = await runSteps(selfTest, context, log)
    const assertions = log.filter((line) => line.startsWith('Assert'))
    expect(assertions).toHaveLength(2)
    for (const line of assertions) expect(line).toMatch(/: success /)

    const credentials = join(home, '.aws', 'credentials')
    expect(await readFile(credentials, 'utf8')).toContain('[canary-self-test]')
    const planted = context.steps.plant!.outputs.canarytoken!

    // The job ends: the runner calls each step's post entry, last step first (post-if: always()).
    expect(action.runs['post-if']).toBe('always()')
    for (const { step, inputs, state } of [...mains].reverse()) {
      const stateEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]))
      const post = await runAction(inputs, { workspace, bundle: join(projectRoot, action.runs.post!), env: { ...runnerEnv(), ...context.env, ...stateEnv } })
      await rm(dirname(post.runnerTemp), { recursive: true, force: true })
      expect([step.id, post.exitCode, post.errors]).toEqual([step.id, 0, []])
    }
    expect(existsSync(credentials) ? await readFile(credentials, 'utf8') : '').not.toContain('[canary-self-test]')
    expect(emulator.getToken(planted)).toMatchObject({ enabled: true })

    // The next job reads the self-test job's outputs.
    const outputs = fillAll(selfTest.outputs, context)
    const [nextName, next] = Object.entries(workflow.jobs).find(([, job]) => [job.needs].flat().includes(selfTestName))!
    const nextLog: string[] = []
    await runSteps(next, { env: {}, steps: {}, needs: { [selfTestName]: { outputs } } }, nextLog)
    expect([nextName, nextLog.every((line) => line.includes(': success'))]).toEqual([nextName, true])
  })
})
