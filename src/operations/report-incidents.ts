import { checkSecretInput } from '../secrets.js'
import type { IncidentRecord } from '../backends/types.js'
import { ApiError, isNotFound } from '../http/errors.js'
import { errorMessage, InputError } from '../errors.js'
import { GitHubError, GitHubIssues, type Comment, type Issue, type Repository } from '../github/client.js'
import { incidentTag, markedIncidents, markedToken } from '../github/markers.js'
import { duplicateBody, issueTitle, renderComment, renderContinuation, renderIssue, REPEATED_COMMENT, type Rendered, type TokenFacts } from '../github/render.js'
import { booleanInput, INPUT_DEFAULTS, integerInput, type InputReader } from '../inputs.js'
import { writeTokenList } from '../publish/tokens-file.js'
import { mapWithConcurrency } from './bounded-pool.js'
import { describeSelection, listedIncident, parseIncidentSelection, selectIncidents, shortText, tallyNotes, type FeedTally, type IncidentSelection, type ListedIncident } from './incidents.js'
import { counted } from './outcomes.js'
import { codePointLength, withoutFullStops } from '../text.js'
import { consoleOf, type OperationContext, type OperationResult } from './types.js'

// report-incidents: one GitHub issue per triggered Canarytoken. Loaded only
// when this operation runs (it is the one that loads Octokit).

