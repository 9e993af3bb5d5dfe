import { InputError } from '../../errors.js'
import { isValidHostname, resolveOrigin } from '../../http/server-url.js'

/** Domain of Thinkst's hosted Consoles; a bare hash means `<hash>.canary.tools`. */
const HOSTED_DOMAIN = 'canary.tools'

const CONSOLE_HELP =
  "Set 'console' to your Console's hash (1234abcd), its domain (1234abcd.canary.tools) or its https URL (https://1234abcd.canary.tools)."

/**
 * Turns the `console` input into the Console's origin: a hash, a domain, or
 * an address under the rules every server input follows (http/server-url.ts).
 */
export function resolveConsoleUrl(value: string): URL {
  const input = value.trim()
  if (!input) throw new InputError(`Input 'console' is required. ${CONSOLE_HELP}`)

  if (!input.includes('://')) {
    // A hash or a bare domain name.
    const hostname = input.includes('.') ? input : `${input}.${HOSTED_DOMAIN}`
    if (!isValidHostname(hostname)) {
      // `1234abcd.canary.tools/` or `.../settings`: the domain before the first slash, never what follows it.
      const domain = input.split(/[/?#]/, 1)[0] ?? ''
      const meant = domain !== input && domain.includes('.') && isValidHostname(domain) ? `; did you mean '${domain.toLowerCase()}'?` : '.'
      throw new InputError(`Input 'console' is not a Console hash or domain name${meant} ${CONSOLE_HELP}`)
    }
    return new URL(`https://${hostname.toLowerCase()}`)
  }
  return resolveOrigin(input, {
    input: 'console',
    whose: "the Console's",
    secret: 'the auth token',
    credentialsHint: "pass the token in 'auth-token'",
    help: CONSOLE_HELP
  })
}
