import * as core from '@actions/core'
import { resolveConsoleUrl } from './backends/console/console-url.js'
import { ApiError } from './http/errors.js'
import { httpsProxy, nodeTunnels } from './http/proxy.js'
import { HttpTransport, DEFAULT_RETRY_POLICY, type TransportOptions } from './http/transport.js'
import { errorMessage, InputError } from './errors.js'
import { alertTargetInputs, chosenBackend, integerInput, type ConsoleKeyInput, type InputName, type InputReader } from './inputs.js'
import { AdaptiveConcurrency } from './http/gate.js'
import { resolveCanarytokensServerUrl } from './backends/canarytokens-server/server-url.js'
import type { BackendName, CanarytokenBackend } from './backends/types.js'
import type { Log } from './operations/types.js'
import { checkSecretInput, findSecretValues, redact, registerSecret } from './secrets.js'
import { defuseCommands } from './text.js'
import { ACTION_VERSION } from './version.js'

// What both entry points share (main.ts for the step, post-main.ts for the
// post step): the log, failure messages and the connection to the server.
// Kept apart from main.ts so the post step's bundle holds no operation table.

/** Every line we log passes through `redact`, debug lines included. */
export const log: Log = {
  info: (message) => core.info(defuseCommands(redact(message))),
  warning: (message) => core.warning(redact(message)),
  // Not even redacted when the runner will not show it: the transport logs every request.
  debug: (message) => {
    if (core.isDebug()) core.debug(redact(message))
  }
}

export function failureMessage(operationName: string | undefined, error: unknown): string {
  if (error instanceof InputError) return error.message
  // What was tried and where, after the server's own words: the step's one error line names the server.
  const reason = `${errorMessage(error)}${error instanceof ApiError && error.tried ? ` (${error.tried})` : ''}`
  if (error instanceof ApiError && error.attempts > 1) return `${operationName} failed after ${error.attempts} attempts: ${reason}`
  return operationName ? `${operationName} failed: ${reason}` : reason
}

/** Inputs only a Canarytokens server reads. */
const SERVER_ONLY_INPUTS: readonly InputName[] = ['manage-auth', 'alert-email', 'alert-webhook']

/**
 * Chooses the server from the inputs (`canarytokens-server` set -> that
 * server, else the Console), checks its connection inputs (the server,
 * credentials, timeout-seconds, retries) now, sending nothing and loading
 * neither backend; `open` loads the chosen one's modules and opens it.
 */
export function backendConnection(inputs: InputReader, { keyInput = 'auth-token' }: { keyInput?: ConsoleKeyInput } = {}): BackendConnection {
  const name = chosenBackend(inputs)
  if (name === 'canarytokens-server') {
    if (inputs.get('auth-token')) {
      throw new InputError(
        "Input 'auth-token' is a Canary Console's API key; a Canarytokens server takes none (each token has its own key, its 'manage-auth'). Remove 'auth-token', or set 'console' instead of 'canarytokens-server'."
      )
    }
    const origin = resolveCanarytokensServerUrl(inputs.get('canarytokens-server'))
    checkSecretInput('manage-auth', inputs.get('manage-auth'))
    const alerts = alertTargetInputs(inputs)
    const transport = transportOptions(inputs)
    return {
      name,
      // Only this server's modules load: a step never compiles the other backend.
      open: async () => {
        const [{ CanarytokensServerBackend }, { canarytokensServerDialect }] = await Promise.all([
          import('./backends/canarytokens-server/index.js'),
          import('./backends/canarytokens-server/dialect.js')
        ])
        return new CanarytokensServerBackend(new HttpTransport({ ...transport, baseUrl: origin, dialect: canarytokensServerDialect(origin) }), origin, alerts)
      }
    }
  }
  for (const input of SERVER_ONLY_INPUTS) {
    if (inputs.get(input)) {
      throw new InputError(
        `Input '${input}' is for a Canarytokens server ('canarytokens-server'); the Canary Console does not use it. Remove it, or set 'canarytokens-server' instead of 'console'.`
      )
    }
  }
  const baseUrl = resolveConsoleUrl(inputs.get('console'))
  const key = inputs.get(keyInput)
  checkSecretInput(keyInput, key)
  const transport = transportOptions(inputs)
  return {
    name: 'console',
    open: async () => {
      const [{ ConsoleBackend }, { consoleDialect }] = await Promise.all([import('./backends/console/index.js'), import('./backends/console/dialect.js')])
      return new ConsoleBackend(new HttpTransport({ ...transport, baseUrl, dialect: consoleDialect(key, keyInput) }), baseUrl)
    }
  }
}

/**
 * Which server the step drives, and how to open it (nothing is sent before
 * `open`). `open` loads that backend's modules (a dynamic import: the other
 * backend's code is never compiled), once every input has been checked.
 */
export interface BackendConnection {
  name: BackendName
  open(): Promise<CanarytokenBackend>
}

type CommonTransportOptions = Omit<TransportOptions, 'baseUrl' | 'dialect'>

function decodedPassword(password: string): string {
  try {
    return decodeURIComponent(password)
  } catch {
    return password
  }
}

/** What every backend's transport shares: timeouts, retries, the runner's proxy, the one adaptive gate, masking, the log. */
function transportOptions(inputs: InputReader): CommonTransportOptions {
  const timeoutSeconds = integerInput(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30
  const retries = integerInput(inputs, 'retries', { min: 0, max: 10, fallback: DEFAULT_RETRY_POLICY.retries }) ?? DEFAULT_RETRY_POLICY.retries
  let proxy = httpsProxy(process.env)
  // Never printed by us, but the runner knows it for no secret: masked for this step and the later ones, as a whole value
  // (as given, percent-encoded, and as the proxy reads it), and only when it is long enough to be one (registerSecret).
  if (proxy?.url.password) {
    registerSecret(proxy.url.password)
    registerSecret(decodedPassword(proxy.url.password))
  }
  if (proxy && !nodeTunnels(process.versions.node)) {
    // Node would ignore the proxy and go direct all the same; errors then do not say "through the proxy".
    log.warning(
      `${proxy.variable} is set, but this Node (${process.version}) cannot send requests through a proxy (Node 24.5 and later can): they go directly to the server. Update the runner, whose Node this is.`
    )
    proxy = undefined
  }
  return {
      proxy,
      timeoutMs: timeoutSeconds * 1000,
      retry: { retries },
      // Bulk operations send many requests at once; a Console that throttles slows all of them down.
      gate: new AdaptiveConcurrency({ onChange: log.info }),
      userAgent: `canary-console-action/${ACTION_VERSION}`,
      onSecret: registerSecret,
      findSecrets: (body) => findSecretValues(body),
      redact,
      logger: log
  }
}