export interface ReportParams {
  githubToken: string
  apiUrl: string
  repository: Repository
  labels: string[]
  assignees: string[]
  acknowledge: boolean
  maxIssues: number
  dryRun: boolean
  selection: IncidentSelection
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/

function listInput(raw: string): string[] {
  return [...new Set(raw.split(/[,\n]/).map((item) => item.trim()).filter(Boolean))]
}

/** Checks every input before any request; reads GITHUB_REPOSITORY and GITHUB_API_URL from the runner. */
export async function parseReport(inputs: InputReader, env: NodeJS.ProcessEnv): Promise<ReportParams> {
  const githubToken = inputs.get('github-token')
  if (!githubToken) {
    throw new InputError(
      "Input 'github-token' is empty: report-incidents writes GitHub issues with it. Leave it at its default (the job's GITHUB_TOKEN) and give the job 'permissions: issues: write', or pass a token that may write issues."
    )
  }
  // Masked by main before this runs; one that cannot be a token (too short to mask, a line break) is never sent.
  checkSecretInput('github-token', githubToken)
  const repositoryText = inputs.get('repository') || env.GITHUB_REPOSITORY || ''
  const [owner = '', repo = '', ...rest] = repositoryText.split('/')
  if (!repositoryText || rest.length > 0 || !OWNER.test(owner) || !REPO_NAME.test(repo) || repo === '.' || repo === '..') {
    const hint = /^https?:\/\//.test(repositoryText) ? ` Give 'owner/name', not a URL.` : ''
    throw new InputError(`Input 'repository' must be 'owner/name' (e.g. octo-org/octo-repo)${repositoryText ? `, not '${repositoryText}'` : ' (GITHUB_REPOSITORY is not set either)'}.${hint}`)
  }
  const apiText = env.GITHUB_API_URL || 'https://api.github.com'
  let apiUrl: URL
  try {
    apiUrl = new URL(apiText)
  } catch {
    throw new InputError(`GITHUB_API_URL is not a URL ('${apiText}'); the runner sets it to the GitHub API of this workflow.`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(apiUrl.hostname)
  if (apiUrl.protocol !== 'https:' && !(apiUrl.protocol === 'http:' && loopback)) {
    throw new InputError(`GITHUB_API_URL must be an https URL (plain http only for loopback hosts), not '${apiUrl.origin}': the GitHub token goes there.`)
  }
  const labels = listInput(inputs.get('labels'))
  for (const label of labels) if (codePointLength(label) > 50) throw new InputError(`Input 'labels' has '${label.slice(0, 60)}...', longer than GitHub's 50 characters for a label name.`)
  const assignees = listInput(inputs.get('assignees')).map((login) => login.replace(/^@/, ''))
  for (const login of assignees) if (!LOGIN.test(login)) throw new InputError(`Input 'assignees' must list GitHub logins (letters, digits and -), not '${login}'.`)
  return {
    githubToken,
    apiUrl: apiUrl.href,
    repository: { owner, repo },
    labels,
    assignees,
    acknowledge: booleanInput(inputs, 'acknowledge'),
    maxIssues: integerInput(inputs, 'max-issues', { min: 0, max: 1000, fallback: Number(INPUT_DEFAULTS['max-issues']) }) as number,
    dryRun: booleanInput(inputs, 'dry-run'),
    selection: await parseIncidentSelection(inputs, 'unacknowledged')
  }
}

/** What happened to one incident. */
type ReportOutcome = 'reported' | 'already-reported' | 'left' | 'failed' | 'dry-run'

interface ReportedIncident extends ListedIncident {
  outcome: ReportOutcome
  /** The issue it is on (or would go on). */
  issue: number | null
  issue_url: string | null
  /** Acknowledged in the Console by this run. */
  acknowledged_now: boolean
  message: string
}

/** One token's issues and the incidents their markers name. */
interface TokenThread {
  issues: Issue[]
  /** Tags the markers of its issues and their comments name. */
  reported: Set<string>
}

interface TokenWork {
  facts: TokenFacts
  incidents: IncidentRecord[]
}

/**
 * Whose markers count: an issue is ours when a GitHub App's bot wrote it
 * (the job's GITHUB_TOKEN writes as github-actions[bot]; an outsider cannot
 * write as a bot) or the token's own user did (a person's token), or a login
 * this run wrote as. Labels prove nothing: an issue template applies its
 * labels to anyone who opens an issue. A comment counts when its issue's
 * author, or one of those logins, wrote it. So nobody outside the team can
 * hide an incident, or draw one to an issue of theirs, with a forged marker.
 */
class Trust {
  readonly logins = new Set(['github-actions[bot]'])
  issue(issue: Issue): boolean {
    return issue.authorIsBot || (issue.author !== undefined && this.logins.has(issue.author))
  }
  comment(issue: Issue, comment: Comment): boolean {
    return comment.author !== undefined && (comment.author === issue.author || this.logins.has(comment.author))
  }
}

export async function reportIncidents(params: ReportParams, context: OperationContext): Promise<OperationResult> {
  const { log } = context
  const console = consoleOf(context)
  const tally: FeedTally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 }
  const works = new Map<string, TokenWork>()
  let unattributed = 0
  log.info(`Reading ${describeSelection(params.selection)} from ${console.description}.`)
  for await (const incident of selectIncidents(context, params.selection, tally)) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/.test(incident.canarytoken)) {
      unattributed++
      continue
    }
    let work = works.get(incident.canarytoken)
    if (!work) {
      work = { facts: { canarytoken: incident.canarytoken, kind: incident.kind, memo: incident.memo, flockId: incident.flockId, consoleUrl: console.origin.href }, incidents: [] }
      works.set(incident.canarytoken, work)
    }
    work.incidents.push(incident)
  }
  const notes = tallyNotes(tally, log)
  if (unattributed > 0) {
    const note = `${counted(unattributed, 'incident')} named no Canarytoken in ${unattributed === 1 ? 'its' : 'their'} events and ${unattributed === 1 ? 'was' : 'were'} not reported.`
    log.warning(note)
    notes.push(note)
  }
  const selected = [...works.values()].reduce((sum, work) => sum + work.incidents.length, 0)
  log.info(`${counted(selected, 'incident')} of ${counted(works.size, 'Canarytoken')} selected.`)

  const outcomes = new Map<string, ReportedIncident>()
  for (const work of works.values()) {
    for (const incident of work.incidents) outcomes.set(incident.id, { ...listedIncident(incident), outcome: 'failed', issue: null, issue_url: null, acknowledged_now: false, message: 'not reached' })
  }
  const touched = new Map<number, { number: number; url: string; canarytoken: string }>()
  let created = 0
  let updated = 0
  let reportedNow = 0
  let tokensLeft = 0
  let githubFailure: string | undefined

