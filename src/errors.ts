/**
 * An input the user must change. Raised only while inputs are read and
 * validated, always before the first request to the Console.
 */
export class InputError extends Error {
  override readonly name = 'InputError'
}
