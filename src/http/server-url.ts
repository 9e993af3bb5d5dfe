import { InputError } from '../errors.js'

// The rules every server address input follows (`console`, `canarytokens-server`):
// an origin only, https, plain http to loopback hosts only.

/** A DNS label: what a hostname can hold, no more. */
const HOSTNAME_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

export function isValidHostname(hostname: string): boolean {
  if (hostname.startsWith('[')) return /^\[[0-9a-f:.]+\]$/i.test(hostname)
  return hostname.length <= 253 && hostname.split('.').every((label) => HOSTNAME_LABEL.test(label))
}

export interface OriginInput {
  /** The input's name, for messages: 'console', 'canarytokens-server'. */
  input: string
  /** How the server is called in messages: "the Console's", "the Canarytokens server's". */
  whose: string
  /** What travels to it, said when plain http is refused: 'the auth token', "each token's manage auth". */
  secret: string
  /** Where credentials belong instead of the URL: "pass the token in 'auth-token'". */
  credentialsHint: string
  /** One sentence on what to write. */
  help: string
}

/**
 * An `http(s)://...` address input as the server's origin. Only an origin is
 * accepted: a path, query, fragment or credentials would either be ignored or
 * leak, so they are refused rather than guessed at. Plain http is allowed to
 * loopback hosts only (emulators, local tests).
 */
export function resolveOrigin(value: string, rules: OriginInput): URL {
  const { input, help } = rules
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(`Input '${input}' is not a valid URL. ${help}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`Input '${input}' must use https, not ${url.protocol.replace(':', '')}. ${help}`)
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    const meant = url.username || url.password || !isValidHostname(url.hostname) ? '.' : `; did you mean 'https://${url.host}'?`
    throw new InputError(
      `Input '${input}' must use https: ${rules.secret} would cross the network in clear text${meant} Plain http is allowed only to loopback hosts (localhost, 127.0.0.1, [::1]).`
    )
  }
  if (url.username || url.password) {
    throw new InputError(`Input '${input}' must not carry credentials; ${rules.credentialsHint}. ${help}`)
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    // The origin only: what followed it (a query may hold a key) is never shown.
    const meant = isValidHostname(url.hostname) ? `; did you mean '${url.origin}'?` : '.'
    throw new InputError(`Input '${input}' must be ${rules.whose} address only, without a path, query or fragment${meant} ${help}`)
  }
  if (!isValidHostname(url.hostname)) {
    throw new InputError(`Input '${input}' has a host name that is not valid. ${help}`)
  }
  return new URL(url.origin)
}
