// report-incidents through dist/index.js: the Console emulator's incidents filed as issues in the
// GitHub REST stand-in (GITHUB_API_URL), checked on the markdown the stand-in received.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { GitHubEmulator } from '../emulator/github/emulator.mjs'
import { incidentTag, tokenMarker } from '../../src/github/markers.js'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, tempFolder, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-report-9f8e7d6c5b4a'
const REPO = 'octo-org/octo-repo'

let consoleEmulator: ConsoleEmulator
let consoleUrl: string
let github: GitHubEmulator

beforeEach(async () => {
  consoleEmulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await consoleEmulator.start()
  github = new GitHubEmulator({ repo: REPO, searchLagMs: Infinity })
  await github.start()
})
afterEach(async () => {
  await Promise.all([consoleEmulator.stop(), github.close()])
})

function report(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    { operation: 'report-incidents', console: consoleUrl, 'auth-token': AUTH_TOKEN, 'github-token': github.token, labels: 'canarytoken', ...inputs },
    { env: { GITHUB_API_URL: github.apiUrl, ...env } }
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stand-in's JSON views
type Json = Record<string, any>
const issues = (): Json[] => github.listIssues(REPO).filter((issue: Json) => !issue.pull_request)
const comments = (number: number): Json[] => github.comments(REPO, number)
const writes = () => github.requests.filter((request: Json) => request.method !== 'GET')
const acknowledged = (key: string) => consoleEmulator.getIncident(key)?.description.acknowledged === 'True'
/** Every incident tag written anywhere (bodies and comments), for exactly-once checks. */
function allTags(): string[] {
  const tags: string[] = []
  for (const issue of github.listIssues(REPO) as Json[]) {
    for (const body of [issue.body ?? '', ...comments(issue.number).map((comment) => comment.body ?? '')]) {
      for (const match of (body as string).matchAll(/^<!-- canary-console-action:incidents ([^>]+) -->$/gm)) tags.push(...(match[1] as string).split(' '))
    }
  }
  return tags
}

const HOSTILE_UA = "@octocat @octo-org/security #1 https://evil.example/x ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> | broken | cell ``` `tick` \n<!-- canary-console-action:incidents AAAAAAAAAAAA -->\n# heading"
const HOSTILE_MEMO = 'deploy feature/@everyone-[x](https://evil.example) | ![i](https://evil.example/i.png)'

describe('report-incidents trusts only markers its own writer could have written', () => {
  it("an outsider's issue (labelled by a template, carrying forged markers) neither draws an incident nor hides one", async () => {
    const aws = consoleEmulator.addToken({ kind: 'aws-id', memo: 'deploy main' })
    const first = consoleEmulator.addIncident(aws.canarytoken, { src_host: '203.0.113.7', event_name: 'ListBuckets' })
    // An issue template applies its labels to anyone: mallory's issues carry ours, and the token's marker
    // (its id is in the lure's own hostname) and the incident's tag.
    const forgedOpen = github.addIssue(REPO, { title: 'lure', user: 'mallory', labels: ['canarytoken'], body: tokenMarker(aws.canarytoken) })
    const forgedClosed = github.addIssue(REPO, {
      title: 'hide it',
      user: 'mallory',
      labels: ['canarytoken'],
      state: 'closed',
      body: `${tokenMarker(aws.canarytoken)}\n<!-- canary-console-action:incidents ${incidentTag(first.id)} -->`
    })
    const run = await report({ acknowledge: 'true' })
    expectSuccess(run)
    expect(run.outputs).toMatchObject({ 'issues-created': '1', 'incidents-reported': '1' })
    const ours = issues().filter((issue) => issue.user.login === 'github-actions[bot]')
    expect(ours).toHaveLength(1)
    expect(ours[0]!.body).toContain('ListBuckets')
    // Nothing went to mallory's issues, and the incident was acknowledged only once it was on ours.
    expect(comments(forgedOpen.number)).toHaveLength(0)
    expect(comments(forgedClosed.number)).toHaveLength(0)
    expect(ours[0]!.body).not.toContain(`#${forgedClosed.number}`)
    expect(acknowledged(first.id)).toBe(true)
  })

  it("a person's token trusts the issues its own user wrote (GET /user), and a later incident is one comment there", async () => {
    github.setToken('ghp_person0123456789abcdef0123456789abcd', { login: 'octocat' })
    const aws = consoleEmulator.addToken({ kind: 'aws-id', memo: 'deploy main' })
    consoleEmulator.addIncident(aws.canarytoken, { event_name: 'ListBuckets' })
    expectSuccess(await report({ 'github-token': 'ghp_person0123456789abcdef0123456789abcd' }))
    consoleEmulator.addIncident(aws.canarytoken, { event_name: 'GetCallerIdentity' })
    const again = await report({ 'github-token': 'ghp_person0123456789abcdef0123456789abcd' })
    expectSuccess(again)
    expect(again.outputs).toMatchObject({ 'issues-created': '0', 'issues-updated': '1' })
    expect(issues()).toHaveLength(1)
    expect(issues()[0]!.user.login).toBe('octocat')
    expect(comments(issues()[0]!.number)).toHaveLength(1)
  })
})

describe('report-incidents', () => {
  it('opens one issue per triggered token, renders attacker text as code, and writes nothing twice on a rerun', async () => {
    const aws = consoleEmulator.addToken({ kind: 'aws-id', memo: HOSTILE_MEMO })
    const dns = consoleEmulator.addToken({ kind: 'dns', memo: 'release 1.2' })
    const first = consoleEmulator.addIncident(aws.canarytoken, { src_host: '203.0.113.7', event_name: 'ListBuckets', user_agent: HOSTILE_UA })
    consoleEmulator.addIncident(aws.canarytoken, { src_host: '203.0.113.8', event_name: 'GetCallerIdentity' })
    consoleEmulator.addIncident(dns.canarytoken, { src_host: '198.51.100.1' })
    consoleEmulator.addDeviceIncident(consoleEmulator.addDevice().node_id)
    // A pull request in the listing, even one that looks like ours, is never touched.
    const pr = github.addPullRequest(REPO, { title: 'bump deps', body: `<!-- canary-console-action:token ${aws.canarytoken} -->` })

    const run = await report()
    expectSuccess(run)
    expect([run.outputs['issues-created'], run.outputs['issues-updated'], run.outputs['incidents-reported'], run.outputs['tokens-left']]).toEqual(['2', '0', '3', '0'])
    const filed = issues()
    expect(filed).toHaveLength(2)
    const awsIssue = filed.find((issue) => issue.body.includes(aws.canarytoken))!
    expect(JSON.parse(run.outputs.issues as string)).toEqual(
      expect.arrayContaining([{ number: awsIssue.number, url: awsIssue.html_url, canarytoken: aws.canarytoken }])
    )
    expect(awsIssue.labels.map((label: Json) => label.name)).toEqual(['canarytoken'])
    expect(awsIssue.title).toContain('aws-id')
    const body = awsIssue.body as string
    // The table: one row per incident, four cells each; the hostile text inside one code span.
    const rows = body.split('\n').filter((line) => line.startsWith('| `'))
    expect(rows).toHaveLength(2)
    const hostileRow = rows.find((row) => row.includes('ListBuckets'))!
    const cells = hostileRow.slice(2, -2).split(/(?<!\\)\|/)
    expect(cells).toHaveLength(4)
    expect(cells[3]!.trim()).toBe(`\`\`\`\` ${HOSTILE_UA.replace(/\n/g, '\\n').replace(/\|/g, '\\|')} \`\`\`\``)
    // Nothing of theirs outside code: no mention, link, image, HTML or heading of theirs in the markdown.
    const outsideCode = body.replace(/(`+) [\s\S]*? \1/g, '')
    for (const hostile of ['@octocat', '@everyone', 'evil.example', '<img', '# heading', '#1']) expect([hostile, outsideCode.includes(hostile)]).toEqual([hostile, false])
    // Exactly one marker line per incident: the forged one in the user agent is not a line of its own.
    expect(allTags()).toHaveLength(3)
    expect(body).not.toMatch(/^<!-- canary-console-action:incidents AAAAAAAAAAAA -->$/m)
    expect(github.requests.some((request: Json) => request.route.startsWith('/search'))).toBe(false)
    expect(writes().some((request: Json) => request.route.includes(`/issues/${pr.number}`))).toBe(false)
    expect(acknowledged(first.id)).toBe(false)
    expectNoSecretsVisible(run, [AUTH_TOKEN, github.token])
    for (const issue of github.listIssues(REPO) as Json[]) expect(`${issue.title}${issue.body}`).not.toContain(AUTH_TOKEN)
    expect(run.summary).toContain(`#${awsIssue.number}`)

    // A rerun finds its markers in the listing (search never sees them: its lag is infinite) and writes nothing.
    github.clearRequests()
    const again = await report()
    expectSuccess(again)
    expect([again.outputs['issues-created'], again.outputs['issues-updated'], again.outputs['incidents-reported']]).toEqual(['0', '0', '0'])
    expect(writes()).toEqual([])

    // A later incident on the open issue becomes one comment.
    const later = consoleEmulator.addIncident(aws.canarytoken, { src_host: '203.0.113.9', event_name: 'CreateUser' })
    const third = await report()
    expectSuccess(third)
    expect([third.outputs['issues-created'], third.outputs['issues-updated'], third.outputs['incidents-reported']]).toEqual(['0', '1', '1'])
    const added = comments(awsIssue.number)
    expect(added).toHaveLength(1)
    expect(added[0]!.body).toContain('CreateUser')
    expect(allTags()).toHaveLength(4)
    expect(acknowledged(later.id)).toBe(false)
  })

  it('after the token issue was closed, opens a new issue that links the closed one', async () => {
    const token = consoleEmulator.addToken({ kind: 'http', memo: 'web root' })
    consoleEmulator.addIncident(token.canarytoken)
    expectSuccess(await report())
    const [firstIssue] = issues()
    github.closeIssue(REPO, firstIssue!.number)
    consoleEmulator.addIncident(token.canarytoken, { src_host: '192.0.2.44' })
    const run = await report()
    expectSuccess(run)
    expect(run.outputs['issues-created']).toBe('1')
    const second = issues().find((issue) => issue.number !== firstIssue!.number)!
    expect(second.state).toBe('open')
    expect(second.body).toContain(`#${firstIssue!.number}`)
    expect(second.body).toContain('192.0.2.44')
    expect(allTags()).toHaveLength(2)
  })

  it('acknowledges what is on an issue (this run, an earlier one, a long table), and nothing GitHub refused', async () => {
    const many = consoleEmulator.addToken({ kind: 'aws-id', memo: 'busy token' })
    for (let index = 0; index < 300; index++) consoleEmulator.addIncident(many.canarytoken, { src_host: `198.51.100.${index % 250}`, user_agent: `agent ${index} ${'x'.repeat(300)}`, time: Date.UTC(2026, 0, 1) + index * 60_000 })
    expectSuccess(await report())
    const [busy] = issues()
    expect([...(busy!.body as string)].length).toBeLessThanOrEqual(65_536)
    expect(busy!.body).toContain('older incidents are not shown')
    expect(allTags()).toHaveLength(300)

    // GitHub fails every write: nothing new is written, so only what an earlier run wrote is acknowledged.
    const other = consoleEmulator.addToken({ kind: 'dns', memo: 'second token' })
    const unwritten = consoleEmulator.addIncident(other.canarytoken)
    github.injectFault({ method: 'POST', path: /\/issues$/, status: 502, times: 100 })
    const failed = await report({ acknowledge: 'true' })
    expectFailure(failed, /^report-incidents failed: Creating an issue in octo-org\/octo-repo on GitHub at http:\/\/127\.0\.0\.1:\d+ failed: HTTP 502: Server Error \(after 3 attempts\)\. Nothing that could not be written was acknowledged/)
    expect(acknowledged(unwritten.id)).toBe(false)
    expect(consoleEmulator.listIncidents(many.canarytoken).every((incident) => incident.description.acknowledged === 'True')).toBe(true)
    const outcomes = JSON.parse(readFileSync(failed.outputs['incidents-file'] as string, 'utf8')) as Json[]
    expect(outcomes.find((item) => item.id === unwritten.id)).toMatchObject({ outcome: 'failed', acknowledged_now: false })

    // GitHub is back: the next run writes the rest, once, and acknowledges it.
    github.clearFaults()
    const next = await report({ acknowledge: 'true' })
    expectSuccess(next)
    expect(next.outputs['incidents-reported']).toBe('1')
    expect(acknowledged(unwritten.id)).toBe(true)
    expect(allTags()).toHaveLength(301)
  })

  it('fails with GitHub\'s answer on a wrong token and acknowledges nothing', async () => {
    const token = consoleEmulator.addToken({ kind: 'dns', memo: 'm' })
    const incident = consoleEmulator.addIncident(token.canarytoken)
    const run = await report({ 'github-token': 'ghs_wrong_token_0123456789abcdef', acknowledge: 'true' })
    expectFailure(run, /HTTP 401: Bad credentials.*Check 'github-token'/)
    expect(acknowledged(incident.id)).toBe(false)
    expect(issues()).toEqual([])
  })

  it('a refused assignee does not silence the alert: the issues open without assignees, with one warning naming assignees, and are acknowledged', async () => {
    const tokens = [consoleEmulator.addToken({ kind: 'dns', memo: 'm one' }), consoleEmulator.addToken({ kind: 'dns', memo: 'm two' })]
    const incidents = tokens.map((token) => consoleEmulator.addIncident(token.canarytoken))
    const run = await report({ assignees: 'octo-securty-lead', acknowledge: 'true' })
    expectSuccess(run)
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toMatch(/Creating an issue in octo-org\/octo-repo .* HTTP 422: Validation Failed \(assignees invalid\)\. Check 'assignees'.* This issue and every later one in this run are opened without assignees\./)
    expect(issues()).toHaveLength(2)
    for (const issue of issues()) expect(issue.assignees).toEqual([])
    // Refused once, then every issue without them: one 422 in all.
    const creates = github.requests.filter((request: { method: string; path: string }) => request.method === 'POST' && request.path.endsWith('/issues'))
    expect(creates.map((request: { status: number | null }) => request.status)).toEqual([422, 201, 201])
    for (const incident of incidents) expect(acknowledged(incident.id)).toBe(true)
  })

  it('refuses an empty github-token before any request, naming the permission', async () => {
    const run = await report({ 'github-token': '' })
    expectFailure(run, /Input 'github-token' is empty.*permissions: issues: write/)
    expect(consoleEmulator.requests).toEqual([])
    expect(github.requests).toEqual([])
  })

  it('waits out a secondary rate limit and goes on', async () => {
    const token = consoleEmulator.addToken({ kind: 'dns', memo: 'm' })
    consoleEmulator.addIncident(token.canarytoken)
    github.secondaryRateLimit({ nextWrites: 1, retryAfter: 1 })
    const run = await report()
    expectSuccess(run)
    expect(run.outputs['issues-created']).toBe('1')
    expect(run.errors).toEqual([])
    expect(run.stdout).toMatch(/secondary rate limit/)
    expect(issues()).toHaveLength(1)
  })

  it('opens at most max-issues new issues; the rest wait, unacknowledged, with a warning', async () => {
    const tokens = [0, 1, 2].map((index) => consoleEmulator.addToken({ kind: 'dns', memo: `token ${index}` }))
    const incidents = tokens.map((token) => consoleEmulator.addIncident(token.canarytoken))
    const run = await report({ 'max-issues': '1', acknowledge: 'true' })
    expectSuccess(run)
    expect([run.outputs['issues-created'], run.outputs['tokens-left']]).toEqual(['1', '2'])
    expect(run.warnings.join('\n')).toMatch(/2 Canarytokens with new incidents wait for the next run.*'max-issues' \(1\)/)
    expect(incidents.filter((incident) => acknowledged(incident.id))).toHaveLength(1)
    const next = await report({ 'max-issues': '5', acknowledge: 'true' })
    expectSuccess(next)
    expect([next.outputs['issues-created'], next.outputs['tokens-left']]).toEqual(['2', '0'])
    expect(issues()).toHaveLength(3)
    expect(incidents.every((incident) => acknowledged(incident.id))).toBe(true)
  })

  it('overlapping runs report each incident exactly once', async () => {
    const tokens = [0, 1].map((index) => consoleEmulator.addToken({ kind: 'dns', memo: `overlap ${index}` }))
    for (const token of tokens) consoleEmulator.addIncident(token.canarytoken)
    const runs = await Promise.all([report(), report()])
    for (const run of runs) expectSuccess(run)
    // Where both runs opened a token's issue, the higher number closed itself as a duplicate, keeping no marker.
    for (const closed of issues().filter((issue) => issue.state === 'closed')) {
      expect([closed.state_reason, closed.body]).toEqual(['not_planned', expect.stringMatching(/^Two runs reported this Canarytoken at the same time; its incidents are on #\d+/)])
    }
    const open = issues().filter((issue) => issue.state === 'open')
    expect(open).toHaveLength(2)
    for (const token of tokens) expect(open.filter((issue) => issue.body.includes(`canary-console-action:token ${token.canarytoken}`))).toHaveLength(1)
    expect(allTags().sort()).toEqual([...new Set(allTags())].sort())
    expect(allTags()).toHaveLength(2)
    // And a third run after them writes nothing.
    github.clearRequests()
    expectSuccess(await report())
    expect(writes()).toEqual([])
  })

  it('never sends the GitHub token to another origin, even when a Link header points there', async () => {
    const seen: string[] = []
    const elsewhere = createServer((request, response) => {
      seen.push(String(request.headers.authorization ?? 'none'))
      response.end('[]')
    })
    await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done))
    try {
      const port = (elsewhere.address() as AddressInfo).port
      const token = consoleEmulator.addToken({ kind: 'dns', memo: 'm' })
      const incident = consoleEmulator.addIncident(token.canarytoken)
      github.injectFault({ method: 'GET', path: `/repos/${REPO}/issues`, headers: { link: `<http://localhost:${port}/repos/${REPO}/issues?page=2>; rel="next"` } })
      const run = await report({ acknowledge: 'true' })
      expectFailure(run, /refused to send the GitHub token to http:\/\/localhost:\d+\/repos.*it goes only to GitHub at http:\/\/127\.0\.0\.1/)
      expect(seen).toEqual([])
      expect(acknowledged(incident.id)).toBe(false)
    } finally {
      await new Promise((done) => elsewhere.close(done))
    }
  })

  it('dry-run writes nothing and acknowledges nothing', async () => {
    const token = consoleEmulator.addToken({ kind: 'dns', memo: 'm' })
    const incident = consoleEmulator.addIncident(token.canarytoken)
    const run = await report({ 'dry-run': 'true', acknowledge: 'true' })
    expectSuccess(run)
    expect(writes()).toEqual([])
    expect(acknowledged(incident.id)).toBe(false)
    expect(run.summary).toContain('Dry run')
  })

  it('works under a GitHub Enterprise Server prefix', async () => {
    await github.close()
    github = new GitHubEmulator({ repo: REPO, paths: 'ghes', searchLagMs: Infinity })
    await github.start()
    const token = consoleEmulator.addToken({ kind: 'dns', memo: 'ghes' })
    consoleEmulator.addIncident(token.canarytoken)
    const run = await report()
    expectSuccess(run)
    expect(issues()).toHaveLength(1)
    expect(github.requests.every((request: Json) => request.prefix === '/api/v3')).toBe(true)
    expect(github.tokensSeen()).toEqual([github.token])
  })
})

describe('report-incidents when the outcome list cannot be written afterwards', () => {
  it('fails naming the issues it wrote and what it acknowledged (they stand)', async () => {
    const token = consoleEmulator.addToken({ kind: 'dns', memo: 'list blocked' })
    const incident = consoleEmulator.addIncident(token.canarytoken)
    // The action's folder in RUNNER_TEMP is taken by a file: the list fails once GitHub and the Console have changed.
    const runnerTemp = await tempFolder('canary-e2e-blocked-temp-')
    await writeFile(join(runnerTemp, 'canary-console-action'), 'not a folder')
    const run = await report({ acknowledge: 'true' }, { RUNNER_TEMP: runnerTemp })
    const [issue] = issues()
    expect(acknowledged(incident.id)).toBe(true)
    expectFailure(run, /^report-incidents failed: 1 issue opened and 0 updated on GitHub \(http[^ ]+\/issues\/\d+\), 1 incident acknowledged in the Console, but writing the list of outcomes failed: .*canary-console-action/)
    expect(run.errors[0]).toContain(issue?.html_url)
    expect(run.outputs['issues-created']).toBe('1')
    expect(run.outputs['incidents-file']).toBeUndefined()
  })
})
