import type { ConsoleBackend } from '../backends/console/index.js'
import { INCIDENT_STATES, type IncidentState } from '../backends/console/incidents.js'
import type { IncidentRecord, TokenRecord } from '../backends/types.js'
import { isNotFound } from '../http/errors.js'
import { errorMessage, InputError } from '../errors.js'
import { redact } from '../secrets.js'
import { isoTime } from '../text.js'
import { booleanInput, chosenBackend, flockIdInput, INPUT_DEFAULTS, integerInput, serverTokenIdInput, type InputName, type InputReader } from '../inputs.js'
import { didYouMean } from '../near-miss.js'
import { MAX_SUMMARY_ROWS } from '../publish/summary.js'
import { writeItemList, writeTokenList, type ListNames } from '../publish/tokens-file.js'
import { changeEach, concurrencyInput } from './bounded-pool.js'
import { matchesFilter, memoPatternInput, type CanarytokenFilter } from './canarytoken-filter.js'
import { isKnownKind, unknownKindMessage } from './kinds.js'
import { counted, unwrittenOutcomes } from './outcomes.js'
import { CONSOLE_ONLY, EVERY_BACKEND, consoleOf, defineOperation, type Log, type OperationContext, type OperationResult } from './types.js'

// Canarytoken incidents: list, acknowledge, delete, and (report-incidents.ts,
// loaded only by that operation) report them as GitHub issues. Canary
// (device) incidents never get here: the backend leaves them out.

/** The inputs that select incidents. */
export const INCIDENT_FILTER_INPUTS = ['incident-state', 'canarytoken', 'flock-id', 'memo-pattern', 'kind', 'incidents-since'] as const satisfies readonly InputName[]

/** Which incidents an operation works on; every field set must hold. */
export interface IncidentSelection {
  state: IncidentState
  /** One token's incidents: matched on the token id the incident's event names (never assumed to be the node_id). */
  canarytoken?: string
  /** A Canarytokens server's key for that token (`manage-auth`): its history is read with it. */
  manageAuth?: string
  /** The token filters cleanup reads (memo-pattern, kind, flock-id), held against the incident's token fields. */
  filter: CanarytokenFilter
  /** `incidents-since`: incidents whose updated_id is greater. */
  since?: number
}

/** An incident as the outputs and `incidents-file` show it: flat and typed. */
export interface ListedIncident {
  id: string
  canarytoken: string
  memo: string
  kind: string
  src_host: string
  /** ISO 8601 */
  created: string
  acknowledged: boolean
  /** The event name (an AWS call) or the request, where the Console gives one. */
  event: string | null
  user_agent: string | null
}

export function listedIncident(incident: IncidentRecord): ListedIncident {
  return {
    id: incident.id,
    canarytoken: incident.canarytoken,
    memo: incident.memo,
    kind: incident.kind,
    src_host: incident.srcHost,
    created: isoTime(incident.created),
    acknowledged: incident.acknowledged,
    event: incident.event ?? null,
    user_agent: incident.userAgent ?? null
  }
}

/** Token ids as Consoles write them; anything else is a mistake caught before any request. */
const TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/

function stateInput(inputs: InputReader, fallback: IncidentState): IncidentState {
  const raw = inputs.get('incident-state')
  if (raw === '') return fallback
  if ((INCIDENT_STATES as readonly string[]).includes(raw)) return raw as IncidentState
  throw new InputError(`Input 'incident-state' must be one of: ${INCIDENT_STATES.join(', ')}; '${raw}' is not${didYouMean(raw, INCIDENT_STATES) || '.'}`)
}

