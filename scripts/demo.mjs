// `npm run demo`: the bundled action against the embedded Console emulator,
// one realistic flow, each step started as the runner starts it:
// create a Word-document token with its file -> fetch it -> update its memo -> delete it;
// then a runner canary: plant it -> someone uses the keys -> the post step fails the job.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConsoleEmulator } from '../__tests__/emulator/emulator.mjs'
import { postBundle, removeRunFolders, runAction } from './lib/run-action.mjs'

const emulator = new ConsoleEmulator()
const consoleUrl = await emulator.start()
const common = { console: consoleUrl, 'auth-token': emulator.authToken }
console.log(`Console emulator listening on ${consoleUrl}\n`)

/** What the runner shows: every value the step asked it to mask is ***. */
function masked(run, text) {
  return [...run.masks].sort((a, b) => b.length - a.length).reduce((result, secret) => result.split(secret).join('***'), text)
}

/** What a person sees in the log: the runner hides ::add-mask::, and ::debug:: unless debug logging is on. */
function printLog(run) {
  for (const line of run.stdout.split('\n')) {
    if (line && !line.startsWith('::add-mask::') && !line.startsWith('::debug::')) console.log(`   log | ${masked(run, line)}`)
  }
}

/** Runs one step, prints its outputs, stops the demo on failure. */
async function step(title, inputs, options) {
  console.log(`== ${title}: operation=${inputs.operation}`)
  const run = await runAction({ ...common, ...inputs }, options)
  printLog(run)
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name === 'token' || name === 'response') continue
    console.log(`   output ${name} = ${masked(run, value)}`)
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

// A runner canary, in a home folder of its own: planted, stolen, caught by the post step.
const home = await mkdtemp(join(tmpdir(), 'canary-demo-home-'))
try {
  const env = { HOME: home, GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '1' }
  const planted = await step('Plant a runner canary in ~/.aws before the build runs', { operation: 'plant-runner-canaries' }, { workspace, env })
  console.log(`   ~/.aws/credentials now holds profile [default] (${(await readFile(join(home, '.aws', 'credentials'))).length} bytes, mode 0600)`)
  console.log('   ... a compromised dependency steals the keys and calls AWS with them: the Console records an alert ...\n')
  emulator.addIncident(planted.outputs.canarytoken)
  console.log('== The post step at the end of the job (dist/post/index.js)')
  const post = await runAction({ ...common, operation: 'plant-runner-canaries' }, { workspace, env, state: planted.state, bundle: postBundle })
  printLog(post)
  if (post.exitCode !== 1) {
    console.error(`\nThe post step should have failed the job (exit ${post.exitCode}).`)
    process.exitCode = 1
  } else {
    console.log('   The job fails, as it must: the run is to be treated as compromised; ~/.aws is gone again.\n')
  }
} finally {
  await rm(home, { recursive: true, force: true })
}

console.log(`The emulator saw ${emulator.requests.length} requests:`)
for (const request of emulator.requests) console.log(`   ${request.method} ${request.path} -> ${request.status} (auth via ${request.authVia})`)
await emulator.stop()
await removeRunFolders()
console.log(process.exitCode ? '\nDemo finished with a failure.' : '\nDemo finished: every step behaved as it should.')
