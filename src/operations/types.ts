import type { ConsoleBackend } from '../backends/console/index.js'
import type { BackendName, CanarytokenBackend } from '../backends/types.js'
import type { RunEnvironment } from '../environment.js'
import type { InputName, InputReader } from '../inputs.js'
import type { ArtifactRequest, OutputValue, SummarySection } from '../publish/types.js'

export type { RunEnvironment } from '../environment.js'

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface OperationContext {
  /** The server the step drives; the table's `backends` says which kinds an operation runs on. */
  backend: CanarytokenBackend
  env: RunEnvironment
  log: Log
}

export type { ArtifactRequest, OutputValue, SummarySection } from '../publish/types.js'

export interface OperationResult {
  outputs: Record<string, OutputValue | undefined>
  summary: SummarySection
  artifact?: ArtifactRequest
  /**
   * Set when the operation ran but did not fully succeed (a bulk operation
   * where some items failed): outputs and summary are still published, so
   * every item's outcome is reported, then the step fails with this reason.
   */
  failure?: string
  /** Saved for the post step (`core.saveState`); published even when `failure` is set, so the post step can undo what was done. */
  state?: Record<string, string>
  /** Exported to the job's later steps (`core.exportVariable`); values that are secrets are masked already. */
  environment?: Record<string, string>
}

/**
 * One row of the operation table: what the operation reads, how it checks
 * its inputs (all before any request) and what it does. `action.yml`, the
 * README and the dispatcher are all derived from or checked against these.
 */
export interface Operation<Params> {
  name: string
  description: string
  /** The servers it works on; on any other it is refused before any request, with `backendNote` as the reason. */
  backends: readonly BackendName[]
  /** Why it does not work on the servers it leaves out (e.g. "the Canarytokens server cannot list tokens"). */
  backendNote?: string
  /**
   * A tripwire: it never breaks a build by itself. Where GitHub withholds the
   * secrets it needs (a pull request from a fork), it warns and does nothing
   * unless `on-console-error: fail`, as it does for an outage.
   */
  tripwire?: boolean
  /** Inputs that must be non-empty, beyond the common ones. */
  requires: readonly InputName[]
  /** Further inputs it reads. */
  accepts: readonly InputName[]
  /** The outputs it may set. */
  outputs: readonly string[]
  /** Turns inputs into typed parameters; throws InputError. Sends nothing. */
  parse(inputs: InputReader, env: RunEnvironment): Promise<Params> | Params
  run(params: Params, context: OperationContext): Promise<OperationResult>
}

/** Erases the parameter type so rows of different types fit one table. */
export function defineOperation<Params>(operation: Operation<Params>): Operation<unknown> {
  return operation as Operation<unknown>
}

/** Operations only the Console can carry out. */
export const CONSOLE_ONLY: readonly BackendName[] = ['console']
/** Operations both servers carry out. */
export const EVERY_BACKEND: readonly BackendName[] = ['console', 'canarytokens-server']

/**
 * The Console, for an operation the table marks Console-only (main refuses
 * any other backend before it runs). Told by the backend's name, not by
 * `instanceof`: that would load the Console's modules into every step, also
 * one that drives a Canarytokens server (runtime.ts loads only the chosen
 * backend); the only backend named 'console' is ConsoleBackend.
 */
export function consoleOf(context: OperationContext): ConsoleBackend {
  if (context.backend.name !== 'console') throw new Error(`this operation needs the Console, not ${context.backend.description}`)
  return context.backend as ConsoleBackend
}