/** Reads the selection inputs, every mistake an InputError naming the input; sends nothing. */
export async function parseIncidentSelection(inputs: InputReader, fallbackState: IncidentState): Promise<IncidentSelection> {
  const onServer = chosenBackend(inputs) === 'canarytokens-server'
  if (onServer) refuseOnServer(inputs)
  const selection: IncidentSelection = { state: stateInput(inputs, fallbackState), filter: {} }
  if (onServer) selection.manageAuth = inputs.get('manage-auth')
  const canarytoken = inputs.get('canarytoken')
  if (canarytoken) {
    if (onServer) serverTokenIdInput(canarytoken)
    else if (!TOKEN_ID.test(canarytoken)) throw new InputError(`Input 'canarytoken' must be a Canarytoken id (letters and digits, as the Console's 'canarytoken' field), not '${canarytoken}'.`)
    selection.canarytoken = canarytoken
  }
  const memoPattern = inputs.get('memo-pattern')
  if (memoPattern) selection.filter.memoPattern = await memoPatternInput(memoPattern)
  const kind = inputs.get('kind')
  if (kind) {
    const backend = onServer ? 'canarytokens-server' : 'console'
    if (!isKnownKind(kind, backend)) throw new InputError(unknownKindMessage(kind, backend))
    selection.filter.kind = kind
  }
  const flockId = flockIdInput(inputs)
  if (flockId) selection.filter.flockId = flockId
  selection.since = integerInput(inputs, 'incidents-since', { min: 0, max: Number.MAX_SAFE_INTEGER })
  return selection
}

/**
 * A Canarytokens server keeps each token's history apart, read with the
 * token's own key; its hits are never acknowledged and have no update
 * counter, and it has no flocks: what cannot apply is refused before any
 * request, with why.
 */
function refuseOnServer(inputs: InputReader): void {
  if (!inputs.get('canarytoken')) {
    throw new InputError(
      "On a Canarytokens server, list-incidents needs 'canarytoken' and 'manage-auth': the server keeps each token's history apart and shows it only with the token's own key (it cannot list tokens or incidents across them)."
    )
  }
  if (!inputs.get('manage-auth')) {
    throw new InputError("On a Canarytokens server, list-incidents needs input 'manage-auth': the token's own key, which the step that created it gave as its 'manage-auth' output.")
  }
  if (inputs.get('incident-state') === 'acknowledged') {
    throw new InputError("Input 'incident-state: acknowledged' cannot match on a Canarytokens server: it has no acknowledgement, so every hit in a token's history is unacknowledged. Use unacknowledged (the default) or all.")
  }
  if (inputs.get('incidents-since')) {
    throw new InputError("Input 'incidents-since' is the Console's (its incidents' updated_id): a Canarytokens server's history has no such counter. Remove it; the history holds at most the last 50 hits.")
  }
  if (inputs.get('flock-id')) throw new InputError("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.")
}

export function hasIncidentFilter(selection: IncidentSelection): boolean {
  return selection.canarytoken !== undefined || selection.since !== undefined || Object.values(selection.filter).some((value) => value !== undefined)
}

/** The selection in words, for the log and the summary. */
export function describeSelection(selection: IncidentSelection): string {
  const parts = [`${selection.state} incidents${selection.canarytoken ? ` of Canarytoken ${selection.canarytoken}` : ''}`]
  if (selection.filter.memoPattern) parts.push(`memo-pattern ${selection.filter.memoPattern.text}`)
  if (selection.filter.kind) parts.push(`kind ${selection.filter.kind}`)
  if (selection.filter.flockId) parts.push(`flock-id ${selection.filter.flockId}`)
  if (selection.since !== undefined) parts.push(`updated after ${selection.since}`)
  return parts.join(', ')
}

/** The incident's token as the filter reads tokens: only the fields an incident carries. */
function tokenOf(incident: IncidentRecord): TokenRecord {
  return { id: incident.canarytoken, kind: incident.kind, memo: incident.memo, flockId: incident.flockId, fieldValues: {}, details: {} }
}

export function matchesSelection(selection: IncidentSelection, incident: IncidentRecord): boolean {
  if (selection.canarytoken !== undefined && incident.canarytoken !== selection.canarytoken) return false
  if (selection.state === 'acknowledged' && !incident.acknowledged) return false
  if (selection.state === 'unacknowledged' && incident.acknowledged) return false
  if (selection.since !== undefined && !(incident.updatedId !== undefined && incident.updatedId > selection.since)) return false
  return matchesFilter(selection.filter, tokenOf(incident))
}

/** What a walk over the feed saw beside the matches. */
export interface FeedTally {
  read: number
  /** Feed pages read; 0 for one token's history, which the backend reads its own way. */
  pages: number
  deviceIncidents: number
  unreadable: number
  /** The largest updated_id the Console showed (for `max-updated-id`). */
  maxUpdatedId?: number
}

