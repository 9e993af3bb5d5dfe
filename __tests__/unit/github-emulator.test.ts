// The GitHub REST stand-in (__tests__/emulator/github), exercised with plain fetch and with the
// Octokit the action uses (@actions/github's getOctokit plus the throttling and retry plugins),
// against GitHub's documented answers kept in __tests__/fixtures/github.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { GitHubEmulator } from '../emulator/github/emulator.mjs'

// JSON answers and fixtures are read loosely; the assertions say what they must hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/github/${name}`, import.meta.url), 'utf8')) as Json
const REPO = 'octo-org/octo-repo'
const running: GitHubEmulator[] = []

afterEach(async () => {
  // Every server a test started is stopped, whether the test passed or not.
  await Promise.all(running.splice(0).map((emulator) => emulator.close()))
})

async function startEmulator(options: ConstructorParameters<typeof GitHubEmulator>[0] = {}) {
  const emulator = new GitHubEmulator({ repo: REPO, ...options })
  running.push(emulator)
  await emulator.start()
  return emulator
}

function api(emulator: GitHubEmulator, path: string, init: { method?: string; body?: unknown; token?: string | null; scheme?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
  const token = init.token === undefined ? emulator.token : init.token
  if (token !== null) headers.authorization = `${init.scheme ?? 'token'} ${token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  return fetch(`${emulator.apiUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
}

/** Every key of GitHub's example is there, with a value of the same JSON type (or null where the example has one). */
function expectSameShape(actual: Record<string, unknown>, example: Record<string, unknown>, path = '') {
  for (const [key, value] of Object.entries(example)) {
    expect({ at: `${path}${key}`, present: key in actual }).toEqual({ at: `${path}${key}`, present: true })
    const got = actual[key]
    if (value === null || got === null) continue
    const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v)
    expect({ at: `${path}${key}`, type: kind(got) }).toEqual({ at: `${path}${key}`, type: kind(value) })
    if (kind(value) === 'object') expectSameShape(got as Record<string, unknown>, value as Record<string, unknown>, `${path}${key}.`)
    if (kind(value) === 'array' && (value as unknown[]).length > 0 && (got as unknown[]).length > 0 && typeof (value as unknown[])[0] === 'object') {
      expectSameShape((got as Record<string, unknown>[])[0] as Record<string, unknown>, (value as Record<string, unknown>[])[0] as Record<string, unknown>, `${path}${key}[0].`)
    }
  }
}

function octokitFor(emulator: GitHubEmulator, events: { secondary: number[]; primary: number[] }, token = emulator.token) {
  return getOctokit(
    token,
    {
      baseUrl: emulator.apiUrl,
      // A fresh throttle id: the plugin's queues are shared per id across instances.
      throttle: {
        id: randomUUID(),
        retryAfterBaseValue: 10,
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
          events.secondary.push(retryAfter)
          return retryCount < 2
        },
        onRateLimit: (retryAfter: number) => {
          events.primary.push(retryAfter)
          return false
        }
      },
      retry: { retryAfterBaseValue: 10 }
    } as Parameters<typeof getOctokit>[1],
    throttling,
    retry
  )
}