  if (works.size > 0) {
    const github = new GitHubIssues({ token: params.githubToken, apiUrl: params.apiUrl, repository: params.repository, log })
    const trust = new Trust()
    try {
      const own = await github.login()
      if (own) trust.logins.add(own)
      const threads = await readThreads(github, trust, works)
      for (const work of works.values()) {
        const id = work.facts.canarytoken
        const thread = threads.get(id) ?? { issues: [], reported: new Set<string>() }
        const latest = thread.issues.at(-1)
        const fresh = work.incidents.filter((incident) => !thread.reported.has(incidentTag(incident.id)))
        const freshIds = new Set(fresh.map((incident) => incident.id))
        for (const incident of work.incidents) {
          if (freshIds.has(incident.id)) continue
          const onIssue = thread.issues.find((issue) => issue.state === 'open') ?? latest
          Object.assign(outcomes.get(incident.id)!, { outcome: 'already-reported', issue: onIssue?.number ?? null, issue_url: onIssue?.url ?? null, message: 'already on an issue (an earlier run wrote it)' })
        }
        if (fresh.length === 0) continue
        const target = latest?.state === 'open' ? latest : undefined
        if (!target && created >= params.maxIssues) {
          tokensLeft++
          for (const incident of fresh) Object.assign(outcomes.get(incident.id)!, { outcome: 'left', message: "left for the next run: 'max-issues' new issues were opened already" })
          continue
        }
        if (params.dryRun) {
          for (const incident of fresh) {
            Object.assign(outcomes.get(incident.id)!, {
              outcome: 'dry-run',
              issue: target?.number ?? null,
              issue_url: target?.url ?? null,
              message: target ? `would comment on #${target.number}` : latest ? `would open a new issue after #${latest.number} (closed)` : 'would open an issue'
            })
          }
          if (!target) created++
          continue
        }
        const written = target
          ? await commentOnIssue(github, trust, target, fresh)
          : await openIssue(github, trust, work, fresh, params, latest?.number)
        if (written.created) created++
        else updated++
        touched.set(written.issue.number, { number: written.issue.number, url: written.issue.url, canarytoken: id })
        thread.issues.push(written.issue)
        for (const incident of fresh) {
          const tag = incidentTag(incident.id)
          thread.reported.add(tag)
          const now = written.tags.has(tag)
          if (now) reportedNow++
          Object.assign(outcomes.get(incident.id)!, {
            outcome: now ? 'reported' : 'already-reported',
            issue: written.issue.number,
            issue_url: written.issue.url,
            message: now ? (written.created ? `on new issue #${written.issue.number}` : `in a comment on #${written.issue.number}`) : `already on #${written.issue.number} (another run wrote it at the same time)`
          })
        }
      }
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error
      // The step fails with it (the error line): said once, not also as a warning.
      githubFailure = error.message
      for (const item of outcomes.values()) if (item.outcome === 'failed' && item.message === 'not reached') item.message = `not written: ${error.message}`
    }
  }
  if (tokensLeft > 0) {
    const note = `${counted(tokensLeft, 'Canarytoken')} with new incidents ${tokensLeft === 1 ? 'waits' : 'wait'} for the next run: this run opened 'max-issues' (${params.maxIssues}) new issues. Their incidents stay unacknowledged.`
    log.warning(note)
    notes.push(note)
  }

  // Acknowledged only what is on an issue now: written by this run, by an earlier one, or counted by a long table (its markers hold every incident).
  let ackFailed = 0
  if (params.acknowledge && !params.dryRun) {
    const onIssue = [...outcomes.values()].filter((item) => (item.outcome === 'reported' || item.outcome === 'already-reported') && !item.acknowledged)
    await mapWithConcurrency(onIssue, 10, async (item) => {
      try {
        await console.acknowledgeIncident(item.id)
        item.acknowledged_now = true
      } catch (error) {
        if (isNotFound(error)) {
          item.message += '; gone from the Console, nothing to acknowledge'
          return
        }
        ackFailed++
        const reason = errorMessage(error)
        item.message += `; acknowledging it failed: ${error instanceof ApiError && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason}`
      }
    })
    const count = onIssue.filter((item) => item.acknowledged_now).length
    const acknowledgedNote = count > 0 ? `Acknowledged ${counted(count, 'incident')} in the Console, each one on an issue.` : 'Acknowledged no incident in the Console: none of those selected is on an issue yet.'
    log.info(acknowledgedNote)
    notes.push(acknowledgedNote)
  }

