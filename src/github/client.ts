import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { errorMessage } from '../errors.js'

// GitHub's issues and comments through @actions/github (Octokit), with
// GitHub's own limits honoured: secondary rate limits (403/429 with
// retry-after or x-ratelimit-reset) waited out and retried by
// @octokit/plugin-throttling, 5xx retried by @octokit/plugin-retry. Only
// report-incidents imports this module (dynamically), so no other
// operation's start-up loads Octokit. The token is sent to the GitHub API
// the step names (GITHUB_API_URL) and nowhere else, Link-header pages
// included.

export interface GitHubLog {
  info(message: string): void
  warning(message: string): void
}

export interface Repository {
  owner: string
  repo: string
}

/** An issue as report-incidents needs it (never a pull request: those are left out as they are listed). */
export interface Issue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  url: string
  author?: string
  /** The author is a GitHub App's bot (the job's GITHUB_TOKEN writes as github-actions[bot]): no outsider can write as one. */
  authorIsBot: boolean
  labels: string[]
}

export interface Comment {
  id: number
  body: string
  author?: string
  url: string
}

/** A GitHub call that failed, with GitHub's own answer. */
export class GitHubError extends Error {
  override readonly name = 'GitHubError'
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

interface Options {
  token: string
  apiUrl: string
  repository: Repository
  log: GitHubLog
  /** How many times a secondary (or primary, when short) rate limit is waited out for one request. */
  rateLimitRetries?: number
  /** plugin-retry's retries for 5xx and lost answers. */
  retries?: number
}

/** The longest primary-limit wait taken; a longer reset fails the step with GitHub's message (the next run goes on). */
const LONGEST_PRIMARY_WAIT_SECONDS = 120

type Octokit = ReturnType<typeof getOctokit>

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Octokit's issue answers are read field by field
type Json = any

function issueOf(raw: Json): Issue {
  return {
    number: raw.number,
    title: String(raw.title ?? ''),
    body: typeof raw.body === 'string' ? raw.body : '',
    state: raw.state === 'closed' ? 'closed' : 'open',
    url: String(raw.html_url ?? ''),
    author: raw.user?.login,
    authorIsBot: raw.user?.type === 'Bot',
    labels: Array.isArray(raw.labels) ? raw.labels.map((label: Json) => (typeof label === 'string' ? label : String(label?.name ?? ''))) : []
  }
}

function commentOf(raw: Json): Comment {
  return { id: raw.id, body: typeof raw.body === 'string' ? raw.body : '', author: raw.user?.login, url: String(raw.html_url ?? '') }
}

export class GitHubIssues {
  private readonly octokit: Octokit
  private readonly apiUrl: URL
  readonly description: string

  constructor(private readonly options: Options) {
    this.apiUrl = new URL(options.apiUrl.replace(/\/+$/, ''))
    this.description = `GitHub at ${this.apiUrl.origin}${this.apiUrl.pathname === '/' ? '' : this.apiUrl.pathname}`
    const { log } = options
    const rateLimitRetries = options.rateLimitRetries ?? 3
    this.octokit = getOctokit(
      options.token,
      {
        baseUrl: this.apiUrl.href.replace(/\/+$/, ''),
        throttle: {
          onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
            const waiting = retryCount < rateLimitRetries && retryAfter <= LONGEST_PRIMARY_WAIT_SECONDS
            log.warning(`GitHub's rate limit was reached (${request.method} ${request.url}); ${waiting ? `waiting ${retryAfter} s as GitHub asks, then trying again` : 'not waiting that long'}.`)
            return waiting
          },
          onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
            const waiting = retryCount < rateLimitRetries
            log.warning(`GitHub's secondary rate limit was hit (${request.method} ${request.url}); ${waiting ? `waiting ${retryAfter} s as GitHub asks, then trying again` : 'giving up on this request'}.`)
            return waiting
          }
        },
        retry: { retries: options.retries ?? 2 }
      },
      throttling,
      retry
    )
    // The token goes to this API only: a Link header (or anything else) naming another origin is refused before it is sent.
    this.octokit.hook.before('request', (request: { url: string; baseUrl?: string; request?: Record<string, unknown> }) => {
      // Each call counts its own retries: the plugins write retryCount into the request options, which Octokit's
      // defaults share between calls, so a call after a failed one began with that one's count (a 422 sent once
      // read "after 2 attempts"). This hook wraps the plugins, so it runs once per call, before its first attempt.
      request.request = { ...request.request, retryCount: 0 }
      if (!/^https?:\/\//i.test(request.url)) return
      const target = new URL(request.url)
      const prefix = this.apiUrl.pathname.replace(/\/+$/, '')
      if (target.origin !== this.apiUrl.origin || !(target.pathname === prefix || target.pathname.startsWith(`${prefix}/`) || prefix === '')) {
        throw new GitHubError(`refused to send the GitHub token to ${target.origin}${target.pathname}: it goes only to ${this.description} (GITHUB_API_URL)`)
      }
    })
  }

  private get repo(): Repository {
    return this.options.repository
  }

