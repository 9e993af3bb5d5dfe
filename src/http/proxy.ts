import { InputError } from '../errors.js'
import { isLoopback } from './server-url.js'

/**
 * The proxy the runner's environment names for https (a self-hosted runner
 * behind an egress proxy sets HTTPS_PROXY, and NO_PROXY for what goes
 * direct), as GitHub's own toolkit reads it for the steps beside ours.
 * https only: a Canary server is https unless it is on loopback (src/http/
 * server-url.ts), which no proxy can reach, and through a proxy an https
 * request goes in a CONNECT tunnel, so the proxy never sees a credential.
 */
export interface ProxySetting {
  /** The proxy, credentials included (Node's agent sends them to the proxy only). */
  url: URL
  /** Which variable named it. */
  variable: string
  /** NO_PROXY (or no_proxy), as set: the hosts that go direct. */
  noProxy?: string
}

// Lower case first, as GitHub's toolkit (@actions/http-client) and curl read them: where both are set, the steps beside
// ours use the lower-case one.
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY'] as const
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'] as const

/** undefined when no proxy is set; an error before any request when one is set but is no proxy URL (Node would quietly go direct). */
export function httpsProxy(env: NodeJS.ProcessEnv): ProxySetting | undefined {
  const variable = PROXY_VARIABLES.find((name) => env[name]?.trim())
  if (variable === undefined) return undefined
  const value = env[variable]!.trim()
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  // The value is never quoted back: a proxy URL may hold a password.
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new InputError(
      `The environment variable ${variable} is set but is not a proxy URL: set it to http://host:port (or http://user:password@host:port), or unset it to connect directly.`
    )
  }
  const noProxyVariable = NO_PROXY_VARIABLES.find((name) => env[name]?.trim())
  return { url, variable, noProxy: noProxyVariable ? env[noProxyVariable]!.trim() : undefined }
}

/**
 * Whether this Node can tunnel through a proxy: an https Agent's `proxyEnv`
 * option came in Node 24.5 and 22.21 (never 23). An older Node ignores the
 * option and connects directly, saying nothing; a runner's `node24` is the
 * Node its runner version ships, which may be older than 24.5.
 */
export function nodeTunnels(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number)
  return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21)
}

/** The proxy as a message may name it: its origin and the variable that named it, never its credentials. */
export function describeProxy(proxy: ProxySetting): string {
  return `the proxy ${proxy.url.origin} (${proxy.variable})`
}

/**
 * Whether a request to `url` goes through the proxy: https, not to a loopback
 * host (localhost, 127.x.x.x, ::1), and no NO_PROXY entry names its host. An entry is `*` (every host), a host name that also
 * covers its subdomains (`corp.example`, `.corp.example` or `*.corp.example`),
 * or an IP address, each with an optional `:port` that must match; entries
 * are separated by commas or spaces, as curl and GitHub's toolkit read them.
 * No CIDR ranges.
 */
export function goesThroughProxy(url: URL, proxy: ProxySetting | undefined): boolean {
  // Loopback is this runner's own: a proxy elsewhere would reach its own loopback, if anything (GitHub's toolkit goes direct too).
  if (proxy === undefined || url.protocol !== 'https:' || isLoopback(url.hostname)) return false
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = url.port || '443'
  for (const raw of (proxy.noProxy ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return false
    const { name, port: entryPort } = splitEntry(entry)
    if (entryPort !== undefined && entryPort !== port) continue
    if (host === name || host.endsWith(`.${name}`)) return false
  }
  return true
}

/** A NO_PROXY entry's host (without `*.`, a leading dot or IPv6 brackets) and port, if it has one. */
function splitEntry(entry: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { name: bracketed[1]!, port: bracketed[2] }
  const colons = entry.split(':').length - 1
  // One colon: host:port; more: an IPv6 address without a port.
  const [host, port] = colons === 1 ? entry.split(':') : [entry, undefined]
  return { name: host!.replace(/^\*?\./, ''), port }
}
