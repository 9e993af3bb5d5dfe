// The GitHub stand-in's model: repositories, issues (pull requests are issues
// with a `pull_request` key, as GitHub lists them), comments, labels and a
// search index that lags. Written from GitHub's REST documentation (issues,
// issue comments, labels, search) and the error bodies GitHub is seen to send;
// see README.md for where each behaviour comes from. Standard library only.
import { createHash } from 'node:crypto'

/** GitHub's limit on an issue or comment body: "body is too long (maximum is 65536 characters)". */
export const MAX_BODY_LENGTH = 65536
/** GitHub's limit on an issue title: "title is too long (maximum is 256 characters)". */
export const MAX_TITLE_LENGTH = 256

const DOCS = 'https://docs.github.com/rest'

/**
 * Length as GitHub's validations count it: Ruby `String#length` on UTF-8 text,
 * that is Unicode code points (an emoji outside the BMP counts 1, not the 2 UTF-16
 * units JavaScript's `.length` gives). See README.md, "Body length".
 * @param {string} text
 */
export function codePointLength(text) {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    count++
  }
  return count
}

/** An answer the routes turn into a GitHub error body. */
export class GitHubError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {{ errors?: unknown[], documentationUrl?: string, headers?: Record<string, string> }} [extra]
   */
  constructor(status, message, extra = {}) {
    super(message)
    this.status = status
    this.errors = extra.errors
    this.documentationUrl = extra.documentationUrl ?? DOCS
    this.headers = extra.headers ?? {}
  }
}

/** 422 Validation Failed with GitHub's `errors` array. @param {unknown[]} errors @param {string} [documentationUrl] */
export function validationFailed(errors, documentationUrl) {
  return new GitHubError(422, 'Validation Failed', { errors, documentationUrl })
}

/**
 * A stable pseudo node_id (GitHub's are opaque base64-ish strings).
 * @param {string} prefix @param {string} text
 */
function nodeId(prefix, text) {
  return `${prefix}_${createHash('sha256').update(text).digest('base64url').slice(0, 16)}`
}

/**
 * @typedef {object} User
 * @property {string} login
 * @property {number} id
 * @property {'User' | 'Bot'} type
 */

/**
 * @typedef {object} Label
 * @property {number} id
 * @property {string} name
 * @property {string} color
 * @property {string | null} description
 * @property {boolean} default
 */

/**
 * @typedef {object} Comment
 * @property {number} id
 * @property {number} issueNumber
 * @property {string} body
 * @property {User} user
 * @property {number} createdAt epoch ms
 * @property {number} updatedAt epoch ms
 */

/**
 * @typedef {object} Issue
 * @property {number} id
 * @property {number} number
 * @property {string} title
 * @property {string | null} body
 * @property {User} user
 * @property {Label[]} labels
 * @property {'open' | 'closed'} state
 * @property {string | null} stateReason
 * @property {User[]} assignees
 * @property {boolean} locked
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {number | null} closedAt
 * @property {User | null} closedBy
 * @property {boolean} isPullRequest
 * @property {Comment[]} comments
 */

/**
 * @typedef {object} Repo
 * @property {number} id
 * @property {string} owner
 * @property {string} name
 * @property {string} fullName
 * @property {boolean} private
 * @property {Set<string>} assignable lower-case logins that can be assigned
 * @property {Map<string, Label>} labels by lower-case name
 * @property {Issue[]} issues by number - 1
 */

/**
 * One indexed version of an issue (or a comment) and when search starts seeing it.
 * @typedef {{ issue: Issue, title: string, body: string, comments: string[], labels: string[], state: string, author: string, visibleAt: number }} IndexEntry
 */

export class GitHubState {
  /** @type {Map<string, Repo>} by lower-case full name */
  repos = new Map()
  /** @type {Map<number, Repo>} */
  reposById = new Map()
  /** @type {Map<string, User>} */
  users = new Map()
  /** @type {Map<number, { repo: Repo, issue: Issue, comment: Comment }>} */
  commentsById = new Map()
  /** Search index: the newest entries per issue id, oldest first. @type {Map<number, IndexEntry[]>} */
  index = new Map()
  #nextId = 1000
  #nextCommentId = 5000000

  /**
   * @param {{ now: () => number, searchLagMs: number, maxBodyLength: number, maxTitleLength: number }} options
   */
  constructor(options) {
    this.now = options.now
    this.searchLagMs = options.searchLagMs
    this.maxBodyLength = options.maxBodyLength
    this.maxTitleLength = options.maxTitleLength
  }