/**
 * The selected incidents, a page at a time: one token's through the port
 * (`backend.incidents`), else the Console's feed narrowed by what it can
 * filter (flock, incidents_since). Every filter is checked again here.
 */
export async function* selectIncidents(context: OperationContext, selection: IncidentSelection, tally: FeedTally): AsyncGenerator<IncidentRecord> {
  for await (const page of selectIncidentPages(context, selection, tally)) yield* page
}

/** Incidents of one token's history passed on together (a Console feed page's size). */
const HISTORY_BATCH = 200

/** selectIncidents a page at a time (for a listing of any size: a step of an async generator per incident costs more than the incident). */
export async function* selectIncidentPages(context: OperationContext, selection: IncidentSelection, tally: FeedTally): AsyncGenerator<IncidentRecord[]> {
  if (selection.canarytoken !== undefined) {
    // One token's history comes one incident at a time (it may be long): passed on in batches of a feed page's size.
    let matches: IncidentRecord[] = []
    for await (const incident of context.backend.incidents(selection.manageAuth ? { id: selection.canarytoken, manageAuth: selection.manageAuth } : { id: selection.canarytoken })) {
      tally.read++
      if (incident.updatedId !== undefined) tally.maxUpdatedId = Math.max(tally.maxUpdatedId ?? 0, incident.updatedId)
      if (matchesSelection(selection, incident)) matches.push(incident)
      if (matches.length >= HISTORY_BATCH) {
        yield matches
        matches = []
      }
    }
    if (matches.length > 0) yield matches
    return
  }
  const console: ConsoleBackend = consoleOf(context)
  for await (const page of console.incidentPages({ state: selection.state, flockId: selection.filter.flockId, since: selection.since })) {
    tally.pages++
    tally.read += page.incidents.length
    tally.deviceIncidents += page.deviceIncidents
    tally.unreadable += page.unreadable
    if (page.maxUpdatedId !== undefined) tally.maxUpdatedId = Math.max(tally.maxUpdatedId ?? 0, page.maxUpdatedId)
    const matches = page.incidents.filter((incident) => matchesSelection(selection, incident))
    if (matches.length > 0) yield matches
  }
}

export function tallyNotes(tally: FeedTally, log: Log): string[] {
  const notes: string[] = []
  if (tally.deviceIncidents > 0) notes.push(`${counted(tally.deviceIncidents, 'Canary (device) incident')} in the feed ${tally.deviceIncidents === 1 ? 'was' : 'were'} left out: this action handles Canarytoken incidents only.`)
  if (tally.unreadable > 0) {
    const note = `${counted(tally.unreadable, 'Canarytoken incident')} had no incident key and could not be read; ${tally.unreadable === 1 ? 'it was' : 'they were'} left out.`
    log.warning(note)
    notes.push(note)
  }
  return notes
}

export const INCIDENT_COLUMNS = ['Created', 'Canarytoken', 'Memo', 'Kind', 'Source', 'Event', 'User agent', 'Acknowledged']

/** Memos and user agents can be long: the summary shows their start (its secrets hidden first, whole: a cut across one would leave its start). */
export function shortText(text: string, length = 120): string {
  const hidden = redact(text)
  return hidden.length > length ? `${hidden.slice(0, length - 3)}...` : hidden
}

export function incidentRow(item: ListedIncident): string[] {
  return [item.created, item.canarytoken, shortText(item.memo), item.kind, item.src_host, shortText(item.event ?? ''), shortText(item.user_agent ?? ''), String(item.acknowledged)]
}

const INCIDENT_LIST: ListNames = { output: 'incidents', file: 'incidents-file', noun: 'incident list' }

// ------------------------------------------------------------------ list-incidents

interface ListParams {
  selection: IncidentSelection
}

