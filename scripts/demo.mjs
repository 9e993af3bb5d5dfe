// `npm run demo`: the bundled action against the embedded Console emulator,
// one realistic flow, each step started as the runner starts it:
// create a Word-document token with its file -> fetch it -> update its memo -> delete it.
import { ConsoleEmulator } from '../__tests__/emulator/emulator.mjs'
import { removeRunFolders, runAction } from './lib/run-action.mjs'

const emulator = new ConsoleEmulator()
const consoleUrl = await emulator.start()
const common = { console: consoleUrl, 'auth-token': emulator.authToken }
console.log(`Console emulator listening on ${consoleUrl}\n`)

/** Runs one step, prints its outputs, stops the demo on failure. */
async function step(title, inputs, options) {
  console.log(`== ${title}: operation=${inputs.operation}`)
  const run = await runAction({ ...common, ...inputs }, options)
  for (const line of run.stdout.split('\n')) {
    // What a person sees in the log: the runner hides ::add-mask::, and ::debug:: unless debug logging is on.
    if (line && !line.startsWith('::add-mask::') && !line.startsWith('::debug::')) console.log(`   log | ${line}`)
  }
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name === 'token' || name === 'response') continue
    console.log(`   output ${name} = ${value}`)
  }
  if (run.exitCode !== 0) {
    console.error(`\nStep failed (exit ${run.exitCode}): ${run.errors.join('; ') || run.stderr}`)
    await emulator.stop()
    await removeRunFolders()
    process.exit(1)
  }
  console.log()
  return run
}

const created = await step('Mint a Word-document Canarytoken and download it into the build', {
  operation: 'create-canarytoken',
  kind: 'doc-msword',
  memo: 'octo-org/octo-repo@0123abc run 4242: docs/Passwords.docx',
  download: 'true',
  path: 'build/docs',
  filename: 'Passwords.docx'
})
const workspace = created.workspace
const canarytoken = created.outputs.canarytoken
await step('Fetch it', { operation: 'fetch-canarytoken', canarytoken }, { workspace })
await step('Update its memo', { operation: 'update-canarytoken', canarytoken, memo: 'octo-org/octo-repo v1.2.3 release: docs/Passwords.docx' }, { workspace })
await step('Delete it', { operation: 'delete-canarytoken', canarytoken }, { workspace })

console.log(`The emulator saw ${emulator.requests.length} requests:`)
for (const request of emulator.requests) console.log(`   ${request.method} ${request.path} -> ${request.status} (auth via ${request.authVia})`)
await emulator.stop()
await removeRunFolders()
console.log('\nDemo finished: every step passed.')
