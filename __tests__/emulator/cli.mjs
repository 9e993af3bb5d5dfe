#!/usr/bin/env node
// Runs the Console emulator on its own (`npm run emulator`, `--help` for the options).
// Prints one JSON line {"url": ..., "authToken": ...} on stdout, then one line
// on stderr per request as it arrives, and serves until SIGINT or SIGTERM.
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { ConsoleEmulator } from './emulator.mjs'

const HELP = `Usage: node __tests__/emulator/cli.mjs [options]

Runs the Canary Console emulator on 127.0.0.1 until Ctrl-C (SIGINT) or SIGTERM.
Prints {"url": ..., "authToken": ...} as one JSON line on stdout, then each
request as it arrives on stderr (method, path, parameter names; no values).

Options:
  --port N          listen on port N (default: any free port; npm run emulator uses 4100)
  --auth-token T    the initial Global admin API key's token (default: emulator-auth-token-0123456789abcdef)
  --seed N          add N varied Canarytokens first (default: 0)
  --latency-ms N    delay every answer by N ms (default: 0)
  --admin-port N    also serve, on 127.0.0.1 apart from the API, POST /trigger?canarytoken=ID:
                    an alert on that token as if someone used it (an incident in the feeds, its
                    triggered_count goes up), e.g. to see a runner canary's post step fail the job;
                    optional query parameters src_host, event_name, user_agent, time (epoch seconds),
                    or a JSON body with those and headers {...}, fields {...} (kind-specific event
                    fields); the JSON line then has "adminUrl"
  --quiet           do not print the requests
  -h, --help        show this help
`

/** One line and exit code 2: a usage mistake. @param {string} message */
function usageError(message) {
  process.stderr.write(`${message}\nRun with --help for the options.\n`)
  process.exit(2)
}

/**
 * @param {string | undefined} text
 * @param {string} name
 * @param {number} fallback
 */
function wholeNumber(text, name, fallback) {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text)) usageError(`--${name} must be a whole number, not '${text}'.`)
  return Number(text)
}

/** @type {ReturnType<typeof parseArgs>['values']} */
let values = {}
try {
  values = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      'auth-token': { type: 'string' },
      'latency-ms': { type: 'string' },
      'admin-port': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  }).values
} catch (error) {
  usageError(/** @type {Error} */ (error).message)
}
if (values.help) {
  process.stdout.write(HELP)
  process.exit(0)
}

const emulator = new ConsoleEmulator({
  ...(typeof values['auth-token'] === 'string' && values['auth-token'] ? { authToken: values['auth-token'] } : {}),
  latencyMs: wholeNumber(/** @type {string | undefined} */ (values['latency-ms']), 'latency-ms', 0)
})
const seed = wholeNumber(/** @type {string | undefined} */ (values.seed), 'seed', 0)
if (seed > 0) emulator.seedTokens(seed)

if (!values.quiet) {
  // The request log, printed as each request arrives: parameter names only, since values may be secrets.
  const log = emulator.requests
  const record = log.push.bind(log)
  log.push = (...requests) => {
    for (const request of requests) {
      const names = Object.keys(request.params).sort()
      const auth = request.authVia === 'header' ? 'auth in header' : request.authVia === 'param' ? 'auth in a PARAMETER' : 'no auth'
      process.stderr.write(`${new Date().toISOString()} ${request.method} ${request.path}${names.length > 0 ? ` [${names.join(', ')}]` : ''} (${auth})\n`)
    }
    return record(...requests)
  }
}

const port = wholeNumber(/** @type {string | undefined} */ (values.port), 'port', 0)
let url = ''
try {
  url = await emulator.start(port)
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} on 127.0.0.1 is already in use: stop what holds it, or pick another with --port N (0: any free port)`
      : code === 'EACCES'
        ? `port ${port} on 127.0.0.1 needs privileges: pick one above 1023 with --port N`
        : error instanceof Error
          ? error.message
          : String(error)
  process.stderr.write(`Console emulator: cannot listen: ${reason}.\n`)
  process.exit(1)
}
/**
 * What /trigger was asked for: query parameters, or a JSON body (which wins).
 * @param {URLSearchParams} query
 * @param {string} body
 */
function triggerOptions(query, body) {
  /** @type {Record<string, any>} */
  const given = Object.fromEntries(query)
  if (body.trim() !== '') Object.assign(given, JSON.parse(body))
  /** @type {Record<string, any>} */
  const options = {}
  for (const name of ['src_host', 'event_name', 'user_agent']) if (typeof given[name] === 'string') options[name] = given[name]
  if (given.time !== undefined) {
    const seconds = Number(given.time)
    if (!Number.isFinite(seconds)) throw new Error(`time must be epoch seconds, not ${given.time}`)
    options.time = seconds * 1000
  }
  for (const name of ['headers', 'fields']) {
    if (given[name] === undefined) continue
    if (typeof given[name] !== 'object' || given[name] === null || Array.isArray(given[name])) throw new Error(`${name} must be a JSON object`)
    options[name] = given[name]
  }
  return options
}

/** The test hook over HTTP: POST /trigger?canarytoken=ID records an alert on the token. */
const admin =
  values['admin-port'] === undefined
    ? undefined
    : createServer((req, res) => {
        /** @type {Buffer[]} */
        const chunks = []
        req.on('data', (chunk) => chunks.push(chunk))
        req.on('end', () => {
          const target = new URL(req.url ?? '/', 'http://127.0.0.1')
          const id = target.searchParams.get('canarytoken') ?? ''
          const answer = (/** @type {number} */ status, /** @type {unknown} */ body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
          if (req.method !== 'POST' || target.pathname !== '/trigger') return answer(404, { error: 'POST /trigger?canarytoken=ID' })
          if (!emulator.getToken(id)) return answer(404, { error: `no Canarytoken ${id}` })
          let options
          try {
            options = triggerOptions(target.searchParams, Buffer.concat(chunks).toString('utf8'))
          } catch (error) {
            return answer(400, { error: /** @type {Error} */ (error).message })
          }
          const incident = emulator.addIncident(id, options)
          answer(200, { canarytoken: id, triggered_count: emulator.getToken(id).triggered_count, incident: incident.id, node_id: incident.description.node_id })
        })
      })
let adminUrl
if (admin) {
  const adminPort = wholeNumber(/** @type {string | undefined} */ (values['admin-port']), 'admin-port', 0)
  try {
    await new Promise((resolve, reject) => {
      admin.once('error', reject)
      admin.listen(adminPort, '127.0.0.1', () => resolve(undefined))
    })
  } catch (error) {
    process.stderr.write(`Console emulator: cannot listen for --admin-port: ${/** @type {Error} */ (error).message}.\n`)
    await emulator.stop()
    process.exit(1)
  }
  const address = admin.address()
  adminUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}
process.stdout.write(`${JSON.stringify({ url, authToken: emulator.authToken, ...(adminUrl ? { adminUrl } : {}) })}\n`)

let stopping = false
/** @param {string} signal */
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  await emulator.stop()
  admin?.closeAllConnections()
  await new Promise((resolve) => (admin ? admin.close(() => resolve(undefined)) : resolve(undefined)))
  process.stderr.write(`Console emulator stopped (${signal}) after ${emulator.requests.length} requests\n`)
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