  const items = [...outcomes.values()]
  let list: Awaited<ReturnType<typeof writeTokenList>> | undefined
  let unwritten: string | undefined
  try {
    list = await writeTokenList(context.env.runnerTemp, 'report-incidents', items)
  } catch (error) {
    unwritten = withoutFullStops(errorMessage(error))
  }
  if (list && !list.inOutput) log.warning(`The incident outcomes are too large for an output; read ${list.path} (the 'incidents-file' output).`)
  const issues = [...touched.values()]
  const listFailure = unwritten
    ? `${params.dryRun ? 'Nothing was written to GitHub or acknowledged (dry run)' : `${counted(created, 'issue')} opened and ${updated} updated on GitHub (${issues.map((issue) => issue.url).join(', ') || 'none'}), ${counted(items.filter((item) => item.acknowledged_now).length, 'incident')} acknowledged in the Console`}, but writing the list of outcomes failed: ${unwritten}.`
    : undefined
  const failure = githubFailure
    ? `${githubFailure} Nothing that could not be written was acknowledged; the next run writes the rest, once each.`
    : ackFailed > 0
      ? `${counted(ackFailed, 'incident')} could not be acknowledged in the Console (the 'incidents-file' output and the summary say why); they are on their issues, and the next run acknowledges them.`
      : undefined
  const rows = [...works.values()].map((work) => {
    const mine = work.incidents.map((incident) => outcomes.get(incident.id)!)
    const issue = mine.find((item) => item.issue !== null)
    const count = (outcome: ReportOutcome) => mine.filter((item) => item.outcome === outcome).length
    const parts = [
      count('reported') && `${count('reported')} reported`,
      count('already-reported') && `${count('already-reported')} already on the issue`,
      count('left') && `${count('left')} left for the next run`,
      count('dry-run') && `${count('dry-run')} would be reported`,
      count('failed') && `${count('failed')} not written`
    ].filter(Boolean)
    return [work.facts.canarytoken, shortText(work.facts.memo), work.facts.kind, issue?.issue ? `#${issue.issue}` : '', issue?.issue_url ?? '', parts.join(', ')]
  })
  return {
    outputs: {
      'issues-created': params.dryRun ? 0 : created,
      'issues-updated': updated,
      'incidents-reported': reportedNow,
      'tokens-left': tokensLeft,
      issues: JSON.stringify(issues),
      ...(list ? { 'incidents-file': list.path } : {})
    },
    summary: {
      heading: params.dryRun
        ? `Dry run: would open ${counted(created, 'issue')} for ${counted(works.size, 'triggered Canarytoken')}`
        : `Canarytoken incidents on GitHub: ${created} opened, ${updated} updated, ${reportedNow} incidents reported`,
      columns: ['Canarytoken', 'Memo', 'Kind', 'Issue', 'URL', 'Incidents'],
      rows,
      empty: 'No Canarytoken incidents to report.',
      notes: [
        `Selected: ${describeSelection(params.selection)}; ${counted(selected, 'incident')} of ${counted(works.size, 'Canarytoken')} in ${params.repository.owner}/${params.repository.repo}.`,
        ...(params.dryRun ? ['Dry run: nothing was written to GitHub or acknowledged.'] : []),
        ...notes,
        ...(failure ? [failure] : []),
        list ? `Every incident's outcome is in ${list.path} (the 'incidents-file' output).` : `The outcome list could not be written (${unwritten}).`
      ]
    },
    failure: listFailure ? `${listFailure}${failure ? ` ${failure}` : ''}` : failure
  }
}

