#!/usr/bin/env node
// Runs the Console emulator on its own:
//   node __tests__/emulator/cli.mjs [--port N] [--seed N] [--auth-token T] [--latency-ms N]
// Prints one JSON line {"url": ..., "authToken": ...} on stdout, then serves
// until SIGINT or SIGTERM. --seed N adds N varied Canarytokens first.
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
    'latency-ms': { type: 'string' }
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
process.stdout.write(`${JSON.stringify({ url, authToken: emulator.authToken })}\n`)

let stopping = false
/** @param {string} signal */
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  await emulator.stop()
  process.stderr.write(`Console emulator stopped (${signal}) after ${emulator.requests.length} requests\n`)
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
