import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { CanarytokensServerEmulator } from '../emulator/canarytokens-server/emulator.mjs'
import { actionNode, bundle, parseOutputFile, postBundle, removeRunFolders, runAction, tempFolder } from '../../scripts/lib/run-action.mjs'

export { actionNode, bundle, parseOutputFile, postBundle, runAction, tempFolder }

// Every test file that runs the bundle imports this harness: the folders its
// runs and tempFolder() made go when the file is done, whether its tests
// passed or not.
afterAll(removeRunFolders)

export type ActionRun = Awaited<ReturnType<typeof runAction>>

/**
 * Everything the action printed or wrote for people to read, except the
 * `::add-mask::` commands (the runner swallows those and masks the value).
 */
export function visibleText(run: ActionRun): string {
  const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::'))
  return `${lines.join('\n')}\n${run.summary}`
}

/** Fails naming where a secret is visible (never the secret itself). */
export function expectNoSecretsVisible(run: ActionRun, secrets: string[]): void {
  const text = visibleText(run)
  for (const secret of secrets) {
    if (!secret) throw new Error('expectNoSecretsVisible was given an empty secret: the test is wrong')
    const at = text.indexOf(secret)
    if (at !== -1) {
      throw new Error(`a secret (${secret.length} characters) is visible at ${at}: ...${text.slice(Math.max(0, at - 80), at)}[SECRET]...`)
    }
  }
}

/** The run succeeded: exit code 0 and no ::error:: line (the message says why when it did not). */
export function expectSuccess(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(`the action failed (exit ${run.exitCode}): ${run.errors.join(' | ') || run.stderr}`)
  expect(run.errors).toEqual([])
}

/** The run failed as users must see it: exactly one ::error:: line, matching `message`, and exit code 1. */
export function expectFailure(run: ActionRun, message: string | RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(message)
}

export interface EmulatedConsole {
  emulator: ConsoleEmulator
  /** Runs the bundle against the emulator with its auth token; `defaults` (e.g. RUNNER_DEBUG) apply to every run. */
  action(operation: string, inputs?: Record<string, string>, options?: Parameters<typeof runAction>[1]): Promise<ActionRun>
}

/**
 * One emulator for a test file: started before its tests, stopped after
 * them, its request log and faults cleared before each test (then `reset`).
 */
export function useEmulator(authToken: string, { reset, env }: { reset?: (emulator: ConsoleEmulator) => void; env?: Record<string, string> } = {}): EmulatedConsole {
  const emulator = new ConsoleEmulator({ authToken })
  beforeAll(async () => {
    await emulator.start()
  })
  afterAll(async () => {
    await emulator.stop()
  })
  beforeEach(() => {
    emulator.clearRequests()
    emulator.clearFaults()
    reset?.(emulator)
  })
  return {
    emulator,
    action: (operation, inputs = {}, options = {}) =>
      runAction({ operation, console: emulator.url, 'auth-token': authToken, ...inputs }, { ...options, env: { ...env, ...options.env } })
  }
}

export interface EmulatedCanarytokensServer {
  server: CanarytokensServerEmulator
  /** Runs the bundle against the Canarytokens server emulator (no Console inputs); operations that create get `alert-email` unless the inputs set alerting. */
  action(operation: string, inputs?: Record<string, string>, options?: Parameters<typeof runAction>[1]): Promise<ActionRun>
}

/** An alert address the emulator accepts. */
export const ALERT_EMAIL = 'security-team@example.com'

/**
 * One Canarytokens server emulator for a test file, as useEmulator: started
 * before its tests, stopped after them, its request log and faults cleared
 * before each test.
 */
export function useCanarytokensServer(options: ConstructorParameters<typeof CanarytokensServerEmulator>[0] = {}): EmulatedCanarytokensServer {
  const server = new CanarytokensServerEmulator(options)
  beforeAll(async () => {
    await server.start()
  })
  afterAll(async () => {
    await server.stop()
  })
  beforeEach(() => {
    server.clearRequests()
    server.clearFaults()
  })
  const creates = new Set(['create-canarytoken', 'seed-canarytokens', 'plant-runner-canaries'])
  return {
    server,
    action: (operation, inputs = {}, runOptions = {}) => {
      const alerting: Record<string, string> = creates.has(operation) && !('alert-webhook' in inputs) && !('alert-email' in inputs) ? { 'alert-email': ALERT_EMAIL } : {}
      return runAction({ operation, 'canarytokens-server': server.url, ...alerting, ...inputs }, runOptions)
    }
  }
}