  /** @param {string} login @param {'User' | 'Bot'} [type] */
  user(login, type) {
    const key = login.toLowerCase()
    let user = this.users.get(key)
    if (!user) {
      user = { login, id: this.#nextId++, type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') }
      this.users.set(key, user)
    }
    return user
  }

  /**
   * @param {string} fullName owner/name
   * @param {{ private?: boolean, assignable?: string[], labels?: Array<string | { name: string, color?: string, description?: string }> }} [options]
   */
  addRepo(fullName, options = {}) {
    const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(fullName)
    if (!match) throw new Error(`addRepo needs owner/name, not '${fullName}'`)
    if (this.repos.has(fullName.toLowerCase())) throw new Error(`repository ${fullName} exists already`)
    const [, owner, name] = /** @type {[string, string, string]} */ (match)
    /** @type {Repo} */
    const repo = {
      id: this.#nextId++,
      owner,
      name,
      fullName,
      private: options.private ?? true,
      assignable: new Set([owner, ...(options.assignable ?? [])].map((login) => login.toLowerCase())),
      labels: new Map(),
      issues: []
    }
    this.repos.set(fullName.toLowerCase(), repo)
    this.reposById.set(repo.id, repo)
    for (const label of options.labels ?? []) this.createLabel(repo, typeof label === 'string' ? { name: label } : label)
    return repo
  }

  /** @param {string} fullName */
  repo(fullName) {
    const repo = this.repos.get(fullName.toLowerCase())
    if (!repo) throw new Error(`no repository ${fullName}: addRepo first`)
    return repo
  }

  /** @param {Repo} repo @param {{ name: string, color?: string, description?: string | null }} spec */
  createLabel(repo, spec) {
    const label = {
      id: this.#nextId++,
      name: spec.name,
      color: (spec.color ?? 'ededed').replace(/^#/, '').toLowerCase(),
      description: spec.description ?? null,
      default: false
    }
    repo.labels.set(spec.name.toLowerCase(), label)
    return label
  }

  /**
   * Label names to labels; names not yet in the repository are created, as GitHub does for writers.
   * @param {Repo} repo
   * @param {string[]} names
   */
  labelsFor(repo, names) {
    /** @type {Label[]} */
    const labels = []
    for (const name of names) {
      const label = repo.labels.get(name.toLowerCase()) ?? this.createLabel(repo, { name })
      if (!labels.includes(label)) labels.push(label)
    }
    return labels
  }

  /**
   * @param {Repo} repo
   * @param {{ title: string, body?: string | null, user?: string, labels?: string[], assignees?: string[], state?: 'open' | 'closed',
   *   stateReason?: string | null, createdAt?: number, updatedAt?: number, pullRequest?: boolean, locked?: boolean, searchable?: boolean }} spec
   */
  addIssue(repo, spec) {
    const now = this.now()
    const createdAt = spec.createdAt ?? now
    const closed = spec.state === 'closed'
    /** @type {Issue} */
    const issue = {
      id: this.#nextId++,
      number: repo.issues.length + 1,
      title: spec.title,
      body: spec.body ?? null,
      user: this.user(spec.user ?? repo.owner),
      labels: this.labelsFor(repo, spec.labels ?? []),
      state: closed ? 'closed' : 'open',
      stateReason: closed ? (spec.stateReason ?? 'completed') : null,
      assignees: (spec.assignees ?? []).map((login) => this.user(login)),
      locked: spec.locked ?? false,
      createdAt,
      updatedAt: spec.updatedAt ?? createdAt,
      closedAt: closed ? (spec.updatedAt ?? createdAt) : null,
      closedBy: null,
      isPullRequest: spec.pullRequest ?? false,
      comments: []
    }
    repo.issues.push(issue)
    // searchable: true visible to search at once, false never, undefined after the search lag.
    this.reindex(issue, spec.searchable === false ? Infinity : spec.searchable === true ? 0 : undefined)
    return issue
  }

  /** @param {Repo} repo @param {number} number */
  issue(repo, number) {
    return Number.isInteger(number) && number >= 1 ? repo.issues[number - 1] : undefined
  }

  /** @param {Repo} repo @param {Issue} issue @param {string} body @param {User} user */
  addComment(repo, issue, body, user) {
    const now = this.now()
    /** @type {Comment} */
    const comment = { id: this.#nextCommentId++, issueNumber: issue.number, body, user, createdAt: now, updatedAt: now }
    issue.comments.push(comment)
    issue.updatedAt = now
    this.commentsById.set(comment.id, { repo, issue, comment })
    this.reindex(issue)
    return comment
  }

  /**
   * Records the issue's current text for search; search sees it `lagMs` from now.
   * @param {Issue} issue
   * @param {number} [lagMs] default: the configured search lag (Infinity: never)
   */
  reindex(issue, lagMs) {
    const lag = lagMs ?? this.searchLagMs
    /** @type {IndexEntry} */
    const entry = {
      issue,
      title: issue.title,
      body: issue.body ?? '',
      comments: issue.comments.map((comment) => comment.body),
      labels: issue.labels.map((label) => label.name),
      state: issue.state,
      author: issue.user.login,
      visibleAt: this.now() + lag
    }
    const entries = this.index.get(issue.id) ?? []
    entries.push(entry)
    this.index.set(issue.id, entries)
  }

  /** Everything written so far becomes searchable now. */
  flushIndex() {
    const now = this.now()
    for (const entries of this.index.values()) for (const entry of entries) entry.visibleAt = Math.min(entry.visibleAt, now)
  }

  /** What search sees of an issue now: its newest entry that has become visible. @param {Issue} issue */
  indexed(issue) {
    const now = this.now()
    const entries = this.index.get(issue.id) ?? []
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = /** @type {IndexEntry} */ (entries[i])
      if (entry.visibleAt <= now) return entry
    }
    return undefined
  }

  /**
   * A body or title check, as GitHub words it.
   * @param {'Issue' | 'IssueComment'} resource
   * @param {'title' | 'body'} field
   * @param {unknown} value
   * @param {string} documentationUrl
   */
  checkText(resource, field, value, documentationUrl) {
    if (value === null || value === undefined) return
    if (typeof value !== 'string' && !(field === 'title' && typeof value === 'number')) {
      throw validationFailed([{ resource, code: 'invalid', field }], documentationUrl)
    }
    const max = field === 'title' ? this.maxTitleLength : this.maxBodyLength
    if (codePointLength(String(value)) <= max) return
    if (resource === 'IssueComment') {
      // Seen from GitHub on comments: resource IssueComment, field data, capitalised message.
      throw validationFailed([{ resource, code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${max} characters)` }], documentationUrl)
    }
    throw validationFailed([{ resource, code: 'custom', field, message: `${field} is too long (maximum is ${max} characters)` }], documentationUrl)
  }
}

export { nodeId }
