#!/usr/bin/env node
// Runs the Console emulator on its own:
//   node __tests__/emulator/cli.mjs [--port N] [--seed N] [--auth-token T] [--latency-ms N] [--admin-port N]
// Prints one JSON line {"url": ..., "authToken": ...} on stdout, then serves
// until SIGINT or SIGTERM. --seed N adds N varied Canarytokens first.
// --admin-port N also serves, on 127.0.0.1 and apart from the Console's API,
// POST /trigger?canarytoken=ID: an alert on that token, as if someone used it
// (its triggered_count goes up), e.g. to see a runner canary's post step fail
// the job. The JSON line then has "adminUrl" too.
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { ConsoleEmulator } from './emulator.mjs'

/**
 * @param {string | undefined} text
 * @param {string} name
 * @param {number} fallback
 */
function wholeNumber(text, name, fallback) {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} must be a whole number, not '${text}'`)
    process.exit(2)
  }
  return Number(text)
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    'auth-token': { type: 'string' },
    'latency-ms': { type: 'string' },
    'admin-port': { type: 'string' }
  },
  strict: true
})

const emulator = new ConsoleEmulator({
  ...(values['auth-token'] ? { authToken: values['auth-token'] } : {}),
  latencyMs: wholeNumber(values['latency-ms'], 'latency-ms', 0)
})
const seed = wholeNumber(values.seed, 'seed', 0)
if (seed > 0) emulator.seedTokens(seed)
const url = await emulator.start(wholeNumber(values.port, 'port', 0))

/** The test hook over HTTP: POST /trigger?canarytoken=ID records an alert on the token. */
const admin =
  values['admin-port'] === undefined
    ? undefined
    : createServer((req, res) => {
        const target = new URL(req.url ?? '/', 'http://127.0.0.1')
        const id = target.searchParams.get('canarytoken') ?? ''
        const answer = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        if (req.method !== 'POST' || target.pathname !== '/trigger') return answer(404, { error: 'POST /trigger?canarytoken=ID' })
        if (!emulator.getToken(id)) return answer(404, { error: `no Canarytoken ${id}` })
        const incident = emulator.addIncident(id)
        answer(200, { canarytoken: id, triggered_count: emulator.getToken(id).triggered_count, incident: incident.id })
      })
let adminUrl
if (admin) {
  await new Promise((resolve, reject) => {
    admin.once('error', reject)
    admin.listen(wholeNumber(values['admin-port'], 'admin-port', 0), '127.0.0.1', () => resolve(undefined))
  })
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