describe('authentication and permissions (plain fetch)', () => {
  it('refuses an unknown token with 401 Bad credentials and records which token each request carried', async () => {
    const gh = await startEmulator()
    const bad = await api(gh, `/repos/${REPO}/issues`, { token: 'ghp_not_known', scheme: 'Bearer' })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ ...fixture('errors.json').bad_credentials.body })
    const good = await api(gh, `/repos/${REPO}/issues`, { scheme: 'Bearer' })
    expect(good.status).toBe(200)
    expect(gh.requests.map((r) => [r.token, r.scheme, r.status])).toEqual([
      ['ghp_not_known', 'bearer', 401],
      [gh.token, 'bearer', 200]
    ])
    expect(gh.tokensSeen()).toEqual(['ghp_not_known', gh.token])
  })

  it('a token without issues write reads, but every write gets 403 Resource not accessible by integration and changes nothing', async () => {
    const gh = await startEmulator()
    gh.setToken('ghs_readonly', { issuesWrite: false })
    gh.addIssue(REPO, { title: 'existing' })
    expect((await api(gh, `/repos/${REPO}/issues`, { token: 'ghs_readonly' })).status).toBe(200)
    for (const [method, path, body] of [
      ['POST', `/repos/${REPO}/issues`, { title: 'x' }],
      ['PATCH', `/repos/${REPO}/issues/1`, { state: 'closed' }],
      ['POST', `/repos/${REPO}/issues/1/comments`, { body: 'x' }],
      ['POST', `/repos/${REPO}/labels`, { name: 'x' }]
    ] as const) {
      const answer = await api(gh, path, { method, body, token: 'ghs_readonly' })
      expect(answer.status).toBe(403)
      expect(answer.headers.get('x-accepted-github-permissions')).toBe('issues=write')
      expect(((await answer.json()) as { message: string }).message).toBe(fixture('errors.json').not_accessible_by_integration.body.message)
    }
    expect(gh.listIssues(REPO)).toHaveLength(1)
    expect(gh.listIssues(REPO)[0]).toMatchObject({ state: 'open', comments: 0 })
    expect(gh.labels(REPO)).toEqual([])
  })

  it('answers 404 Not Found for a repository that does not exist or the token cannot see, and for a missing issue', async () => {
    const gh = await startEmulator()
    gh.addRepo('octo-org/other')
    gh.setToken('ghs_scoped', { repos: [REPO] })
    for (const [path, token] of [
      ['/repos/octo-org/missing/issues', gh.token],
      ['/repos/octo-org/other/issues', 'ghs_scoped'],
      [`/repos/${REPO}/issues/99`, gh.token]
    ] as const) {
      const answer = await api(gh, path, { token })
      expect(answer.status).toBe(404)
      expect(((await answer.json()) as { message: string }).message).toBe('Not Found')
    }
    // No token: a private repository is not found, for reads and writes alike (anonymous quota: 60).
    const anonymous = await api(gh, `/repos/${REPO}/issues`, { token: null })
    expect(anonymous.status).toBe(404)
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60')
    expect((await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't' }, token: null })).status).toBe(404)
  })

  it('refuses an X-GitHub-Api-Version GitHub does not have, and accepts 2022-11-28', async () => {
    const gh = await startEmulator()
    const send = (version: string) =>
      fetch(`${gh.apiUrl}/repos/${REPO}/issues`, { headers: { authorization: `token ${gh.token}`, 'x-github-api-version': version } })
    expect((await send('2022-11-28')).status).toBe(200)
    expect((await send('2021-01-01')).status).toBe(400)
  })
})

