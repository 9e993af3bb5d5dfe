import { InputError } from '../../errors.js'

/** Domain of Thinkst's hosted Consoles; a bare hash means `<hash>.canary.tools`. */
const HOSTED_DOMAIN = 'canary.tools'

/** A Console hash or a DNS label: what a hostname can hold, no more. */
const HOSTNAME_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

function isValidHostname(hostname: string): boolean {
  if (hostname.startsWith('[')) return /^\[[0-9a-f:.]+\]$/i.test(hostname)
  return hostname.length <= 253 && hostname.split('.').every((label) => HOSTNAME_LABEL.test(label))
}

const CONSOLE_HELP =
  "Set 'console' to your Console's hash (1234abcd), its domain (1234abcd.canary.tools) or its https URL (https://1234abcd.canary.tools)."

/**
 * Turns the `console` input into the Console's origin. Only an origin is
 * accepted: a path, query, fragment or credentials would either be ignored or
 * leak, so they are refused rather than guessed at. Plain http is allowed to
 * loopback hosts only (the emulator, local tests).
 */
export function resolveConsoleUrl(value: string): URL {
  const input = value.trim()
  if (!input) throw new InputError(`Input 'console' is required. ${CONSOLE_HELP}`)

  if (!input.includes('://')) {
    // A hash or a bare domain name.
    const hostname = input.includes('.') ? input : `${input}.${HOSTED_DOMAIN}`
    if (!isValidHostname(hostname)) {
      throw new InputError(`Input 'console' is not a Console hash or domain name. ${CONSOLE_HELP}`)
    }
    return new URL(`https://${hostname.toLowerCase()}`)
  }

  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new InputError(`Input 'console' is not a valid URL. ${CONSOLE_HELP}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`Input 'console' must use https, not ${url.protocol.replace(':', '')}. ${CONSOLE_HELP}`)
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InputError(
      `Input 'console' must use https: the auth token would cross the network in clear text. Plain http is allowed only to loopback hosts (localhost, 127.0.0.1, [::1]).`
    )
  }
  if (url.username || url.password) {
    throw new InputError(`Input 'console' must not carry credentials; pass the token in 'auth-token'. ${CONSOLE_HELP}`)
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new InputError(`Input 'console' must be the Console's address only, without a path, query or fragment. ${CONSOLE_HELP}`)
  }
  if (!isValidHostname(url.hostname)) {
    throw new InputError(`Input 'console' has a host name that is not valid. ${CONSOLE_HELP}`)
  }
  return new URL(url.origin)
}
