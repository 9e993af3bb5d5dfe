import { ApiError, serverWords } from '../../http/errors.js'
import { describeNonJson, parseAnswer, type ParsedAnswer, type ServerDialect } from '../../http/transport.js'

function describeStatus(status: number): string {
  return `HTTP ${status}`
}

/** The Console's messages for a key it does not accept (getting-started.md), lower-cased. */
const AUTH_FAILURE_MESSAGES = new Set(['invalid auth_token', 'unauthorized'])

/**
 * Maps an answer to a ApiError, or returns nothing when it is a
 * success. Both the status and the `result` field are checked: the Console
 * has answered errors with 200 and successes' bodies are what callers need.
 */
export function errorForAnswer(
  status: number,
  contentType: string | undefined,
  text: string,
  location?: string,
  parsed?: ParsedAnswer | null,
  keyInput = 'auth-token'
): ApiError | undefined {
  if (status >= 300 && status < 400) {
    const target = location ? location.split('?')[0] : 'no Location'
    return new ApiError(
      `${describeStatus(status)}: the Console redirected to ${target}; redirects are not followed (they would carry the auth token elsewhere). Check the 'console' input.`,
      'redirect',
      status
    )
  }
  const answer = parsed === undefined ? parseAnswer(text) : parsed
  if (!answer) return new ApiError(`${describeStatus(status)}: ${describeNonJson(contentType, text)}`, 'not-json', status)
  const body = answer.json
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const message = typeof record.message === 'string' ? serverWords(record.message) : undefined
  // The reference documents authentication failures by their bodies only (a
  // bad `auth_token` parameter, a bad header), not by status: both are read.
  if (status === 401 || status === 403 || (message !== undefined && AUTH_FAILURE_MESSAGES.has(message.trim().toLowerCase()))) {
    return new ApiError(
      `${describeStatus(status)}: the Console rejected the auth token${message ? ` (${message})` : ''}. Check '${keyInput}', that the key may do this, and that the API is on (a disabled API refuses every key until it is enabled again in the Console's Global Settings).`,
      'unauthorized',
      status,
      message
    )
  }
  if (status < 200 || status >= 300) {
    return new ApiError(`${describeStatus(status)}: ${message ?? 'no message from the Console'}`, 'http-status', status, message)
  }
  if (record.result !== 'success') {
    const result = typeof record.result === 'string' ? `"result": "${record.result}"` : 'no "result" field'
    return new ApiError(`${describeStatus(status)}: ${message ?? `the answer had ${result}`}`, 'result', status, message)
  }
  return undefined
}

/**
 * The Console's ways: the auth token in its header, form bodies, `result` in every answer. `keyInput` is the
 * input the key came from, named when the Console refuses it.
 */
export function consoleDialect(authToken: string, keyInput = 'auth-token'): ServerDialect {
  return {
    serverName: 'the Console',
    serverInput: 'console',
    bodyEncoding: 'form',
    // The token goes in the header only, and the transport sends it to the Console's own origin only.
    authHeaders: () => ({ 'x-canary-auth-token': authToken }),
    errorForAnswer: (status, contentType, text, location, parsed) => errorForAnswer(status, contentType, text, location, parsed, keyInput),
    isAnswerRecord: (record) => 'result' in record
  }
}
