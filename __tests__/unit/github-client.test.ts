// The GitHub client's failures against the GitHub REST stand-in: what they say
// about how often a request was sent must be what the stand-in saw.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { GitHubEmulator } from '../emulator/github/emulator.mjs'
import { GitHubError, GitHubIssues } from '../../src/github/client.js'

const REPO = 'octo-org/octo-repo'
let github: GitHubEmulator

beforeEach(async () => {
  github = new GitHubEmulator({ searchLagMs: Infinity })
  github.addRepo(REPO, { assignable: ['octo-lead'] })
  await github.start()
})
afterEach(async () => {
  await github.close()
})

function client(retries = 2, warnings: string[] = []): GitHubIssues {
  const quiet = { info: () => undefined, warning: (message: string) => void warnings.push(message) }
  return new GitHubIssues({ token: github.token, apiUrl: github.apiUrl, repository: { owner: 'octo-org', repo: 'octo-repo' }, log: quiet, retries })
}

async function failure(work: Promise<unknown>): Promise<GitHubError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught
  )
  if (!(error instanceof GitHubError)) throw new Error(`expected a GitHubError, got ${String(error)}`)
  return error
}

const creates = () => github.requests.filter((request: { method: string; path: string }) => request.method === 'POST' && request.path.endsWith('/issues'))

describe('GitHubIssues failures', () => {
  // Each after a call that failed first (GET /user answers an installation token 403), as report-incidents calls them.
  it('a refused assignee is said once, naming the assignees input and no attempts; that issue and later ones open without assignees', async () => {
    const warnings: string[] = []
    const issues = client(2, warnings)
    await issues.login()
    const first = await issues.createIssue({ title: 't', body: 'b', labels: [], assignees: ['octo-securty-lead', 'octo-lead'] })
    const second = await issues.createIssue({ title: 't2', body: 'b', labels: [], assignees: ['octo-securty-lead', 'octo-lead'] })
    expect(creates().map((request) => [request.status, (request.body as { assignees?: string[] } | undefined)?.assignees])).toEqual([
      [422, ['octo-securty-lead', 'octo-lead']],
      [201, []],
      [201, []]
    ])
    expect([first.title, second.title]).toEqual(['t', 't2'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/HTTP 422: .*Check 'assignees'.* This issue and every later one in this run are opened without assignees\.$/)
    expect(warnings[0]).not.toMatch(/attempts/)
  })

  it('a 422 that is not about assignees stays a failure, and so does one without assignees to drop', async () => {
    const issues = client()
    await issues.login()
    const error = await failure(issues.createIssue({ title: '', body: 'b', labels: [], assignees: ['octo-lead'] }))
    expect(error.status).toBe(422)
    expect(creates()).toHaveLength(1)
  })

  it('a 5xx retried counts the attempts GitHub saw', async () => {
    github.injectFault({ method: 'POST', path: `/repos/${REPO}/issues`, status: 502, times: 5 })
    const issues = client(1)
    await issues.login()
    const error = await failure(issues.createIssue({ title: 't', body: 'b', labels: [], assignees: [] }))
    expect(creates()).toHaveLength(2)
    expect(error.message).toMatch(/HTTP 502.*\(after 2 attempts\)/)
  })

  // The reset of each call's retryCount must leave the throttling plugin's own waiting as it was.
  it('a secondary rate limit is waited out even after an earlier call used up its retries', async () => {
    const issues = client()
    github.injectFault({ method: 'GET', path: '/user', status: 502, times: 3 })
    expect((await failure(issues.login())).message).toMatch(/HTTP 502.*\(after 3 attempts\)/)
    github.secondaryRateLimit({ nextWrites: 1, retryAfter: 1 })
    const issue = await issues.createIssue({ title: 't', body: 'b', labels: [], assignees: [] })
    expect(issue.number).toBe(1)
    expect(creates()).toHaveLength(2)
  })
})