  /** Runs a call, turning Octokit's failure into one that names what was tried, where, and GitHub's answer. */
  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (error instanceof GitHubError) throw error
      const status = (error as { status?: number }).status
      const response = (error as { response?: { data?: Json } }).response
      const data = response?.data
      const message = typeof data?.message === 'string' ? data.message : errorMessage(error)
      const details = Array.isArray(data?.errors) ? data.errors.map((item: Json) => (typeof item === 'string' ? item : item?.message ?? `${item?.field ?? ''} ${item?.code ?? ''}`.trim())).filter(Boolean) : []
      const retried = Number((error as { request?: { request?: { retryCount?: number } } }).request?.request?.retryCount ?? 0)
      const full = `${message.replace(/\.$/, '')}${details.length > 0 ? ` (${details.join('; ')})` : ''}${retried > 0 ? ` (after ${retried + 1} attempts)` : ''}`
      throw new GitHubError(`${what} in ${this.repo.owner}/${this.repo.repo} on ${this.description} failed: ${status ? `HTTP ${status}: ` : ''}${full}${hint(status, full)}`, status)
    }
  }

  /**
   * The login the token writes as, when it is a person's token; undefined for
   * an installation token (the job's GITHUB_TOKEN, a GitHub App's), which
   * GitHub does not let read /user: those write as a bot.
   */
  async login(): Promise<string | undefined> {
    try {
      const answer = await this.octokit.rest.users.getAuthenticated()
      return typeof answer.data.login === 'string' ? answer.data.login : undefined
    } catch (error) {
      if ((error as { status?: number }).status === 403) return undefined
      return this.call('Reading who the token is', () => Promise.reject(error))
    }
  }

  /** Every issue of the repository, open and closed, oldest first; pull requests (which the listing returns too) are left out. */
  async *issues(): AsyncGenerator<Issue> {
    const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listForRepo, { ...this.repo, state: 'all', sort: 'created', direction: 'asc', per_page: 100 })
    const iterator = pages[Symbol.asyncIterator]()
    for (;;) {
      const page = await this.call('Listing the issues', () => iterator.next())
      if (page.done) return
      for (const raw of page.value.data as Json[]) if (!raw.pull_request) yield issueOf(raw)
    }
  }

  /** The newest issues (one page): what overlapping runs may have just written. */
  async recentIssues(): Promise<Issue[]> {
    const answer = await this.call('Listing the newest issues', () =>
      this.octokit.rest.issues.listForRepo({ ...this.repo, state: 'all', sort: 'created', direction: 'desc', per_page: 100 })
    )
    return (answer.data as Json[]).filter((raw) => !raw.pull_request).map(issueOf)
  }

  async comments(number: number): Promise<Comment[]> {
    const comments: Comment[] = []
    const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, { ...this.repo, issue_number: number, per_page: 100 })
    const iterator = pages[Symbol.asyncIterator]()
    for (;;) {
      const page = await this.call(`Reading the comments of issue #${number}`, () => iterator.next())
      if (page.done) return comments
      for (const raw of page.value.data as Json[]) comments.push(commentOf(raw))
    }
  }

  /** GitHub refused the assignees once: this run's later issues go without them (see createIssue). */
  private assigneesRefused = false

  /**
   * Opens an issue. When GitHub refuses its assignees (422: a login that
   * cannot be assigned, a typo, someone who left), the issue is opened
   * without them, and so is every later one in this run, with one warning
   * that names 'assignees': an alert nobody is assigned to reaches the team,
   * one that is not opened does not. A 422 means nothing was created, so
   * asking again cannot open the issue twice.
   */
  async createIssue(issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<Issue> {
    const assignees = this.assigneesRefused ? [] : issue.assignees
    try {
      const answer = await this.call('Creating an issue', () => this.octokit.rest.issues.create({ ...this.repo, ...issue, assignees }))
      return issueOf(answer.data)
    } catch (error) {
      if (!(error instanceof GitHubError) || error.status !== 422 || assignees.length === 0 || !/\bassignees?\b/i.test(error.message)) throw error
      this.assigneesRefused = true
      this.options.log.warning(`${error.message} This issue and every later one in this run are opened without assignees.`)
      const answer = await this.call('Creating an issue', () => this.octokit.rest.issues.create({ ...this.repo, ...issue, assignees: [] }))
      return issueOf(answer.data)
    }
  }

  async updateIssue(number: number, change: { body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' | 'not_planned' }): Promise<Issue> {
    const answer = await this.call(`Updating issue #${number}`, () => this.octokit.rest.issues.update({ ...this.repo, issue_number: number, ...change }))
    return issueOf(answer.data)
  }

  async comment(number: number, body: string): Promise<Comment> {
    const answer = await this.call(`Commenting on issue #${number}`, () => this.octokit.rest.issues.createComment({ ...this.repo, issue_number: number, body }))
    return commentOf(answer.data)
  }

  async updateComment(id: number, body: string): Promise<Comment> {
    const answer = await this.call(`Updating comment ${id}`, () => this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: id, body }))
    return commentOf(answer.data)
  }
}

/** What to check, by GitHub's status. */
function hint(status: number | undefined, message: string): string {
  if (status === 401) return ". Check 'github-token': GitHub does not accept it."
  if (status === 403 && /not accessible|permission/i.test(message)) return ". The token may not write issues: give the job 'permissions: issues: write', or pass a 'github-token' that may."
  if (status === 404) return ". Check 'repository', and that 'github-token' can see it."
  if (status === 422 && /\bassignees?\b/i.test(message)) return ". Check 'assignees': each must be a login that can be assigned issues in the repository (someone with access to it)."
  if (status === 410) return '. Issues are turned off in this repository.'
  return '.'
}
