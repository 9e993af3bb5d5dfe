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

function client(retries = 2): GitHubIssues {
  const quiet = { info: () => undefined, warning: () => undefined }
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
  it('a refusal sent once says nothing of attempts, and names the assignees input when GitHub refuses an assignee', async () => {
    const issues = client()
    await issues.login()
    const error = await failure(issues.createIssue({ title: 't', body: 'b', labels: [], assignees: ['octo-securty-lead'] }))
    expect(creates()).toHaveLength(1)
    expect(error.status).toBe(422)
    expect(error.message).not.toMatch(/attempts/)
    expect(error.message).toMatch(/Check 'assignees'/)
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