describe('issues (plain fetch)', () => {
  it('lists issues and pull requests (with a pull_request key) by state, labels (all must match), creator, sort and direction', async () => {
    const gh = await startEmulator()
    gh.addIssue(REPO, { title: 'a', labels: ['canary', 'prod'], user: 'alice', createdAt: '2026-01-01T00:00:00Z' })
    gh.addPullRequest(REPO, { title: 'pr', labels: ['canary'], createdAt: '2026-01-02T00:00:00Z' })
    gh.addIssue(REPO, { title: 'c', labels: ['canary'], state: 'closed', createdAt: '2026-01-03T00:00:00Z' })
    const list = async (query: string) => ((await (await api(gh, `/repos/${REPO}/issues${query}`)).json()) as Array<Json>).map((i) => i.title)
    expect(await list('')).toEqual(['pr', 'a'])
    expect(await list('?state=all')).toEqual(['c', 'pr', 'a'])
    expect(await list('?state=closed')).toEqual(['c'])
    expect(await list('?state=all&labels=canary,prod')).toEqual(['a'])
    expect(await list('?state=all&labels=CANARY')).toEqual(['c', 'pr', 'a'])
    expect(await list('?creator=alice')).toEqual(['a'])
    expect(await list('?state=all&direction=asc')).toEqual(['a', 'pr', 'c'])
    const [pr] = (await (await api(gh, `/repos/${REPO}/issues?labels=canary&creator=${'octo-org'}`)).json()) as Array<Json>
    expect(pr?.pull_request).toMatchObject({ url: `${gh.url}/repos/${REPO}/pulls/2`, html_url: `https://github.com/${REPO}/pull/2` })
    const [issue] = (await (await api(gh, `/repos/${REPO}/issues?creator=alice`)).json()) as Array<Json>
    expect('pull_request' in (issue ?? {})).toBe(false)
  })

  it('answers with every field of GitHub documented issue, pull request, comment and label examples', async () => {
    const gh = await startEmulator({ repo: undefined })
    gh.addRepo(REPO, { assignable: ['octocat'] })
    const created = (await (
      await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'Found a bug', body: "I'm having a problem with this.", labels: ['bug'], assignees: ['octocat'] } })
    ).json()) as Record<string, unknown>
    expectSameShape(created, fixture('issue.json').example)
    const pr = gh.addPullRequest(REPO, { title: 'pr' })
    expectSameShape(pr, fixture('issue-pull-request.json').example)
    const comment = (await (await api(gh, `/repos/${REPO}/issues/1/comments`, { method: 'POST', body: { body: 'Me too' } })).json()) as Record<string, unknown>
    expectSameShape(comment, fixture('issue-comment.json').example)
    const label = (await (await api(gh, `/repos/${REPO}/labels/bug`)).json()) as Record<string, unknown>
    expectSameShape(label, fixture('label.json').example)
  })

  it('pages with per_page (default 30, at most 100) and a Link header formatted as GitHub does (prev, next, last, first; /repositories/{id})', async () => {
    const gh = await startEmulator()
    for (let i = 1; i <= 205; i++) gh.addIssue(REPO, { title: `t${i}` })
    const first = await api(gh, `/repos/${REPO}/issues?state=open&per_page=250`)
    expect(((await first.json()) as unknown[]).length).toBe(100)
    const defaults = await api(gh, `/repos/${REPO}/issues`)
    expect(((await defaults.json()) as unknown[]).length).toBe(30)
    const middle = await api(gh, `/repos/${REPO}/issues?state=open&per_page=50&page=2`)
    gh.addRepo('octo-org/other')
    const repoId = ((await (await api(gh, `/repos/${REPO}`)).json()) as { id: number }).id
    const at = (page: number) => `<${gh.url}/repositories/${repoId}/issues?state=open&per_page=50&page=${page}>`
    expect(middle.headers.get('link')).toBe(`${at(1)}; rel="prev", ${at(3)}; rel="next", ${at(5)}; rel="last", ${at(1)}; rel="first"`)
    // GitHub's documented example has the same rel order and the same /repositories/{id} form.
    const documented = (fixture('link-header.json').example as string).replace(/<[^>]+>/g, '<>')
    expect(middle.headers.get('link')?.replace(/<[^>]+>/g, '<>')).toBe(documented)
    expect((fixture('link-header.json').example as string).includes('/repositories/')).toBe(true)
    // The Link URLs work (they are where octokit.paginate goes next).
    const next = (middle.headers.get('link') ?? '').match(/<([^>]+)>; rel="next"/)?.[1] ?? ''
    const page3 = await fetch(next, { headers: { authorization: `token ${gh.token}` } })
    expect(((await page3.json()) as Array<{ number: number }>)[0]?.number).toBe(105)
    const last = await api(gh, `/repos/${REPO}/issues?state=open&per_page=50&page=5`)
    expect(last.headers.get('link')).toBe(`${at(4)}; rel="prev", ${at(1)}; rel="first"`)
    const only = await api(gh, `/repos/octo-org/other/issues`)
    expect(only.headers.get('link')).toBeNull()
  })

  it('filters by since (ISO 8601) and refuses one that is not', async () => {
    const gh = await startEmulator()
    gh.addIssue(REPO, { title: 'old', updatedAt: '2026-01-01T00:00:00Z' })
    gh.addIssue(REPO, { title: 'new', updatedAt: '2026-03-01T00:00:00Z' })
    const titles = ((await (await api(gh, `/repos/${REPO}/issues?since=2026-02-01T00:00:00Z`)).json()) as Array<{ title: string }>).map((i) => i.title)
    expect(titles).toEqual(['new'])
    expect((await api(gh, `/repos/${REPO}/issues?since=yesterday`)).status).toBe(422)
  })

  it('creates an issue: title required, unknown labels created, unassignable assignee refused with 422', async () => {
    const gh = await startEmulator()
    const missing = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { body: 'no title' } })
    expect(missing.status).toBe(422)
    expect(((await missing.json()) as { errors: unknown[] }).errors).toEqual([{ resource: 'Issue', code: 'missing_field', field: 'title' }])
    const badAssignee = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't', assignees: ['nobody'] } })
    expect(badAssignee.status).toBe(422)
    expect(((await badAssignee.json()) as { errors: unknown[] }).errors).toEqual(fixture('errors.json').invalid_assignee.body.errors)
    const created = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'Canary tripped', body: 'b', labels: ['canary', { name: 'security' }] } })
    expect(created.status).toBe(201)
    const issue = (await created.json()) as Json
    expect(created.headers.get('location')).toBe(issue.url)
    expect(issue).toMatchObject({ number: 1, state: 'open', state_reason: null, user: { login: 'github-actions[bot]', type: 'Bot' } })
    expect(issue.labels.map((l: { name: string }) => l.name)).toEqual(['canary', 'security'])
    expect(gh.labels(REPO).map((l) => l.name)).toEqual(['canary', 'security'])
    // Nothing was created by the refused requests.
    expect(gh.listIssues(REPO)).toHaveLength(1)
  })

  it('silently drops labels and assignees from a creator without push access, as documented', async () => {
    const gh = await startEmulator()
    gh.setToken('ghs_triage', { push: false })
    const created = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', token: 'ghs_triage', body: { title: 't', labels: ['canary'], assignees: ['nobody'] } })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ labels: [], assignees: [] })
    expect(gh.labels(REPO)).toEqual([])
  })

  it('refuses a body over 65536 code points (an emoji counts one) and a title over 256, in GitHub words', async () => {
    const gh = await startEmulator()
    const errors = fixture('errors.json')
    const tooLong = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't', body: 'a'.repeat(65537) } })
    expect(tooLong.status).toBe(422)
    const refused = (await tooLong.json()) as Record<string, unknown>
    expect(refused.message).toBe('Validation Failed')
    expect(refused.errors).toEqual(errors.issue_body_too_long.body.errors)
    // 65536 emoji: 131072 UTF-16 units, 65536 code points, which GitHub (Ruby String#length) counts.
    expect((await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't', body: '🐤'.repeat(65536) } })).status).toBe(201)
    expect((await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't', body: `${'🐤'.repeat(65536)}a` } })).status).toBe(422)
    const title = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'x'.repeat(257) } })
    expect(((await title.json()) as { errors: unknown[] }).errors).toEqual(errors.issue_title_too_long.body.errors)
    const patch = await api(gh, `/repos/${REPO}/issues/1`, { method: 'PATCH', body: { body: 'a'.repeat(65537) } })
    expect(patch.status).toBe(422)
    const comment = await api(gh, `/repos/${REPO}/issues/1/comments`, { method: 'POST', body: { body: 'a'.repeat(65537) } })
    expect(comment.status).toBe(422)
    expect(((await comment.json()) as { errors: unknown[] }).errors).toEqual(errors.comment_body_too_long.body.errors)
    expect(gh.comments(REPO, 1)).toEqual([])
    expect(gh.listIssues(REPO)).toHaveLength(1)
  })

  it('closes and reopens with PATCH (state_reason), replaces labels, and the closeIssue hook closes as the web UI would', async () => {
    const gh = await startEmulator({ now: () => Date.parse('2026-05-01T12:00:00Z') })
    gh.addIssue(REPO, { title: 'one', labels: ['canary'] })
    gh.addIssue(REPO, { title: 'two' })
    const closed = (await (await api(gh, `/repos/${REPO}/issues/1`, { method: 'PATCH', body: { state: 'closed', state_reason: 'not_planned', labels: ['done'] } })).json()) as Json
    expect(closed).toMatchObject({ state: 'closed', state_reason: 'not_planned', closed_at: '2026-05-01T12:00:00Z', closed_by: { login: 'github-actions[bot]' } })
    expect(closed.labels.map((l: { name: string }) => l.name)).toEqual(['done'])
    const reopened = (await (await api(gh, `/repos/${REPO}/issues/1`, { method: 'PATCH', body: { state: 'open' } })).json()) as Json
    expect(reopened).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null })
    expect((await api(gh, `/repos/${REPO}/issues/1`, { method: 'PATCH', body: { state: 'shut' } })).status).toBe(422)
    gh.closeIssue(REPO, 2)
    expect(gh.listIssues(REPO).map((i) => [i.number, i.state, i.state_reason])).toEqual([
      [1, 'open', 'reopened'],
      [2, 'closed', 'completed']
    ])
  })

  it('comments: create, get, update, and list with paging and Link', async () => {
    const gh = await startEmulator()
    gh.addIssue(REPO, { title: 'one' })
    for (let i = 1; i <= 3; i++) expect((await api(gh, `/repos/${REPO}/issues/1/comments`, { method: 'POST', body: { body: `c${i}` } })).status).toBe(201)
    const page = await api(gh, `/repos/${REPO}/issues/1/comments?per_page=2`)
    expect(((await page.json()) as Array<{ body: string }>).map((c) => c.body)).toEqual(['c1', 'c2'])
    expect(page.headers.get('link')).toContain('rel="next"')
    const [first] = gh.comments(REPO, 1)
    const edited = await api(gh, `/repos/${REPO}/issues/comments/${first?.id}`, { method: 'PATCH', body: { body: 'edited' } })
    expect(await edited.json()).toMatchObject({ id: first?.id, body: 'edited' })
    expect(await (await api(gh, `/repos/${REPO}/issues/comments/${first?.id}`)).json()).toMatchObject({ body: 'edited' })
    expect((await api(gh, `/repos/${REPO}/issues/comments/1`)).status).toBe(404)
    expect(gh.listIssues(REPO)[0]?.comments).toBe(3)
  })

  it('labels: create (duplicate refused), get by name, add to an issue (unknown ones created)', async () => {
    const gh = await startEmulator()
    gh.addIssue(REPO, { title: 'one' })
    expect((await api(gh, `/repos/${REPO}/labels`, { method: 'POST', body: { name: 'canary', color: 'ff0000', description: 'tripwire' } })).status).toBe(201)
    const dup = await api(gh, `/repos/${REPO}/labels`, { method: 'POST', body: { name: 'Canary' } })
    expect(dup.status).toBe(422)
    expect(((await dup.json()) as { errors: unknown[] }).errors).toEqual([{ resource: 'Label', code: 'already_exists', field: 'name' }])
    expect(await (await api(gh, `/repos/${REPO}/labels/canary`)).json()).toMatchObject({ name: 'canary', color: 'ff0000', description: 'tripwire' })
    expect((await api(gh, `/repos/${REPO}/labels/nope`)).status).toBe(404)
    const added = await api(gh, `/repos/${REPO}/issues/1/labels`, { method: 'POST', body: { labels: ['canary', 'new one'] } })
    expect(((await added.json()) as Array<{ name: string }>).map((l) => l.name)).toEqual(['canary', 'new one'])
    expect(((await (await api(gh, `/repos/${REPO}/labels`)).json()) as Array<{ name: string }>).map((l) => l.name)).toEqual(['canary', 'new one'])
    const set = await api(gh, `/repos/${REPO}/issues/1/labels`, { method: 'PUT', body: { labels: ['triaged'] } })
    expect(((await set.json()) as Array<{ name: string }>).map((l) => l.name)).toEqual(['triaged'])
    const removed = await api(gh, `/repos/${REPO}/issues/1/labels/triaged`, { method: 'DELETE' })
    expect(await removed.json()).toEqual([])
    expect((await api(gh, `/repos/${REPO}/issues/1/labels/triaged`, { method: 'DELETE' })).status).toBe(404)
  })
})

