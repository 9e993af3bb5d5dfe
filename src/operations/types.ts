import type { HttpTransport } from '../http/transport.js'
import type { InputName, InputReader } from '../inputs.js'

/** Facts about the run the action is in, read once from the environment. */
export interface RunEnvironment {
  /** Where user paths are resolved and must stay (GITHUB_WORKSPACE). */
  workspace: string
  /** Where downloads go when the user names no `path` (RUNNER_TEMP). */
  runnerTemp: string
  /** The runner gave us what `@actions/artifact` needs. */
  artifactRuntime: boolean
}

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface OperationContext {
  transport: HttpTransport
  env: RunEnvironment
  log: Log
}

export type OutputValue = string | number | boolean

/** A job summary section: a heading, a table, notes below it. */
export interface SummarySection {
  heading: string
  columns: string[]
  rows: string[][]
  notes?: string[]
  /** Where all rows are when the summary cannot show them all (e.g. "the file named by the 'tokens-file' output holds them all"). */
  fullList?: string
  /** Said instead of a table when there are no rows (default: "Nothing to show."). */
  empty?: string
}

/** Files to upload as one workflow artifact once the operation succeeded. */
export interface ArtifactRequest {
  name: string
  retentionDays?: number
  files: string[]
  rootDirectory: string
}

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
