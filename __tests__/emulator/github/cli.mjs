#!/usr/bin/env node
// Runs the GitHub REST stand-in on its own (`npm run emulator:github`, `--help` for the options).
// Prints one JSON line {"url": ..., "apiUrl": ..., "repos": [...]} on stdout (no token), then
// one line on stderr per request as it is answered, and serves until SIGINT or SIGTERM.
import { parseArgs } from 'node:util'
import { GitHubEmulator } from './emulator.mjs'

const HELP = `Usage: node __tests__/emulator/github/cli.mjs [options]

Runs the GitHub REST API stand-in on 127.0.0.1 until Ctrl-C (SIGINT) or SIGTERM.
Prints {"url", "apiUrl", "repos"} as one JSON line on stdout (set GITHUB_API_URL to apiUrl),
then each request on stderr as it is answered: method, path, query names, status and
whether it carried a known token (never the token itself).

Options:
  --port N            listen on port N (default: any free port; npm run emulator:github uses 4300)
  --token T           the token allowed to read and write issues (required; never printed)
  --repo owner/name   a repository to create (repeatable)
  --read-only-token T a second token without issues write (403 on writes)
  --search-lag-ms N   how long until a write is searchable (default 3000)
  --ghes              serve only under /api/v3, as GitHub Enterprise Server does
  --quiet             do not print the requests
  -h, --help          show this help
`

/** @param {string} message */
function usageError(message) {
  process.stderr.write(`${message}\nRun with --help for the options.\n`)
  process.exit(2)
}

/** @param {string | undefined} text @param {string} name @param {number} fallback */
function wholeNumber(text, name, fallback) {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text)) usageError(`--${name} must be a whole number, not '${text}'.`)
  return Number(text)
}

/** @type {Record<string, any>} */
let values = {}
try {
  values = parseArgs({
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      repo: { type: 'string', multiple: true },
      'read-only-token': { type: 'string' },
      'search-lag-ms': { type: 'string' },
      ghes: { type: 'boolean' },
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
if (typeof values.token !== 'string' || values.token === '') usageError('--token T is required: the token the action will send as GITHUB_TOKEN.')

const emulator = new GitHubEmulator({
  token: values.token,
  paths: values.ghes ? 'ghes' : 'both',
  searchLagMs: wholeNumber(values['search-lag-ms'], 'search-lag-ms', 3000)
})
if (values['read-only-token']) emulator.setToken(values['read-only-token'], { issuesWrite: false })
const repos = /** @type {string[]} */ (values.repo ?? [])
for (const repo of repos) {
  try {
    emulator.addRepo(repo)
  } catch (error) {
    usageError(`--repo: ${/** @type {Error} */ (error).message}`)
  }
}
const known = new Set([values.token, values['read-only-token']].filter(Boolean))
if (!values.quiet) {
  emulator.onRequest = (request) => {
    const names = Object.keys(request.query).sort()
    const auth = request.token === null ? 'no token' : known.has(request.token) ? `known token (${request.scheme})` : 'UNKNOWN token'
    process.stderr.write(
      `${new Date().toISOString()} ${request.method} ${request.path}${names.length > 0 ? ` [${names.join(', ')}]` : ''} -> ${request.status ?? 'reset'} (${auth})\n`
    )
  }
}

const port = wholeNumber(values.port, 'port', 0)
try {
  await emulator.start(port)
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code
  const reason = code === 'EADDRINUSE' ? `port ${port} on 127.0.0.1 is already in use: pick another with --port N (0: any free port)` : String(error)
  process.stderr.write(`GitHub emulator: cannot listen: ${reason}.\n`)
  process.exit(1)
}
process.stdout.write(`${JSON.stringify({ url: emulator.url, apiUrl: emulator.apiUrl, repos })}\n`)

let stopping = false
/** @param {string} signal */
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  await emulator.close()
  process.stderr.write(`GitHub emulator stopped (${signal}) after ${emulator.requests.length} requests\n`)
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
