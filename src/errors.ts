/**
 * An input the user must change. Raised only while inputs are read and
 * validated, always before the first request to the Console.
 */
export class InputError extends Error {
  override readonly name = 'InputError'
}

/** What went wrong, as one line of text, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
