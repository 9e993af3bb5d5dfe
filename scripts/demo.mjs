// `npm run demo`: the bundled action against the embedded Console emulator,
// one realistic flow, each step started as the runner starts it:
// create a Word-document token with its file -> fetch it -> update its memo -> delete it;
// then a runner canary: plant it -> someone uses the keys -> the post step fails the job;
// then the alert back to the team: report-incidents files one GitHub issue for the token (a GitHub stand-in);
// then the same on a free Canarytokens server (its emulator): a Word document with its
// file, read back and disabled with its manage auth, deleted; a runner canary caught by its history.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConsoleEmulator } from '../__tests__/emulator/emulator.mjs'
import { CanarytokensServerEmulator } from '../__tests__/emulator/canarytokens-server/emulator.mjs'
import { GitHubEmulator } from '../__tests__/emulator/github/emulator.mjs'
import { postBundle, removeRunFolders, runAction } from './lib/run-action.mjs'

const emulator = new ConsoleEmulator()
const consoleUrl = await emulator.start()
const freeServer = new CanarytokensServerEmulator()
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
async function step(title, inputs, options, connection = common) {
  console.log(`== ${title}: operation=${inputs.operation}`)
  const run = await runAction({ ...connection, ...inputs }, options)
  printLog(run)
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name === 'token' || name === 'response') continue
    console.log(`   output ${name} = ${masked(run, value)}`)
  }
  if (run.exitCode !== 0) {
    console.error(`\nStep failed (exit ${run.exitCode}): ${run.errors.join('; ') || run.stderr}`)
    await emulator.stop()
    await freeServer.stop()
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
  // As the README advises: a flock of runner canaries, a deploy key that can only create there, a read-only key for the check.
  const flockId = emulator.addFlock('Runner canaries')
  const keys = {
    'auth-token': emulator.addApiKey({ type: 'canarytoken-deploy', flock_id: flockId, note: 'runner canaries' }).auth_token,
    'check-auth-token': emulator.addApiKey({ type: 'read-only', flock_id: flockId, note: 'runner canary checks' }).auth_token
  }
  const plantInputs = { operation: 'plant-runner-canaries', 'flock-id': flockId, ...keys }
  const planted = await step('Plant a runner canary in ~/.aws before the build runs (a Flock deploy key; a read-only one for the check)', plantInputs, { workspace, env })
  console.log(`   ~/.aws/credentials now holds profile [default] (${(await readFile(join(home, '.aws', 'credentials'))).length} bytes, mode 0600)`)
  console.log('   ... a compromised dependency steals the keys and calls AWS with them: the Console records an alert ...\n')
  emulator.addIncident(planted.outputs.canarytoken)
  console.log('== The post step at the end of the job (dist/post/index.js)')
  const post = await runAction({ ...common, ...plantInputs }, { workspace, env, state: planted.state, bundle: postBundle })
  printLog(post)
  if (post.exitCode !== 1) {
    console.error(`\nThe post step should have failed the job (exit ${post.exitCode}).`)
    process.exitCode = 1
  } else {
    console.log('   The job fails, as it must: the run is to be treated as compromised; ~/.aws is gone again.\n')
  }

  // The alert reaches the team where it works: a scheduled workflow files one issue per triggered token.
  const github = new GitHubEmulator({ repo: 'octo-org/octo-repo' })
  await github.start()
  try {
    await step(
      'A scheduled workflow files the incident as a GitHub issue and acknowledges it',
      { operation: 'report-incidents', 'github-token': github.token, repository: 'octo-org/octo-repo', labels: 'canarytoken', acknowledge: 'true' },
      { workspace, env: { GITHUB_API_URL: github.apiUrl } }
    )
    for (const issue of github.listIssues('octo-org/octo-repo')) {
      console.log(`   GitHub issue #${issue.number}: ${issue.title} [${issue.labels.map((label) => label.name).join(', ')}]`)
      // The incidents' table: time, source address, event, user agent (attacker's text, rendered as code).
      const lines = String(issue.body).split('\n')
      const header = lines.findIndex((line) => line.startsWith('|') && /time/i.test(line))
      for (const line of lines.slice(Math.max(header, 0), Math.max(header, 0) + 3)) console.log(`     ${line}`)
    }
    console.log()
  } finally {
    await github.close()
  }
} finally {
  await rm(home, { recursive: true, force: true })
}

console.log(`The emulator saw ${emulator.requests.length} requests:`)
for (const request of emulator.requests) console.log(`   ${request.method} ${request.path} -> ${request.status} (auth via ${request.authVia})`)
await emulator.stop()

// The same for everyone without a Console: a free Canarytokens server (canarytokens.org, or self-hosted).
const serverUrl = await freeServer.start()
console.log(`\nCanarytokens server emulator listening on ${serverUrl} (as https://canarytokens.org would)\n`)
const free = { 'canarytokens-server': serverUrl }
const alerts = { 'alert-email': 'security-team@example.com' }
const doc = await step(
  'Mint a Word document on the free server, alerting by e-mail, and download it',
  { operation: 'create-canarytoken', ...alerts, kind: 'doc-msword', memo: 'octo-org/octo-repo@0123abc run 4242: docs/Passwords.docx', download: 'true', path: 'build/docs', filename: 'Passwords.docx' },
  {},
  free
)
console.log("   (the manage-auth output is the token's own key: store it as a secret to manage the token later)\n")
const mine = { canarytoken: doc.outputs.canarytoken, 'manage-auth': doc.outputs['manage-auth'] }
await step('Read it back with its manage auth', { operation: 'fetch-canarytoken', ...mine }, { workspace: doc.workspace }, free)
await step('Turn its alerts off', { operation: 'disable-canarytoken', ...mine }, { workspace: doc.workspace }, free)
await step('Delete it', { operation: 'delete-canarytoken', ...mine }, { workspace: doc.workspace }, free)
const freeHome = await mkdtemp(join(tmpdir(), 'canary-demo-home-'))
try {
  const env = { HOME: freeHome, GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '1' }
  const planted = await step('Plant a runner canary from the free server', { operation: 'plant-runner-canaries', ...alerts }, { workspace: doc.workspace, env }, free)
  console.log('   ... the keys are stolen and used: the server records a hit with the caller and its user agent ...\n')
  freeServer.addHit(planted.outputs.canarytoken, { src_ip: '203.0.113.66', userAgent: 'aws-cli/2.15.0 Python/3.11.6', eventName: 'ListBuckets' })
  console.log("== The post step reads the token's history (with the manage auth the step saved for it)")
  const post = await runAction({ ...free, ...alerts, operation: 'plant-runner-canaries' }, { workspace: doc.workspace, env, state: planted.state, bundle: postBundle })
  printLog(post)
  if (post.exitCode !== 1) {
    console.error(`\nThe post step should have failed the job (exit ${post.exitCode}).`)
    process.exitCode = 1
  } else {
    console.log('   The job fails, naming where the keys were used from.\n')
  }
} finally {
  await rm(freeHome, { recursive: true, force: true })
}
console.log(`The Canarytokens server emulator saw ${freeServer.requests.length} requests (the manage auth in the query or the JSON body, never a header):`)
for (const request of freeServer.requests) console.log(`   ${request.method} ${request.path} -> ${request.status}`)
await freeServer.stop()
await removeRunFolders()
console.log(process.exitCode ? '\nDemo finished with a failure.' : '\nDemo finished: every step behaved as it should.')
