import { join } from 'node:path'
import * as core from '@actions/core'
import { runEnvironment } from './environment.js'
import { errorMessage } from './errors.js'
import { actionInputs, chosenBackend, INPUT_DEFAULTS, INPUT_NAMES, SECRET_INPUTS } from './inputs.js'
import { checkBackend, checkRequiredInputs, withheldSecrets, findOperation, ignoredInputs } from './operations/index.js'
import type { Operation, OperationResult, RunEnvironment } from './operations/types.js'
import { publishOutputs } from './publish/outputs.js'
import { publishSummary } from './publish/summary.js'
import { backendConnection, failureMessage, log } from './runtime.js'
import { redact, registerSecret } from './secrets.js'

async function publish(result: OperationResult, env: RunEnvironment): Promise<void> {
  // State first: if anything after it fails, the post step still finds (and removes) what the step planted.
  for (const [name, value] of Object.entries(result.state ?? {})) core.saveState(name, value)
  publishOutputs(result.outputs)
  for (const [name, value] of Object.entries(result.environment ?? {})) core.exportVariable(name, value)
  const summary = result.summary
  if (result.artifact) {
    const request = result.artifact
    // Loaded only when an upload is asked for: the artifact client is heavy.
    const { uploadArtifact } = await import('./publish/artifacts.js')
    try {
      const uploaded = await uploadArtifact(request, env.runnerTemp)
      publishOutputs({ 'artifact-id': uploaded.id, 'artifact-name': uploaded.name })
      log.info(`Uploaded artifact '${uploaded.name}' (id ${uploaded.id ?? 'unknown'}).`)
      summary.notes = [...(summary.notes ?? []), `Uploaded as workflow artifact '${uploaded.name}' (id ${uploaded.id ?? 'unknown'}).`]
    } catch (error) {
      const reason = errorMessage(error)
      throw new Error(`uploading artifact '${request.name}' failed: ${reason}. The file is still at ${request.files.join(', ')}.`)
    }
  }
  await publishSummary(summary)
}

/**
 * The action: read inputs -> find the operation -> check everything -> call
 * the server -> publish outputs, files, artifact and summary. The only place
 * that decides success or failure.
 */
export async function run(): Promise<void> {
  let operation: Operation<unknown> | undefined
  try {
    const inputs = actionInputs()
    // Masked before anything else can print them.
    for (const name of SECRET_INPUTS) registerSecret(inputs.get(name))

    // Loads only this operation's family of the table (operations/index.ts).
    operation = await findOperation(inputs.get('operation'))
    // Which server, then whether it can do this at all, then what is missing, then the connection's own inputs.
    const backendName = chosenBackend(inputs)
    checkBackend(operation, backendName)
    // A tripwire never breaks a build by itself: not where GitHub withholds the secrets it needs either.
    const withheld = withheldSecrets(operation, inputs, backendName)
    if (withheld) {
      log.warning(withheld)
      return
    }
    checkRequiredInputs(operation, inputs, backendName)
    const connection = backendConnection(inputs)
    const env = runEnvironment()
    if (!process.env.RUNNER_TEMP) {
      log.info(`RUNNER_TEMP is not set (a local run?): token lists and downloads without 'path' go to ${join(env.runnerTemp, 'canary-console-action')}.`)
    }
    for (const name of ignoredInputs(operation, inputs, INPUT_NAMES, INPUT_DEFAULTS)) {
      log.warning(`Input '${name}' is not used by ${operation.name}; it was ignored.`)
    }
    const params = await operation.parse(inputs, env)

    const backend = await connection.open()
    let result: OperationResult
    try {
      result = await operation.run(params, { backend, env, log })
    } finally {
      await backend.close()
    }
    await publish(result, env)
    if (result.failure) core.setFailed(redact(failureMessage(operation.name, new Error(result.failure))))
  } catch (error) {
    if (error instanceof Error && error.stack) log.debug(error.stack)
    core.setFailed(redact(failureMessage(operation?.name, error)))
  }
}