describe('search (plain fetch)', () => {
  const search = async (gh: GitHubEmulator, q: string) => {
    const answer = await api(gh, `/search/issues?q=${encodeURIComponent(q)}`)
    return { status: answer.status, headers: answer.headers, body: (await answer.json()) as Json }
  }

  it('sees an issue written through the API only after the search lag, and answers in GitHub shape', async () => {
    const gh = await startEmulator({ searchLagMs: 150 })
    await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'Canary token tripped', body: 'token id cafe1234', labels: ['canary'] } })
    const q = `repo:${REPO} is:issue is:open label:canary in:body cafe1234`
    const soon = await search(gh, q)
    expect(soon.status).toBe(200)
    expect(soon.body).toEqual({ total_count: 0, incomplete_results: false, items: [] })
    expect(soon.headers.get('x-ratelimit-resource')).toBe('search')
    let later = soon
    for (let i = 0; i < 50 && later.body.total_count === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      later = await search(gh, q)
    }
    expect(later.body.total_count).toBe(1)
    expectSameShape(later.body, fixture('search-issues.json').example)
    // Terms must all match; in:body does not look at the title; closed issues are not is:open.
    expect((await search(gh, `repo:${REPO} is:issue in:body tripped`)).body.total_count).toBe(0)
    expect((await search(gh, `repo:${REPO} is:issue label:other cafe1234`)).body.total_count).toBe(0)
    expect((await search(gh, `repo:${REPO} is:pr cafe1234`)).body.total_count).toBe(0)
    // Whole words, not substrings; a quoted phrase in a row; an unknown qualifier is text, not ignored.
    expect((await search(gh, `repo:${REPO} is:issue cafe`)).body.total_count).toBe(0)
    expect((await search(gh, `repo:${REPO} is:issue "id cafe1234"`)).body.total_count).toBe(1)
    expect((await search(gh, `repo:${REPO} is:issue "cafe1234 id"`)).body.total_count).toBe(0)
    expect((await search(gh, `repo:${REPO} is:issue token:cafe1234`)).body.total_count).toBe(1)
    expect((await search(gh, `repo:${REPO} is:issue canarytoken:cafe1234`)).body.total_count).toBe(0)
    expect((await search(gh, `repo:${REPO} is:issue -cafe1234`)).body.total_count).toBe(0)
  })

  it('never sees writes in the never-searchable mode, sees them after flushSearchIndex, and test-hook issues at once', async () => {
    const gh = await startEmulator()
    gh.searchLag(Infinity)
    gh.addIssue(REPO, { title: 'seeded', body: 'marker-1' })
    await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'written', body: 'marker-2' } })
    expect((await search(gh, `repo:${REPO} is:issue marker-1`)).body.total_count).toBe(1)
    expect((await search(gh, `repo:${REPO} is:issue marker-2`)).body.total_count).toBe(0)
    // A closed issue stays open in the index until the index catches up.
    gh.closeIssue(REPO, 1)
    expect((await search(gh, `repo:${REPO} is:issue is:open marker-1`)).body.total_count).toBe(1)
    gh.flushSearchIndex()
    expect((await search(gh, `repo:${REPO} is:issue marker-2`)).body.total_count).toBe(1)
    expect((await search(gh, `repo:${REPO} is:issue is:open marker-1`)).body.total_count).toBe(0)
  })

  it('refuses a query without is:issue or is:pull-request, and an unknown repository, as GitHub does', async () => {
    const gh = await startEmulator()
    const errors = fixture('errors.json')
    const bare = await search(gh, `repo:${REPO} canary`)
    expect(bare.status).toBe(422)
    expect(bare.body.message).toBe(errors.search_needs_is_issue.body.message)
    const unknown = await search(gh, 'repo:octo-org/missing is:issue canary')
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors).toEqual(errors.search_unknown_repo.body.errors)
  })
})

