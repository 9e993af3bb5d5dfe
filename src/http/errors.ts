import { errorMessage } from '../errors.js'
import { codePointLength, truncateCodePoints, withoutFullStops } from '../text.js'
import type { SuccessBody } from './transport.js'

/** Why a Console call failed; lets callers react (e.g. treat a repeated delete's "not found" as done). */
export type ApiFailure =
  | 'http-status' // non-2xx with a JSON error body
  | 'result' // 2xx but "result" was not "success"
  | 'not-json' // the body was not the JSON the endpoint answers with
  | 'redirect' // 3xx: never followed, the token would go with it
  | 'timeout'
  | 'network'
  | 'unauthorized'

/**
 * A failed Console call. The message names the HTTP status and the Console's
 * own message; `main` prefixes the operation. It never holds the request's
 * parameters, so no secret can ride along.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    message: string,
    readonly failure: ApiFailure,
    readonly status?: number,
    readonly serverMessage?: string,
    readonly attempts = 1,
    /**
     * An earlier attempt of this call may have been carried out by the
     * Console before its answer was lost: a repeated delete that now finds
     * nothing to delete has done its job.
     */
    readonly earlierAttemptMayHaveActed = false
  ) {
    super(message)
  }

  /** What was tried, and where: `GET /api/v1/canarytoken/fetch at https://x.canary.tools` (set by the transport; never a query). */
  tried?: string
}

/** The Console's wording for a token or key that does not exist. */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.failure === 'http-status' || error.failure === 'result') &&
    /could not find|not found|does not exist|no such/i.test(error.serverMessage ?? '')
  )
}

/** A repeated call that found nothing to act on because an earlier attempt of it already did the job. */
export function wasDoneByEarlierAttempt(error: unknown): boolean {
  return error instanceof ApiError && error.earlierAttemptMayHaveActed && isNotFound(error)
}

/** A removal's answer; `alreadyDone` (ours, not the Console's) when a retry found the thing gone because an earlier attempt had removed it. */
export interface RemovalAnswer extends SuccessBody {
  alreadyDone?: boolean
}

/** Treats "not found" on a retried removal as done, when an earlier attempt may have done it. */
export async function removal(answer: Promise<SuccessBody>): Promise<RemovalAnswer> {
  try {
    return await answer
  } catch (error) {
    if (wasDoneByEarlierAttempt(error)) return { result: 'success', alreadyDone: true }
    throw error
  }
}


/** An error's message as a clause (its own final period goes), with the attempts when the call took several. */
export function reasonWithAttempts(error: unknown): string {
  const reason = withoutFullStops(errorMessage(error))
  return error instanceof ApiError && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason
}

/**
 * The Console refuses to delete a token with incidents unless told to clear
 * them, and says only `Could not delete Canarydrop`: for the operations that
 * take `clear-incidents`, its refusal gets the fix.
 */
export function withClearIncidentsHint(error: unknown): unknown {
  if (!(error instanceof ApiError) || (error.failure !== 'http-status' && error.failure !== 'result') || !/could not delete/i.test(error.serverMessage ?? '')) return error
  const hinted = new ApiError(
    `${error.message.replace(/\.$/, '')}. If the token has incidents, the Console deletes it only with 'clear-incidents: true' (which deletes them with it).`,
    error.failure,
    error.status,
    error.serverMessage,
    error.attempts,
    error.earlierAttemptMayHaveActed
  )
  hinted.tried = error.tried
  return hinted
}

/** Code points of a server's own message that errors keep. */
export const MAX_SERVER_MESSAGE = 1000

/**
 * A server's own message as errors carry it: at most MAX_SERVER_MESSAGE code
 * points, a cut marked with its length. A message is a sentence; a hostile
 * or broken server's 20 MB one would otherwise be 20 MB in each retry line,
 * the error, every item's message in outputs and files, and the summary.
 */
export function serverWords(message: string): string
export function serverWords(message: string | undefined): string | undefined
export function serverWords(message: string | undefined): string | undefined {
  if (message === undefined || message.length <= MAX_SERVER_MESSAGE) return message
  const length = codePointLength(message)
  return length <= MAX_SERVER_MESSAGE ? message : `${truncateCodePoints(message, MAX_SERVER_MESSAGE + 1)} (${length} characters in all)`
}

/** reasonWithAttempts, then what was tried and where (`GET /api/v1/canarytoken/fetch at https://...`) when the error says: for warnings, which have no other place to name the server. */
export function reasonWithWhere(error: unknown): string {
  const reason = reasonWithAttempts(error)
  return error instanceof ApiError && error.tried ? `${reason} (${error.tried})` : reason
}
