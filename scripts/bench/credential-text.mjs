// Reading a server's credential text: the lines of a multi-line secret (a
// credential file, a WireGuard config, up to 64 MiB of JSON) are split into
// name and value to find what to mask, and an aws-id token's `renders` is
// read for its keys. Both were regular expressions whose lazy part before
// `\s*` took time quadratic in a line of spaces (100,000: 14 s). The same
// hostile line at 20,000 and at 200,000 spaces, in this process: the time
// per byte may grow at most twice (linear, not quadratic). So must the
// defusing of workflow commands in an info line (text.ts), which looked past
// each line break through all those after it: 40,000 line breaks took 2 s,
// and the joining of seed failures' reasons without their full stops, which
// took a run of dots before a word as many starts: 100,000 dots took 10 s;
// and the reading of the runner's own ~/.aws files before a profile is
// added (a lazy key before blanks: quadratic in a line of spaces).
import { registerCredentialText } from '../../build/secrets.js'
import { defuseCommands, withoutFullStops } from '../../build/text.js'
import { tokenRecord } from '../../build/backends/console/records.js'
import { iniSections, iniValues } from '../../build/publish/aws-shared-files.js'

const PER_BYTE_TARGET = 2

/** Fastest of five, in ms. @param {() => void} work */
function time(work) {
  let best = Infinity
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint()
    work()
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6)
  }
  return best
}

export default async function () {
  let ok = true
  const cases = {
    'credential lines (secrets.ts)': (spaces) => () => registerCredentialText(`[default]\na${' '.repeat(spaces)}b\n`),
    "an aws-id token's renders (Console records)": (spaces) => () =>
      tokenRecord({ canarytoken: 't', kind: 'aws-id', memo: 'm', renders: { 'aws-id': `aws_access_key_id =${' '.repeat(spaces)}x${' '.repeat(spaces)}y\n` } }),
    "the runner's own ~/.aws file, a line of spaces after a key and inside a value (aws-shared-files.ts)": (spaces) => {
      const text = `[default]\na${' '.repeat(spaces)}b\nc = x${' '.repeat(spaces)}y\n`
      const [section] = iniSections(text)
      return () => iniValues(text, section)
    },
    'an info line of line breaks and spaces (text.ts)': (breaks) => () => defuseCommands(`${'\n '.repeat(breaks / 2)}x`),
    "a reason's dots before a word and after it (text.ts, seed's failure)": (dots) => {
      const reason = `${'.'.repeat(dots / 2)}x${'.'.repeat(dots / 2)}`
      withoutFullStops(reason)
      return () => {
        for (let call = 0; call < 20; call++) withoutFullStops(reason)
      }
    }
  }
  for (const [label, work] of Object.entries(cases)) {
    const [small, large] = [time(work(20_000)), time(work(200_000))]
    const perByte = large / 10 / small
    ok &&= perByte <= PER_BYTE_TARGET
    console.log(`${label}: 20,000 characters ${small.toFixed(2)} ms, 200,000 ${large.toFixed(2)} ms`)
    console.log(`  time per byte, 200,000 / 20,000: ${perByte.toFixed(2)} (target <= ${PER_BYTE_TARGET}): ${perByte <= PER_BYTE_TARGET ? 'ok' : 'MISSED'}`)
  }
  return ok
}