describe('rate limits and faults (plain fetch)', () => {
  it('sends x-ratelimit-* on every answer and refuses with 403 and remaining 0 when the primary limit is used up', async () => {
    const gh = await startEmulator({ coreLimit: 10 })
    const answer = await api(gh, `/repos/${REPO}/issues`)
    expect(Object.fromEntries(['limit', 'remaining', 'used', 'resource'].map((k) => [k, answer.headers.get(`x-ratelimit-${k}`)]))).toEqual({
      limit: '10',
      remaining: '9',
      used: '1',
      resource: 'core'
    })
    expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
    gh.setRateLimit({ remaining: 0 })
    const refused = await api(gh, `/repos/${REPO}/issues`)
    expect(refused.status).toBe(403)
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(((await refused.json()) as { message: string }).message).toMatch(/^API rate limit exceeded for /)
  })

  it('secondary rate limit: the next N writes get 403 with retry-after and GitHub message; reads pass; nothing is written', async () => {
    const gh = await startEmulator()
    const rule = gh.secondaryRateLimit({ nextWrites: 1, retryAfter: 7 })
    expect((await api(gh, `/repos/${REPO}/issues`)).status).toBe(200)
    const refused = await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't' } })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('retry-after')).toBe('7')
    // The primary headers say there is quota left: this is not the primary limit.
    expect(Number(refused.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { message: string }).message).toMatch(/\bsecondary rate\b/i)
    expect(rule.hits).toBe(1)
    expect(gh.listIssues(REPO)).toEqual([])
    expect((await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 't' } })).status).toBe(201)
  })

  it('secondary rate limit by window: more than K content-creating requests in the window get 429', async () => {
    const gh = await startEmulator()
    gh.secondaryRateLimit({ maxWrites: 2, windowMs: 60000, status: 429 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: `t${i}` } })).status)
    expect(statuses).toEqual([201, 201, 429, 429])
    expect(gh.listIssues(REPO)).toHaveLength(2)
  })

  it('injects 5xx answers, delays and connection resets, then answers normally', async () => {
    const gh = await startEmulator()
    gh.injectFault({ path: `/repos/${REPO}/issues`, status: 502, times: 2 })
    expect((await api(gh, `/repos/${REPO}/issues`)).status).toBe(502)
    expect((await api(gh, `/repos/${REPO}/issues`)).status).toBe(502)
    expect((await api(gh, `/repos/${REPO}/issues`)).status).toBe(200)
    gh.injectFault({ method: 'POST', path: /\/issues$/, reset: true })
    await expect(api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'lost' } })).rejects.toThrow()
    expect(gh.listIssues(REPO)).toEqual([])
    gh.injectFault({ method: 'POST', path: /\/issues$/, status: 500, afterAction: true })
    expect((await api(gh, `/repos/${REPO}/issues`, { method: 'POST', body: { title: 'written, answer lost' } })).status).toBe(500)
    expect(gh.listIssues(REPO).map((i) => i.title)).toEqual(['written, answer lost'])
  })

  it('serves only under /api/v3 in GHES mode, with Link URLs under the prefix', async () => {
    const gh = await startEmulator({ paths: 'ghes' })
    for (let i = 0; i < 3; i++) gh.addIssue(REPO, { title: `t${i}` })
    expect(gh.apiUrl).toBe(`${gh.url}/api/v3`)
    expect(gh.listIssues(REPO)[0]?.url).toBe(`${gh.url}/api/v3/repos/${REPO}/issues/1`)
    expect((await fetch(`${gh.url}/repos/${REPO}/issues`, { headers: { authorization: `token ${gh.token}` } })).status).toBe(404)
    const answer = await api(gh, `/repos/${REPO}/issues?per_page=1`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('link')).toMatch(new RegExp(`^<${gh.url}/api/v3/repositories/\\d+/issues\\?per_page=1&page=2>; rel="next"`))
    expect(gh.requests.map((r) => [r.prefix, r.route])).toEqual([
      ['', `/repos/${REPO}/issues`],
      ['/api/v3', `/repos/${REPO}/issues`]
    ])
  })
})

