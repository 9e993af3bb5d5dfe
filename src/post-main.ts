import * as core from '@actions/core'
import { actionInputs, SECRET_INPUTS } from './inputs.js'
import { parseRunnerCanaryState, RUNNER_CANARY_STATE } from './operations/runner-canary-state.js'
import { checkKeyInput, runnerCanaryPost } from './operations/runner-canaries.js'
import { publishSummary } from './publish/summary.js'
import { backendConnection, failureMessage, log } from './runtime.js'
import { redact, registerSecret } from './secrets.js'

/**
 * The post step after plant-runner-canaries (src/post.ts calls it only when
 * that operation saved its state): check the runner canary, remove its
 * profile, and fail the job when the canary was used. As main.ts is for the
 * step, this is the one place that decides the post step's outcome. The
 * runner passes the step's inputs again, so the auth token comes from
 * there, never from the state.
 */
export async function runPost(): Promise<void> {
  try {
    const inputs = actionInputs()
    for (const name of SECRET_INPUTS) registerSecret(inputs.get(name))
    const state = parseRunnerCanaryState(core.getState(RUNNER_CANARY_STATE))
    const keyInput = checkKeyInput(inputs)
    const result = await runnerCanaryPost(state, backendConnection(inputs, { keyInput }).open, log, keyInput)
    if (result.summary) await publishSummary(result.summary)
    if (result.failure) core.setFailed(redact(result.failure))
  } catch (error) {
    if (error instanceof Error && error.stack) log.debug(error.stack)
    core.setFailed(redact(failureMessage('plant-runner-canaries (post step)', error)))
  }
}