const listIncidentsOperation = defineOperation<ListParams>({
  name: 'list-incidents',
  description:
    "Lists Canarytoken incidents (`incident-state`: unacknowledged by default, acknowledged or all; Canary device incidents are left out), narrowed by `canarytoken`, `flock-id`, `memo-pattern`, `kind` and `incidents-since`; read page by page, the whole list goes to `incidents-file`, to `incidents` while it fits, and `max-updated-id` is the `incidents-since` of the next run.",
  // On a Canarytokens server: one token's history (`canarytoken` with its `manage-auth`), through the port.
  backends: EVERY_BACKEND,
  requires: [],
  accepts: [...INCIDENT_FILTER_INPUTS, 'manage-auth'],
  outputs: ['count', 'incidents', 'incidents-file', 'max-updated-id'],
  parse: async (inputs) => ({ selection: await parseIncidentSelection(inputs, 'unacknowledged') }),
  async run({ selection }, context) {
    const tally: FeedTally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 }
    const rows: string[][] = []
    let count = 0
    context.log.info(`Reading ${describeSelection(selection)} from ${context.backend.description}.`)
    // Streamed into the file as the pages come: memory stays flat at any size; the summary keeps what it can show.
    const items = async function* (): AsyncGenerator<ListedIncident[]> {
      for await (const page of selectIncidentPages(context, selection, tally)) {
        const listed = page.map(listedIncident)
        count += listed.length
        for (let index = 0; index < listed.length && rows.length < MAX_SUMMARY_ROWS; index++) rows.push(incidentRow(listed[index]!))
        yield listed
      }
    }
    const list = await writeItemList(context.env.runnerTemp, 'list-incidents', items(), INCIDENT_LIST, context.log)
    const maxUpdatedId = tally.maxUpdatedId ?? selection.since
    const where = selection.canarytoken === undefined ? ` in ${counted(tally.pages, 'page')}` : ` of ${selection.canarytoken}'s history`
    context.log.info(`Read ${counted(tally.read, 'Canarytoken incident')}${where}; ${count} ${count === 1 ? 'matches' : 'match'}.`)
    return {
      outputs: { ...list.outputs, count, 'max-updated-id': maxUpdatedId === undefined ? undefined : String(maxUpdatedId) },
      summary: {
        heading: `Canarytoken incidents (${count})`,
        columns: INCIDENT_COLUMNS,
        rows,
        totalRows: count,
        empty: 'No Canarytoken incidents matched.',
        notes: [
          `${count} of ${counted(tally.read, 'Canarytoken incident')} read ${count === 1 ? 'matches' : 'match'}: ${describeSelection(selection)}.`,
          ...tallyNotes(tally, context.log),
          ...(maxUpdatedId === undefined ? [] : [`Pass 'incidents-since: ${maxUpdatedId}' next time to see only what changed since.`]),
          list.note
        ],
        fullList: list.fullList
      }
    }
  }
})

// ------------------------------------------------------------------ acknowledge-incidents, delete-incidents

type IncidentAction = 'acknowledge' | 'delete'
const PAST: Record<IncidentAction, string> = { acknowledge: 'acknowledged', delete: 'deleted' }

export type IncidentOutcomeName = 'changed' | 'skipped' | 'failed' | 'dry-run'

export interface IncidentOutcome extends ListedIncident {
  outcome: IncidentOutcomeName
  message: string
}

interface ChangeParams {
  selection: IncidentSelection
  dryRun: boolean
  maxChanges: number
  concurrency: number
}

async function parseChange(inputs: InputReader, operation: string, fallbackState: IncidentState): Promise<ChangeParams> {
  const selection = await parseIncidentSelection(inputs, fallbackState)
  if (!booleanInput(inputs, 'all') && !hasIncidentFilter(selection)) {
    throw new InputError(
      `Operation '${operation}' needs at least one filter (canarytoken, flock-id, memo-pattern, kind, incidents-since), or 'all: true' to work on every ${selection.state === 'all' ? '' : `${selection.state} `}Canarytoken incident.`
    )
  }
  return {
    selection,
    dryRun: booleanInput(inputs, 'dry-run'),
    maxChanges: integerInput(inputs, 'max-changes', { min: 1, max: 1_000_000, fallback: Number(INPUT_DEFAULTS['max-changes']) }) as number,
    concurrency: concurrencyInput(inputs)
  }
}

const OUTCOME_ORDER: Record<IncidentOutcomeName, number> = { failed: 0, changed: 1, 'dry-run': 1, skipped: 2 }


