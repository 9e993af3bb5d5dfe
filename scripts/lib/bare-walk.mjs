// The memory floor of a long listing: pages through a Console's tokens with
// fetch and keeps nothing but a count. For scripts/bench/list.mjs, run through
// peak-memory.mjs:
//   node scripts/lib/peak-memory.mjs scripts/lib/bare-walk.mjs <console> <auth token> <page size>

/** Pages with cursor.next; returns how many tokens it saw. */
async function walk({ base, authToken, pageSize }) {
  const headers = { 'x-canary-auth-token': authToken }
  let cursor
  let count = 0
  do {
    const url = new URL('/api/v1/canarytokens/paginate', base)
    if (cursor) url.searchParams.set('cursor', cursor)
    else url.searchParams.set('limit', pageSize)
    const answer = await (await fetch(url, { headers })).json()
    if (answer.result !== 'success') throw new Error(`paginate: ${answer.message}`)
    count += answer.canarytokens.length
    cursor = answer.cursor?.next
  } while (cursor)
  return count
}

const [base, authToken, pageSize] = process.argv.slice(2)
process.stdout.write(`${await walk({ base, authToken, pageSize })}\n`)