describe('with Octokit (@actions/github getOctokit + plugin-throttling + plugin-retry)', () => {
  it('octokit.paginate walks every page through the Link header, pull requests included', async () => {
    const gh = await startEmulator()
    for (let i = 1; i <= 7; i++) {
      if (i % 3 === 0) gh.addPullRequest(REPO, { title: `pr${i}` })
      else gh.addIssue(REPO, { title: `i${i}` })
    }
    const octokit = octokitFor(gh, { secondary: [], primary: [] })
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'octo-org', repo: 'octo-repo', state: 'all', per_page: 2 })
    expect(all.map((i) => i.number)).toEqual([7, 6, 5, 4, 3, 2, 1])
    expect(all.filter((i) => i.pull_request).map((i) => i.number)).toEqual([6, 3])
    expect(gh.requests.filter((r) => r.method === 'GET')).toHaveLength(4)
    // Pages after the first follow GitHub's /repositories/{id} links.
    expect(gh.requests.slice(1).every((r) => r.route.startsWith('/repositories/'))).toBe(true)
    expect(gh.tokensSeen()).toEqual([gh.token])
  })

  it('a 422 for a long body comes back as a RequestError with GitHub errors, and is not retried', async () => {
    const gh = await startEmulator()
    const octokit = octokitFor(gh, { secondary: [], primary: [] })
    const failure = await octokit.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 't', body: 'x'.repeat(65537) }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ status: 422 })
    expect((failure as { response: { data: { errors: unknown[] } } }).response.data.errors).toEqual(fixture('errors.json').issue_body_too_long.body.errors)
    expect(gh.requests).toHaveLength(1)
  })

  it('the throttling plugin waits out a secondary rate limit (retry-after) and retries; the issue is created once', async () => {
    const gh = await startEmulator()
    gh.secondaryRateLimit({ nextWrites: 1, retryAfter: 2 })
    const events = { secondary: [] as number[], primary: [] as number[] }
    const octokit = octokitFor(gh, events)
    const created = await octokit.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 'Canary tripped' })
    expect(created.status).toBe(201)
    expect(events.secondary).toEqual([2])
    expect(gh.requests.map((r) => [r.method, r.status])).toEqual([
      ['POST', 403],
      ['POST', 201]
    ])
    expect(gh.listIssues(REPO).map((i) => i.title)).toEqual(['Canary tripped'])
  })

  it('the retry plugin retries a 502 and gives up on 401 and 403 at once', async () => {
    const gh = await startEmulator()
    gh.setToken('ghs_readonly', { issuesWrite: false })
    gh.injectFault({ path: `/repos/${REPO}/issues`, status: 502 })
    const octokit = octokitFor(gh, { secondary: [], primary: [] })
    expect((await octokit.rest.issues.listForRepo({ owner: 'octo-org', repo: 'octo-repo' })).status).toBe(200)
    expect(gh.requests.map((r) => r.status)).toEqual([502, 200])
    gh.clearRequests()
    const unknown = octokitFor(gh, { secondary: [], primary: [] }, 'ghp_unknown')
    await expect(unknown.rest.issues.listForRepo({ owner: 'octo-org', repo: 'octo-repo' })).rejects.toMatchObject({ status: 401 })
    const readOnly = octokitFor(gh, { secondary: [], primary: [] }, 'ghs_readonly')
    await expect(readOnly.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 't' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    })
    expect(gh.requests.map((r) => r.status)).toEqual([401, 403])
  })

  it('the throttling plugin reports a used-up primary limit (x-ratelimit-remaining 0) to onRateLimit', async () => {
    const gh = await startEmulator()
    gh.setRateLimit({ remaining: 0, resetInSeconds: 30 })
    const events = { secondary: [] as number[], primary: [] as number[] }
    const octokit = octokitFor(gh, events)
    await expect(octokit.rest.issues.listForRepo({ owner: 'octo-org', repo: 'octo-repo' })).rejects.toMatchObject({ status: 403 })
    expect(events.primary).toHaveLength(1)
    expect(events.primary[0]).toBeGreaterThanOrEqual(29)
    expect(events.secondary).toEqual([])
  })

  it('search through Octokit lags behind a write made through Octokit', async () => {
    const gh = await startEmulator({ searchLagMs: 60000 })
    const octokit = octokitFor(gh, { secondary: [], primary: [] })
    await octokit.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 't', body: 'needle-42' })
    const q = `repo:${REPO} is:issue in:body needle-42`
    expect((await octokit.rest.search.issuesAndPullRequests({ q })).data.total_count).toBe(0)
    gh.flushSearchIndex()
    expect((await octokit.rest.search.issuesAndPullRequests({ q })).data.items.map((i) => i.number)).toEqual([1])
  })
})

