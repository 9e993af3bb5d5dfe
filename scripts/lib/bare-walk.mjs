// The memory floor of a long listing: pages through a Console's tokens with
// fetch and keeps nothing but a count, either in the main thread or in a
// worker_threads Worker whose V8 heap is capped with resourceLimits (young
// and old generation, MiB). For scripts/bench/list.mjs, run through
// peak-memory.mjs:
//   node scripts/lib/peak-memory.mjs scripts/lib/bare-walk.mjs <console> <auth token> <page size> [<young MiB> <old MiB>]
// It answers whether moving the page walk into a Worker could keep peak RSS
// flat: V8 grows a long-running isolate's young generation (semi-spaces up
// to 16 MiB each) and old generation, which a Worker's limits bound.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

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

if (isMainThread) {
  const [base, authToken, pageSize, young, old] = process.argv.slice(2)
  const job = { base, authToken, pageSize }
  let count
  if (young === undefined) count = await walk(job)
  else {
    const worker = new Worker(new URL(import.meta.url), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: Number(young), maxOldGenerationSizeMb: Number(old) } })
    count = await new Promise((done, fail) => {
      worker.once('message', done)
      worker.once('error', fail)
      worker.once('exit', (code) => fail(new Error(`the worker exited (${code}) before it answered`)))
    })
  }
  process.stdout.write(`${count}\n`)
} else {
  parentPort?.postMessage(await walk(workerData))
}