/** Each token's issues (from the issue listing, never search) and the incidents their markers name. */
async function readThreads(github: GitHubIssues, trust: Trust, works: Map<string, TokenWork>): Promise<Map<string, TokenThread>> {
  const threads = new Map<string, TokenThread>()
  for await (const issue of github.issues()) {
    const token = markedToken(issue.body)
    if (!token || !works.has(token) || !trust.issue(issue)) continue
    const thread = threads.get(token) ?? { issues: [], reported: new Set<string>() }
    thread.issues.push(issue)
    threads.set(token, thread)
  }
  for (const thread of threads.values()) {
    thread.issues.sort((a, b) => a.number - b.number)
    for (const issue of thread.issues) for (const tag of await issueTags(github, trust, issue)) thread.reported.add(tag)
  }
  return threads
}

/** The tags an issue's body and its trusted comments name. */
async function issueTags(github: GitHubIssues, trust: Trust, issue: Issue, before?: number): Promise<string[]> {
  const tags = markedIncidents(issue.body)
  for (const comment of await github.comments(issue.number)) {
    if (before !== undefined && comment.id >= before) continue
    if (trust.comment(issue, comment)) tags.push(...markedIncidents(comment.body))
  }
  return tags
}

interface Written {
  issue: Issue
  created: boolean
  /** Tags this run's writes now hold (confirmed by GitHub's answers). */
  tags: Set<string>
}

/** Continuation comments for tags a body could not hold. */
async function writeOverflow(github: GitHubIssues, issue: Issue, rendered: Rendered, tags: Set<string>): Promise<void> {
  let overflow = rendered.overflow
  while (overflow.length > 0) {
    const next = renderContinuation(overflow)
    await github.comment(issue.number, next.body)
    for (const tag of next.tags) tags.add(tag)
    overflow = next.overflow
  }
}

async function commentOnIssue(github: GitHubIssues, trust: Trust, issue: Issue, fresh: IncidentRecord[]): Promise<Written> {
  const rendered = renderComment(fresh)
  const comment = await github.comment(issue.number, rendered.body)
  if (comment.author) trust.logins.add(comment.author)
  // Another run may have commented with the same incidents meanwhile: the earlier comment keeps them, this one keeps only the rest.
  const earlier = new Set(await issueTags(github, trust, issue, comment.id))
  const mine = fresh.filter((incident) => !earlier.has(incidentTag(incident.id)))
  const tags = new Set<string>()
  if (mine.length === 0) {
    await github.updateComment(comment.id, REPEATED_COMMENT)
    return { issue, created: false, tags }
  }
  if (mine.length < fresh.length) {
    const trimmed = renderComment(mine)
    await github.updateComment(comment.id, trimmed.body)
    for (const tag of trimmed.tags) tags.add(tag)
    await writeOverflow(github, issue, trimmed, tags)
    return { issue, created: false, tags }
  }
  for (const tag of rendered.tags) tags.add(tag)
  await writeOverflow(github, issue, rendered, tags)
  return { issue, created: false, tags }
}

async function openIssue(github: GitHubIssues, trust: Trust, work: TokenWork, fresh: IncidentRecord[], params: ReportParams, follows?: number): Promise<Written> {
  const rendered = renderIssue(work.facts, fresh, follows)
  const issue = await github.createIssue({ title: issueTitle(work.facts), body: rendered.body, labels: params.labels, assignees: params.assignees })
  if (issue.author) trust.logins.add(issue.author)
  // Overlapping runs (or a create whose answer was lost and was sent again) may have opened the token's issue twice: the lowest number stays.
  const rivals = (await github.recentIssues()).filter(
    (other) => other.state === 'open' && other.number !== issue.number && other.number > (follows ?? 0) && markedToken(other.body) === work.facts.canarytoken && trust.issue(other)
  )
  const winner = rivals.reduce<Issue | undefined>((lowest, other) => (other.number < (lowest?.number ?? issue.number) ? other : lowest), undefined)
  if (winner) {
    await github.updateIssue(issue.number, { body: duplicateBody(winner.number), state: 'closed', state_reason: 'not_planned' })
    const onWinner = new Set(await issueTags(github, trust, winner))
    const missing = fresh.filter((incident) => !onWinner.has(incidentTag(incident.id)))
    if (missing.length === 0) return { issue: winner, created: false, tags: new Set() }
    return commentOnIssue(github, trust, winner, missing)
  }
  const tags = new Set(rendered.tags)
  await writeOverflow(github, issue, rendered, tags)
  return { issue, created: true, tags }
}