describe('the CLI (npm run emulator:github)', () => {
  it('serves the repository to the token and prints one line per request without any token value', async () => {
    const cli = fileURLToPath(new URL('../emulator/github/cli.mjs', import.meta.url))
    const token = 'ghs_cli_secret_value_5f3a'
    const child = spawn(process.execPath, [cli, '--port', '0', '--token', token, '--repo', REPO, '--search-lag-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
      const { apiUrl } = JSON.parse(chunk.toString('utf8').split('\n')[0] as string) as { apiUrl: string }
      const created = await fetch(`${apiUrl}/repos/${REPO}/issues`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 't' })
      })
      expect(created.status).toBe(201)
      expect((await fetch(`${apiUrl}/repos/${REPO}/issues?state=all`, { headers: { authorization: 'token wrong' } })).status).toBe(401)
      for (let i = 0; i < 50 && stderr.split('\n').length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      const lines = stderr.trim().split('\n')
      expect(lines[0]).toMatch(/ POST \/repos\/octo-org\/octo-repo\/issues -> 201 \(known token \(bearer\)\)$/)
      expect(lines[1]).toMatch(/ GET \/repos\/octo-org\/octo-repo\/issues \[state\] -> 401 \(UNKNOWN token\)$/)
      expect(stderr).not.toContain(token)
      expect(stderr).not.toContain('wrong')
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
    }
  })
})
