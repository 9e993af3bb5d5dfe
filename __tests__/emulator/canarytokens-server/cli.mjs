#!/usr/bin/env node
// Runs the Canarytokens server emulator on its own (`npm run emulator:canarytokens-server`, `--help` for the options).
// Prints one JSON line {"url", "apiUrl"[, "adminUrl"]} on stdout, then one line on stderr per request
// (method, path, parameter and field names; never values), and serves until SIGINT or SIGTERM.
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { CanarytokensServerEmulator } from './emulator.mjs'

const HELP = `Usage: node __tests__/emulator/canarytokens-server/cli.mjs [options]

Runs the Canarytokens server emulator (canarytokens.org / self-hosted, API under
/d3aece8093b71007b5ccfedad91ebb11) on 127.0.0.1 until Ctrl-C (SIGINT) or SIGTERM.
Prints {"url": ..., "apiUrl": ...} as one JSON line on stdout, then each request
on stderr (method, path, parameter names; no values).

Options:
  --port N          listen on port N (default: any free port; the npm script uses 4200)
  --admin-port N    also serve, on 127.0.0.1 apart from the API, POST /trigger?token=T
                    [&useragent=UA&src_ip=IP&event_name=E]: a hit on that token as if someone used it;
                    the JSON line then has "adminUrl"
  --no-aws          the instance has no AWS ID service: aws_keys answers 500
  --quiet           do not print the requests
  -h, --help        show this help
`

/** @param {string} message */
function usageError(message) {
  process.stderr.write(`${message}\nRun with --help for the options.\n`)
  process.exit(2)
}

/** @param {string | undefined} text @param {string} name */
function port(text, name) {
  if (text === undefined) return 0
  if (!/^\d+$/.test(text) || Number(text) > 65535) usageError(`--${name} must be a port number (0-65535), not '${text}'.`)
  return Number(text)
}

/** @type {Record<string, any>} */
let values = {}
try {
  values = parseArgs({
    options: {
      port: { type: 'string' },
      'admin-port': { type: 'string' },
      'no-aws': { type: 'boolean' },
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

const emulator = new CanarytokensServerEmulator({ aws: !values['no-aws'] })
if (!values.quiet) {
  const log = emulator.requests
  const record = log.push.bind(log)
  log.push = (...requests) => {
    for (const request of requests) {
      const query = Object.keys(request.query).sort()
      const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? Object.keys(request.body).sort() : []
      const uploads = Object.keys(request.files).sort()
      const parts = [query.length > 0 ? `query [${query.join(', ')}]` : '', body.length > 0 ? `${request.bodyKind} [${body.join(', ')}]` : '', uploads.length > 0 ? `files [${uploads.join(', ')}]` : ''].filter(Boolean)
      process.stderr.write(`${new Date().toISOString()} ${request.method} ${request.path}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}\n`)
    }
    return record(...requests)
  }
}

const apiPort = port(values.port, 'port')
let url = ''
try {
  url = await emulator.start(apiPort)
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code
  const reason = code === 'EADDRINUSE' ? `port ${apiPort} on 127.0.0.1 is already in use: pick another with --port N (0: any free port)` : error instanceof Error ? error.message : String(error)
  process.stderr.write(`Canarytokens server emulator: cannot listen: ${reason}.\n`)
  process.exit(1)
}

/** The test hook over HTTP: POST /trigger?token=T records a hit. */
const admin =
  values['admin-port'] === undefined
    ? undefined
    : createServer((req, res) => {
        req.resume()
        const target = new URL(req.url ?? '/', 'http://127.0.0.1')
        const answer = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        if (req.method !== 'POST' || target.pathname !== '/trigger') return answer(404, { error: 'POST /trigger?token=T[&useragent=UA&src_ip=IP&event_name=E]' })
        const token = target.searchParams.get('token') ?? ''
        if (!emulator.getDrop(token)) return answer(404, { error: `no Canarytoken ${token}` })
        /** @type {Record<string, any>} */
        const hit = {}
        const userAgent = target.searchParams.get('useragent')
        if (userAgent !== null) hit.userAgent = userAgent
        const srcIp = target.searchParams.get('src_ip')
        if (srcIp !== null) hit.src_ip = srcIp
        const eventName = target.searchParams.getAll('event_name')
        if (eventName.length > 0) hit.eventName = eventName
        const stored = emulator.addHit(token, hit)
        answer(200, { token, hits: emulator.getDrop(token).triggered_details.hits.length, time_of_hit: stored.time_of_hit })
      })
let adminUrl
if (admin) {
  const adminPort = port(values['admin-port'], 'admin-port')
  try {
    await new Promise((resolve, reject) => {
      admin.once('error', reject)
      admin.listen(adminPort, '127.0.0.1', () => resolve(undefined))
    })
  } catch (error) {
    process.stderr.write(`Canarytokens server emulator: cannot listen for --admin-port: ${/** @type {Error} */ (error).message}.\n`)
    await emulator.stop()
    process.exit(1)
  }
  const address = admin.address()
  adminUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}
process.stdout.write(`${JSON.stringify({ url, apiUrl: emulator.apiUrl, ...(adminUrl ? { adminUrl } : {}) })}\n`)

let stopping = false
/** @param {string} signal */
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  await emulator.stop()
  admin?.closeAllConnections()
  await new Promise((resolve) => (admin ? admin.close(() => resolve(undefined)) : resolve(undefined)))
  process.stderr.write(`Canarytokens server emulator stopped (${signal}) after ${emulator.requests.length} requests\n`)
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
