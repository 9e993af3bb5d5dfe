// memo-pattern on hostile memos: list-canarytokens with the patterns issue 19
// found (each `*` of a glob once became a backtracking `[\s\S]*`, and ran for
// minutes on one 10,000-character memo) over memos built to hurt them, beside
// the same listing over plain memos of the same length. Side by side, as a
// ratio: matching must cost about the same whatever the memos are.
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { runAction } from '../lib/run-action.mjs'

const AUTH_TOKEN = 'bench-memo-pattern-auth-token-0123456789'
const MEMOS = Number(process.env.BENCH_MEMO_PATTERN_TOKENS || 200)
/** The hostile side may take at most this many times the plain side's wall time. */
const TARGET_RATIO = 2
const CASES = [
  { pattern: '*@* run * attempt *: runner canary', hostile: ' run  attempt @'.repeat(666) },
  { pattern: '*a*a*a*a*b', hostile: 'a'.repeat(10_000) },
  { pattern: '/^(a+)+b$/', hostile: 'a'.repeat(10_000) }
]

async function listOnce(memos, pattern) {
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  for (const memo of memos) emulator.addToken({ kind: 'dns', memo })
  const url = await emulator.start()
  try {
    const run = await runAction({ operation: 'list-canarytokens', console: url, 'auth-token': AUTH_TOKEN, 'memo-pattern': pattern })
    if (run.exitCode !== 0) throw new Error(`the action failed: ${run.errors.join(' | ') || run.stderr}`)
    return run.elapsedMs
  } finally {
    await emulator.stop()
  }
}

export default async function () {
  console.log(`list-canarytokens over ${MEMOS} memos of up to 10,000 characters; fastest of two runs a side`)
  let ok = true
  for (const { pattern, hostile } of CASES) {
    const plain = 'x'.repeat([...hostile].length)
    const fastest = async (memo) => Math.min(await listOnce(Array(MEMOS).fill(memo), pattern), await listOnce(Array(MEMOS).fill(memo), pattern))
    const plainMs = await fastest(plain)
    const hostileMs = await fastest(hostile)
    const ratio = hostileMs / plainMs
    ok &&= ratio <= TARGET_RATIO
    console.log(`${pattern.padEnd(36)} plain ${plainMs.toFixed(0).padStart(6)} ms  hostile ${hostileMs.toFixed(0).padStart(6)} ms  ratio ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`)
  }
  return ok
}
