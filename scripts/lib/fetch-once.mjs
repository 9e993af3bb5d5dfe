// The floor for any Node action that asks the Console one thing: the same
// single request fetch-canarytoken makes, with Node's built-in fetch and
// nothing else. The start-up benchmark runs it beside the bundled action.
//   CONSOLE_URL=... AUTH_TOKEN=... CANARYTOKEN=... node scripts/lib/fetch-once.mjs
const url = new URL('/api/v1/canarytoken/fetch', process.env.CONSOLE_URL)
url.searchParams.set('canarytoken', process.env.CANARYTOKEN ?? '')
const answer = await fetch(url, { headers: { 'X-Canary-Auth-Token': process.env.AUTH_TOKEN ?? '' } })
const body = await answer.json()
if (!answer.ok || body.result !== 'success') {
  console.error(`HTTP ${answer.status}: ${body.message ?? 'failed'}`)
  process.exit(1)
}
console.log(body.token.canarytoken)
