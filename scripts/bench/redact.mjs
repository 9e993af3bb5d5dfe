// Redaction of hostile text: a secret holding `*` (here `Winter2024*`) can
// form again across each `***` put in, so a memo or user agent of
// `Winter2024` repeated before a `*` once took a round, and a copy of the
// whole text, per repetition (400 KB: 9 s; 3 MB: 7 min). The same text at
// 300 KB and at 3 MB, in this process, with few secrets and with 13,000
// (the index of many): the time per byte may grow at most twice from the
// small to the large one (linear, not quadratic; it is copied once per round,
// up to src/secrets.ts's MAX_ROUNDS). A plain text of 3 MB is shown beside.
// And a text holding every one of the 13,000 secrets (an echoed listing)
// may take at most 3 times a text of the same size holding none: each
// occurrence is found once by the index, not one pass per secret found.
import { redact, registerSecret } from '../../build/secrets.js'

const PER_BYTE_TARGET = 2
const ALL_SECRETS_TARGET = 3

/** Fastest of five, in ms. @param {string} text */
function time(text) {
  let best = Infinity
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint()
    redact(text)
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6)
  }
  return best
}

/** Registers quietly: each secret is also an ::add-mask:: line for the runner. @param {string[]} values */
function register(values) {
  const write = process.stdout.write
  process.stdout.write = () => true
  try {
    for (const value of values) registerSecret(value)
  } finally {
    process.stdout.write = write
  }
}

export default async function () {
  register(['Winter2024*'])
  let ok = true
  for (const label of ['2 secrets', '13,000 secrets']) {
    const keys = Array.from({ length: 13_000 }, (_, index) => `AKIAYVP4CIPP${String(index).padStart(8, 'Q')}`)
    if (label !== '2 secrets') register(keys)
    else register(['filler-secret-0001'])
    const hostile = (repeats) => `memo: ${'Winter2024'.repeat(repeats)}*`
    const plain = (repeats) => `memo: ${'Summer2024'.repeat(repeats)}*`
    const [small, large] = [time(hostile(30_000)), time(hostile(300_000))]
    const plainLarge = time(plain(300_000))
    const perByte = large / 10 / small
    ok &&= perByte <= PER_BYTE_TARGET
    console.log(`redact, ${label}: hostile 300 KB ${small.toFixed(1)} ms, 3 MB ${large.toFixed(1)} ms; plain 3 MB ${plainLarge.toFixed(1)} ms`)
    console.log(`  time per byte, 3 MB / 300 KB: ${perByte.toFixed(2)} (target <= ${PER_BYTE_TARGET}): ${perByte <= PER_BYTE_TARGET ? 'ok' : 'MISSED'}`)
    if (label !== '2 secrets') {
      const echoed = keys.join(' ').padEnd(3_000_000, ' ')
      const [all, none] = [time(echoed), time('x'.repeat(echoed.length))]
      ok &&= all / none <= ALL_SECRETS_TARGET
      console.log(`  3 MB holding all 13,000 secrets ${all.toFixed(1)} ms / holding none ${none.toFixed(1)} ms: ${(all / none).toFixed(2)} (target <= ${ALL_SECRETS_TARGET}): ${all / none <= ALL_SECRETS_TARGET ? 'ok' : 'MISSED'}`)
    }
  }
  return ok
}
