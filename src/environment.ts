import { tmpdir } from 'node:os'
import type { RunEnvironment } from './operations/types.js'

/** Reads what the runner tells us about the job; outside a runner, sensible local stand-ins. */
export function runEnvironment(env: NodeJS.ProcessEnv = process.env): RunEnvironment {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    artifactRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
  }
}
