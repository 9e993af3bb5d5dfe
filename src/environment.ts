import { tmpdir } from 'node:os'

/** Facts about the run the action is in, read once from the environment. */
export interface RunEnvironment {
  /** Where user paths are resolved and must stay (GITHUB_WORKSPACE). */
  workspace: string
  /** Where downloads go when the user names no `path` (RUNNER_TEMP). */
  runnerTemp: string
  /** The runner gave us what `@actions/artifact` needs. */
  artifactRuntime: boolean
}


/** Reads what the runner tells us about the job; outside a runner, sensible local stand-ins. */
export function runEnvironment(env: NodeJS.ProcessEnv = process.env): RunEnvironment {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    artifactRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
  }
}
