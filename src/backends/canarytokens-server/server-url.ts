import { InputError } from '../../errors.js'
import { isValidHostname, resolveOrigin } from '../../http/server-url.js'

const SERVER_HELP = "Set 'canarytokens-server' to the server's address: https://canarytokens.org, or your own server's https URL."

/**
 * The `canarytokens-server` input as the server's origin, under the rules of
 * every server input (http/server-url.ts): https, plain http to loopback
 * only, no path (the API's prefix is the action's to add). A bare domain
 * means https.
 */
export function resolveCanarytokensServerUrl(value: string): URL {
  const input = value.trim()
  if (!input) throw new InputError(`Input 'canarytokens-server' is required. ${SERVER_HELP}`)
  if (!input.includes('://')) {
    if (!input.includes('.') || !isValidHostname(input)) throw new InputError(`Input 'canarytokens-server' is not a domain name or URL. ${SERVER_HELP}`)
    return new URL(`https://${input.toLowerCase()}`)
  }
  return resolveOrigin(input, {
    input: 'canarytokens-server',
    whose: "the server's",
    secret: "each token's manage auth",
    credentialsHint: "each token's key goes in 'manage-auth'",
    help: SERVER_HELP
  })
}