async function changeResult(action: IncidentAction, params: ChangeParams, context: OperationContext, outcomes: IncidentOutcome[], tally: FeedTally, notes: string[], failure?: string): Promise<OperationResult> {
  const count = (outcome: IncidentOutcomeName) => outcomes.filter((item) => item.outcome === outcome).length
  const [changed, skipped, failed, planned] = [count('changed'), count('skipped'), count('failed'), count('dry-run')]
  let list: Awaited<ReturnType<typeof writeTokenList>> | undefined
  let unwritten: string | undefined
  try {
    list = await writeTokenList(context.env.runnerTemp, `${action}-incidents`, outcomes)
  } catch (error) {
    const changedIds = outcomes.filter((item) => item.outcome === 'changed').map((item) => item.id)
    unwritten = unwrittenOutcomes({ past: PAST[action], noun: 'incident', changedIds, idName: 'incident key', matched: outcomes.length, failed, dryRun: params.dryRun, reason: errorMessage(error), log: context.log })
  }
  const listOutputs = list ? { incidents: list.outputs.tokens ?? '', 'incidents-file': list.path } : {}
  const note = !list
    ? `The outcome list could not be written (${unwritten}); the log names every changed incident.`
    : list.inOutput
      ? `Every incident's outcome is in the 'incidents' output and in ${list.path} (the 'incidents-file' output).`
      : `Every incident's outcome is in ${list.path} (the 'incidents-file' output); the list is too large for the 'incidents' output, which is empty.`
  if (list && !list.inOutput) context.log.warning(note)
  const heading = params.dryRun
    ? `Dry run: would ${action} ${planned} of ${counted(outcomes.length, 'matched incident')}`
    : `${PAST[action].charAt(0).toUpperCase()}${PAST[action].slice(1)} ${changed} of ${counted(outcomes.length, 'matched incident')}`
  return {
    outputs: { 'matched-count': outcomes.length, 'changed-count': changed, 'failed-count': failed, ...listOutputs },
    summary: {
      heading,
      columns: [...INCIDENT_COLUMNS, 'Outcome', 'Message'],
      rows: [...outcomes].sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome]).map((item) => [...incidentRow(item), item.outcome, item.message]),
      empty: 'No Canarytoken incidents matched.',
      notes: [
        `Selected: ${describeSelection(params.selection)}. ${outcomes.length} of ${counted(tally.read, 'Canarytoken incident')} read matched.`,
        `Changed ${changed}, skipped ${skipped}, failed ${failed}${params.dryRun ? `, would ${action} ${planned} (dry run: nothing was changed)` : ''}.`,
        ...tallyNotes(tally, context.log),
        ...notes,
        note
      ],
      fullList: list ? `the file named by the 'incidents-file' output (${list.path}) holds them all` : 'the outcome list could not be written'
    },
    failure: unwritten ? `${unwritten}${failure ? `; ${failure}` : '.'}` : failure
  }
}

