import * as core from '@actions/core'
import { resolveConsoleUrl } from './console/console-url.js'
import { ConsoleApiError } from './console/errors.js'
import { ConsoleTransport, DEFAULT_RETRY_POLICY } from './console/transport.js'
import { runEnvironment } from './environment.js'
import { InputError } from './errors.js'
import { actionInputs, INPUT_DEFAULTS, INPUT_NAMES, integerInput, SECRET_INPUTS } from './inputs.js'
import { AdaptiveConcurrency } from './operations/bounded-pool.js'
import { checkRequiredInputs, findOperation, ignoredInputs } from './operations/index.js'
import type { Log, Operation, OperationResult, RunEnvironment } from './operations/types.js'
import { publishOutputs } from './publish/outputs.js'
import { publishSummary } from './publish/summary.js'
import { findSecretValues, redact, registerSecret } from './secrets.js'
import { ACTION_VERSION } from './version.js'

/**
 * A log line starting with `::` is a command to the runner, and info lines
 * carry text from the Console (hostnames, memos, messages): a hostile answer
 * must not be able to issue one (`::stop-commands::` would switch off the
 * masks we add later). The other levels are commands already, which
 * @actions/core escapes.
 */
function defuseCommands(message: string): string {
  return message.replace(/(^|[\r\n])(\s*)::/g, '$1$2: :')
}

/** Every line we log passes through `redact`, debug lines included. */
const log: Log = {
  info: (message) => core.info(defuseCommands(redact(message))),
  warning: (message) => core.warning(redact(message)),
  // Not even redacted when the runner will not show it: the transport logs every request.
  debug: (message) => {
    if (core.isDebug()) core.debug(redact(message))
  }
}

function failureMessage(operationName: string | undefined, error: unknown): string {
  if (error instanceof InputError) return error.message
  const reason = error instanceof Error ? error.message : String(error)
  if (error instanceof ConsoleApiError && error.attempts > 1) return `${operationName} failed after ${error.attempts} attempts: ${reason}`
  return operationName ? `${operationName} failed: ${reason}` : reason
}

async function publish(result: OperationResult, env: RunEnvironment): Promise<void> {
  publishOutputs(result.outputs)
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
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`uploading artifact '${request.name}' failed: ${reason}. The file is still at ${request.files.join(', ')}.`)
    }
  }
  await publishSummary(summary)
}

/**
 * The action: read inputs -> find the operation -> check everything -> call
 * the Console -> publish outputs, files, artifact and summary. The only place
 * that decides success or failure.
 */
export async function run(): Promise<void> {
  let operation: Operation<unknown> | undefined
  try {
    const inputs = actionInputs()
    // Masked before anything else can print them.
    for (const name of SECRET_INPUTS) registerSecret(inputs.get(name))

    operation = findOperation(inputs.get('operation'))
    checkRequiredInputs(operation, inputs)
    const baseUrl = resolveConsoleUrl(inputs.get('console'))
    const timeoutSeconds = integerInput(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30
    const retries = integerInput(inputs, 'retries', { min: 0, max: 10, fallback: DEFAULT_RETRY_POLICY.retries }) ?? DEFAULT_RETRY_POLICY.retries
    const env = runEnvironment()
    for (const name of ignoredInputs(operation, inputs, INPUT_NAMES, INPUT_DEFAULTS)) {
      log.warning(`Input '${name}' is not used by ${operation.name}; it was ignored.`)
    }
    const params = await operation.parse(inputs, env)

    const transport = new ConsoleTransport({
      baseUrl,
      authToken: inputs.get('auth-token'),
      timeoutMs: timeoutSeconds * 1000,
      retry: { retries },
      // Bulk operations send many requests at once; a Console that throttles slows all of them down.
      gate: new AdaptiveConcurrency({ onChange: log.info }),
      userAgent: `canary-console-action/${ACTION_VERSION}`,
      onSecret: registerSecret,
      findSecrets: (body) => findSecretValues(body),
      logger: log
    })
    let result: OperationResult
    try {
      result = await operation.run(params, { transport, env, log })
    } finally {
      await transport.close()
    }
    await publish(result, env)
    if (result.failure) core.setFailed(redact(failureMessage(operation.name, new Error(result.failure))))
  } catch (error) {
    if (error instanceof Error && error.stack) log.debug(error.stack)
    core.setFailed(redact(failureMessage(operation?.name, error)))
  }
}