function changeOperation(action: IncidentAction, fallbackState: IncidentState, description: string) {
  const name = `${action}-incidents`
  return defineOperation<ChangeParams>({
    name,
    description,
    backends: CONSOLE_ONLY,
    backendNote: 'a Canarytokens server has no incidents to acknowledge or delete',
    requires: [],
    accepts: [...INCIDENT_FILTER_INPUTS, 'all', 'dry-run', 'max-changes', 'concurrency'],
    outputs: ['matched-count', 'changed-count', 'failed-count', 'incidents', 'incidents-file'],
    parse: (inputs) => parseChange(inputs, name, fallbackState),
    async run(params, context) {
      const console = consoleOf(context)
      const tally: FeedTally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 }
      const outcomes: IncidentOutcome[] = []
      for await (const incident of selectIncidents(context, params.selection, tally)) {
        const item = listedIncident(incident)
        outcomes.push(
          action === 'acknowledge' && incident.acknowledged
            ? { ...item, outcome: 'skipped', message: 'already acknowledged' }
            : { ...item, outcome: 'dry-run', message: `would ${action}${action === 'delete' && !incident.acknowledged ? ' (acknowledging it first)' : ''}` }
        )
      }
      const toChange = outcomes.filter((item) => item.outcome === 'dry-run')
      context.log.info(`${counted(outcomes.length, 'incident')} ${outcomes.length === 1 ? 'matches' : 'match'} ${describeSelection(params.selection)}; ${toChange.length} to ${action}.`)
      if (toChange.length > params.maxChanges) {
        const reason = `${counted(toChange.length, 'incident')} would be ${PAST[action]}, more than max-changes (${params.maxChanges})`
        if (params.dryRun) {
          const note = `A real run would stop here: ${reason}. Narrow the filters or raise 'max-changes'.`
          context.log.warning(note)
          return changeResult(action, params, context, outcomes, tally, [note])
        }
        for (const item of toChange) Object.assign(item, { outcome: 'skipped', message: `not ${PAST[action]}: over max-changes` })
        const failure = `${reason}; nothing was changed. Check the filters with 'dry-run: true', or raise 'max-changes'.`
        return changeResult(action, params, context, outcomes, tally, [failure], failure)
      }
      if (params.dryRun) return changeResult(action, params, context, outcomes, tally, [])

      await changeEach(
        toChange,
        params.concurrency,
        async (item) => {
          if (action === 'acknowledge') {
            await console.acknowledgeIncident(item.id)
            return 'acknowledged'
          }
          // The reference's single delete takes acknowledged incidents (canarytools-python refuses others): acknowledge first, as the Console's bulk delete with include_unacknowledged does.
          if (!item.acknowledged) await console.acknowledgeIncident(item.id)
          await console.deleteIncident(item.id)
          return item.acknowledged ? 'deleted' : 'acknowledged, then deleted'
        },
        {
          gone: (error) => (isNotFound(error) ? 'already gone from the Console' : undefined),
          failed: (item, message) => context.log.info(`Could not ${action} incident ${item.id}: ${message}`)
        }
      )
      const failed = toChange.filter((item) => item.outcome === 'failed').length
      const failure = failed > 0 ? `${failed} of ${counted(toChange.length, 'incident')} could not be ${PAST[action]} (the file named by the 'incidents-file' output and the job summary say why for each).` : undefined
      return changeResult(action, params, context, outcomes, tally, [], failure)
    }
  })
}

const acknowledgeIncidentsOperation = changeOperation(
  'acknowledge',
  'unacknowledged',
  'Acknowledges every Canarytoken incident the filters select (as list-incidents reads them; a filter or `all: true` is needed), `concurrency` at a time; `dry-run` changes nothing, and more than `max-changes` stop the run before any change. Each outcome is in `incidents-file`.'
)

const deleteIncidentsOperation = changeOperation(
  'delete',
  'acknowledged',
  'Deletes the Canarytoken incidents the filters select: acknowledged ones unless `incident-state` says otherwise (as the Console\'s own bulk delete, nothing unreviewed by default); `dry-run`, `max-changes`, `concurrency` and `incidents-file` as for acknowledge-incidents.'
)

// ------------------------------------------------------------------ report-incidents

/** Loaded only when this operation runs: it is the only one that talks to GitHub (and loads Octokit). */
const reportIncidentsOperation = defineOperation<unknown>({
  name: 'report-incidents',
  description:
    'Files one GitHub issue per triggered Canarytoken (its incidents in a table; later incidents as one comment; a new issue, linking the old one, after it was closed), exactly once across reruns, through `github-token` (the job needs `permissions: issues: write`) in `repository`; `max-issues` new issues per run, `acknowledge: true` acknowledges in the Console what is on an issue.',
  backends: CONSOLE_ONLY,
  backendNote: 'it reads the Console\'s incident feed and acknowledges incidents in it',
  requires: [],
  accepts: [...INCIDENT_FILTER_INPUTS, 'github-token', 'repository', 'labels', 'assignees', 'acknowledge', 'max-issues', 'dry-run'],
  outputs: ['issues-created', 'issues-updated', 'incidents-reported', 'tokens-left', 'issues', 'incidents-file'],
  async parse(inputs) {
    const { parseReport } = await import('./report-incidents.js')
    return parseReport(inputs, process.env)
  },
  async run(params, context) {
    const { reportIncidents } = await import('./report-incidents.js')
    return reportIncidents(params as Parameters<typeof reportIncidents>[0], context)
  }
})

export const INCIDENT_OPERATIONS = [listIncidentsOperation, acknowledgeIncidentsOperation, deleteIncidentsOperation, reportIncidentsOperation]
