import { dirname } from 'node:path'
import type { ConsoleBackend } from '../backends/console/index.js'
import type { TokenRecord } from '../backends/types.js'
import { isNotFound, withClearIncidentsHint } from '../http/errors.js'
import { errorMessage, InputError } from '../errors.js'
import { booleanInput, INPUT_DEFAULTS, integerInput, type InputReader } from '../inputs.js'
import { changeEach, concurrencyInput } from './bounded-pool.js'
import { IdSet } from './id-set.js'
import { alreadyDoneSuffix, counted, unwrittenOutcomes } from './outcomes.js'
import {
  FILTER_INPUTS,
  consoleQuery,
  describeFilter,
  matchesFilter,
  parseCanarytokenFilter,
  requireFilterOrAll,
  type CanarytokenFilter
} from './canarytoken-filter.js'
import { MAX_SUMMARY_ROWS } from '../publish/summary.js'
import { writeTokenBatches, writeTokenList, type TokenList } from '../publish/tokens-file.js'
import { parseArtifactOptions, type FileOptions } from './file-options.js'
import { CONSOLE_ONLY, consoleOf, defineOperation, type ArtifactRequest, type Log, type OperationContext, type OperationResult } from './types.js'

/** A matched token as the outputs show it: the Console's field names, no secret field, no rendering. */
export interface ListedToken {
  canarytoken: string
  kind: string
  memo: string
  flock_id?: string
  hostname?: string
  url?: string
  enabled?: boolean
  created?: string
  created_printable?: string
  triggered_count?: number
}

export function listedToken(token: TokenRecord): ListedToken {
  return {
    canarytoken: token.id,
    kind: token.kind,
    memo: token.memo,
    flock_id: token.flockId,
    hostname: token.hostname,
    url: token.url,
    enabled: token.enabled,
    created: token.created === undefined ? undefined : JSON.stringify(token.created.getTime() / 1000),
    created_printable: token.created?.toISOString(),
    triggered_count: token.triggeredCount
  }
}

/** What a walk over the Console's pages saw, filled in as it goes. */
interface Walk {
  read: number
  pages: number
  matched: number
  /** Tokens left out by `created-before` because their creation time could not be read. */
  undated: number
}

/**
 * Walks the Console's pages (narrowed by what the Console can filter) and
 * yields, as each page arrives, the page's tokens that every filter lets
 * through: a listing of any size holds a page at a time, and the caller
 * keeps only what it needs (list-canarytokens writes the matches to its file
 * as they come; cleanup keeps the matches it must change). A page at a time,
 * not a token at a time: each step of an async generator costs promises,
 * and 100,000 tokens through a chain of them was most of a listing's garbage.
 * Each page's matches are made as the caller reads them (read them all
 * before asking for the next page), not gathered first: a page of gathered
 * matches was alive through the garbage collector's every run, which made
 * V8 grow its young generation over a long listing. `walk` counts as it goes.
 */
async function* matchingPages(console: ConsoleBackend, filter: CanarytokenFilter, log: Log, walk: Walk): AsyncGenerator<Iterable<ListedToken>> {
  const query = consoleQuery(filter)
  const asked = { flock_id: query.flockId, kind: query.kind, active: query.active, search_string: query.searchString }
  const narrowed = Object.entries(asked).filter(([, value]) => value !== undefined)
  log.info(
    narrowed.length > 0
      ? `Searching Canarytokens by ${narrowed.map(([name, value]) => `${name}=${String(value)}`).join(', ')}; every filter is checked here too.`
      : 'Listing every Canarytoken; the filters are checked here.'
  )
  // A Console that pages by offset could show a token twice: it is counted and changed once.
  const seen = new IdSet()
  function* matchesOf(tokens: Iterable<TokenRecord>): Generator<ListedToken> {
    for (const token of tokens) {
      if (!seen.add(token.id)) continue
      walk.read++
      if (matchesFilter(filter, token)) {
        walk.matched++
        yield listedToken(token)
      } else if (filter.createdBefore && token.created === undefined) walk.undated++
    }
  }
  for await (const page of console.pages(query)) {
    walk.pages++
    yield matchesOf(page.tokens)
  }
  if (walk.undated > 0) log.warning(`${counted(walk.undated, 'Canarytoken')} ${walk.undated === 1 ? 'has' : 'have'} no readable creation time; 'created-before' leaves them out.`)
  const steps = filter.memoPattern?.steps?.()
  if (steps !== undefined) log.debug(`memo-pattern: ${counted(walk.read, 'memo')} matched in ${steps} glob steps.`)
  log.info(`Read ${counted(walk.read, 'Canarytoken')} in ${counted(walk.pages, 'page')}; ${walk.matched} ${walk.matched === 1 ? 'matches' : 'match'} ${describeFilter(filter)}.`)
}

const newWalk = (): Walk => ({ read: 0, pages: 0, matched: 0, undated: 0 })

/** Every match, kept (cleanup changes them after the walk, so that max-changes is checked before any change). */
async function findMatches(console: ConsoleBackend, filter: CanarytokenFilter, log: Log): Promise<{ matched: ListedToken[]; read: number }> {
  const walk = newWalk()
  const matched: ListedToken[] = []
  for await (const matches of matchingPages(console, filter, log, walk)) for (const token of matches) matched.push(token)
  return { matched, read: walk.read }
}

/** Passes the batches on, keeping the summary rows of the first MAX_SUMMARY_ROWS items (all the job summary shows) as they are read. */
async function* keepingSummaryRows<T>(batches: AsyncIterable<Iterable<T>>, rows: string[][], row: (item: T) => string[]): AsyncGenerator<Iterable<T>> {
  function* keeping(batch: Iterable<T>): Generator<T> {
    for (const item of batch) {
      if (rows.length < MAX_SUMMARY_ROWS) rows.push(row(item))
      yield item
    }
  }
  for await (const batch of batches) yield rows.length < MAX_SUMMARY_ROWS ? keeping(batch) : batch
}

function createdText(record: ListedToken): string {
  if (record.created_printable) return record.created_printable
  const seconds = Number.parseFloat(record.created ?? '')
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : ''
}

/** Memos can be 10,000 characters: the summary shows their start. */
function shortMemo(memo: string): string {
  // By character (code point), so an emoji is never cut in half.
  const characters = Array.from(memo)
  return characters.length > 120 ? `${characters.slice(0, 117).join('')}...` : memo
}

function tokenRow(record: ListedToken): string[] {
  return [
    record.canarytoken,
    record.kind,
    shortMemo(record.memo ?? ''),
    createdText(record),
    String(record.triggered_count ?? ''),
    String(record.enabled ?? '')
  ]
}

const TOKEN_COLUMNS = ['Canarytoken', 'Kind', 'Memo', 'Created', 'Triggered', 'Enabled']

/** The inputs that upload the token list as a workflow artifact. */
const LIST_ARTIFACT_INPUTS = ['artifact-name', 'retention-days'] as const

function listArtifact(artifact: FileOptions['artifact'], list: TokenList): ArtifactRequest | undefined {
  return artifact ? { ...artifact, files: [list.path], rootDirectory: dirname(list.path) } : undefined
}

interface ListParams {
  filter: CanarytokenFilter
  artifact: FileOptions['artifact']
}

const listOperation = defineOperation<ListParams>({
  name: 'list-canarytokens',
  description:
    'Lists Canarytokens page by page, narrowed by `memo-pattern`, `kind`, `flock-id`, `created-before`, `triggered` and `enabled` (all optional); the whole list goes to the file `tokens-file` names (uploaded with `artifact-name`), and to `tokens` while it fits in an output.',
  backends: CONSOLE_ONLY,
  backendNote: 'the Canarytokens server cannot list tokens',
  requires: [],
  accepts: [...FILTER_INPUTS, ...LIST_ARTIFACT_INPUTS],
  outputs: ['tokens', 'tokens-file', 'count', 'artifact-id', 'artifact-name'],
  parse: async (inputs, env) => ({ filter: await parseCanarytokenFilter(inputs, Date.now()), artifact: parseArtifactOptions(inputs, env) }),
  async run({ filter, artifact }, context) {
    const walk = newWalk()
    const rows: string[][] = []
    const matches = keepingSummaryRows(matchingPages(consoleOf(context), filter, context.log, walk), rows, tokenRow)
    const list = await writeTokenBatches(context.env.runnerTemp, 'list-canarytokens', matches, context.log)
    const { matched, read, pages } = walk
    return {
      outputs: { ...list.outputs, count: matched },
      summary: {
        heading: `Canarytokens (${matched})`,
        columns: TOKEN_COLUMNS,
        rows,
        totalRows: matched,
        notes: [`${matched} of ${counted(read, 'Canarytoken')} read (${counted(pages, 'page')}) ${matched === 1 ? 'matches' : 'match'} ${describeFilter(filter)}.`, list.note],
        empty: 'No Canarytokens matched.',
        fullList: list.fullList
      },
      artifact: listArtifact(artifact, list)
    }
  }
})

export type CleanupAction = 'disable' | 'delete'
const CLEANUP_ACTIONS: readonly CleanupAction[] = ['disable', 'delete']

interface CleanupParams {
  action: CleanupAction
  filter: CanarytokenFilter
  clearIncidents: boolean
  dryRun: boolean
  maxChanges: number
  concurrency: number
  artifact: FileOptions['artifact']
}

/** What happened to one matched token. */
export type Outcome = 'changed' | 'skipped' | 'failed' | 'dry-run'

export interface TokenOutcome extends ListedToken {
  outcome: Outcome
  /** What was done, why not, or the Console's error. */
  message: string
}

const PAST = { disable: 'disabled', delete: 'deleted' } as const
const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`

export async function parseCleanup(inputs: InputReader, nowMs: number): Promise<Omit<CleanupParams, 'artifact'>> {
  const action = inputs.get('action')
  if (!CLEANUP_ACTIONS.includes(action as CleanupAction)) {
    throw new InputError(`Input 'action' must be ${CLEANUP_ACTIONS.join(' or ')}${action ? `, not '${action}'` : ''}.`)
  }
  const filter = await parseCanarytokenFilter(inputs, nowMs)
  const clearIncidents = booleanInput(inputs, 'clear-incidents')
  if (clearIncidents && action !== 'delete') {
    throw new InputError("Input 'clear-incidents' applies to 'action: delete' only; disabling keeps a token's incidents.")
  }
  requireFilterOrAll(filter, inputs, 'cleanup-canarytokens')
  return {
    action: action as CleanupAction,
    filter,
    clearIncidents,
    dryRun: booleanInput(inputs, 'dry-run'),
    maxChanges: integerInput(inputs, 'max-changes', { min: 1, max: 1_000_000, fallback: Number(INPUT_DEFAULTS['max-changes']) }) as number,
    concurrency: concurrencyInput(inputs)
  }
}

/** The summary lists failures first: they are what a reader must see if the table is cut. */
const OUTCOME_ORDER: Record<Outcome, number> = { failed: 0, changed: 1, 'dry-run': 1, skipped: 2 }

async function cleanupResult(
  params: CleanupParams,
  context: OperationContext,
  outcomes: TokenOutcome[],
  read: number,
  notes: string[],
  failure?: string
): Promise<OperationResult> {
  const count = (outcome: Outcome) => outcomes.filter((item) => item.outcome === outcome).length
  const [changed, skipped, failed, planned] = [count('changed'), count('skipped'), count('failed'), count('dry-run')]
  let list: TokenList | undefined
  let unwritten: string | undefined
  try {
    list = await writeTokenList(context.env.runnerTemp, 'cleanup-canarytokens', outcomes, context.log)
  } catch (error) {
    const changedIds = outcomes.filter((item) => item.outcome === 'changed').map((item) => item.canarytoken)
    unwritten = unwrittenOutcomes({ past: PAST[params.action], noun: 'Canarytoken', changedIds, idName: 'Canarytoken', matched: outcomes.length, failed, dryRun: params.dryRun, reason: errorMessage(error), log: context.log })
  }
  const heading = params.dryRun
    ? `Dry run: would ${params.action} ${planned} of ${counted(outcomes.length, 'matched Canarytoken')}`
    : `${capitalized(PAST[params.action])} ${changed} of ${counted(outcomes.length, 'matched Canarytoken')}`
  // Rows for what the summary shows only.
  const rows = [...outcomes]
    .sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome])
    .slice(0, MAX_SUMMARY_ROWS)
    .map((item) => [...tokenRow(item), item.outcome, item.message])
  return {
    outputs: { 'matched-count': outcomes.length, 'changed-count': changed, 'failed-count': failed, ...list?.outputs },
    summary: {
      heading,
      columns: [...TOKEN_COLUMNS, 'Outcome', 'Message'],
      rows,
      totalRows: outcomes.length,
      empty: 'No Canarytokens matched.',
      notes: [
        `Filters: ${describeFilter(params.filter)}. ${outcomes.length} of ${counted(read, 'Canarytoken')} read matched.`,
        `Changed ${changed}, skipped ${skipped}, failed ${failed}${params.dryRun ? `, would ${params.action} ${planned} (dry run: nothing was changed)` : ''}.`,
        ...notes,
        list ? list.note : `The outcome list could not be written (${unwritten}); the log names every changed Canarytoken.`
      ],
      fullList: list ? list.fullList : 'the outcome list could not be written'
    },
    artifact: list ? listArtifact(params.artifact, list) : undefined,
    failure: unwritten ? `${unwritten}${failure ? `; ${failure}` : '.'}` : failure
  }
}

const cleanupOperation = defineOperation<CleanupParams>({
  name: 'cleanup-canarytokens',
  description:
    'Disables or deletes (`action`) every Canarytoken matching the filters, `concurrency` at a time; `dry-run` changes nothing, and more matches than `max-changes` stop the run before any change.',
  backends: CONSOLE_ONLY,
  backendNote: 'the Canarytokens server cannot list tokens',
  requires: ['action'],
  accepts: [...FILTER_INPUTS, 'all', 'clear-incidents', 'dry-run', 'max-changes', 'concurrency', ...LIST_ARTIFACT_INPUTS],
  outputs: ['matched-count', 'changed-count', 'failed-count', 'tokens', 'tokens-file', 'artifact-id', 'artifact-name'],
  parse: async (inputs, env) => ({ ...(await parseCleanup(inputs, Date.now())), artifact: parseArtifactOptions(inputs, env) }),
  async run(params, context) {
    const { log } = context
    const console = consoleOf(context)
    const { matched, read } = await findMatches(console, params.filter, log)
    const outcomes: TokenOutcome[] = matched.map((record) =>
      params.action === 'disable' && record.enabled === false
        ? { ...record, outcome: 'skipped', message: 'already disabled' }
        : { ...record, outcome: 'dry-run', message: `would ${params.action}` }
    )
    const toChange = outcomes.filter((item) => item.outcome === 'dry-run')

    if (toChange.length > params.maxChanges) {
      const reason = `${counted(toChange.length, 'Canarytoken')} would be ${PAST[params.action]}, more than max-changes (${params.maxChanges})`
      if (params.dryRun) {
        const note = `A real run would stop here: ${reason}. Narrow the filters or raise 'max-changes'.`
        log.warning(note)
        return cleanupResult(params, context, outcomes, read, [note])
      }
      for (const item of toChange) Object.assign(item, { outcome: 'skipped', message: `not ${PAST[params.action]}: over max-changes` })
      const failure = `${reason}; nothing was changed. Check the filters with 'dry-run: true', or raise 'max-changes'.`
      return cleanupResult(params, context, outcomes, read, [failure], failure)
    }
    if (params.dryRun) {
      log.info(`Dry run: would ${params.action} ${counted(toChange.length, 'Canarytoken')}; nothing was changed.`)
      return cleanupResult(params, context, outcomes, read, [])
    }

    log.info(`${params.action === 'delete' ? 'Deleting' : 'Disabling'} ${counted(toChange.length, 'Canarytoken')}, ${params.concurrency} at a time.`)
    await changeEach(
      toChange,
      params.concurrency,
      async (item) => {
        if (params.action === 'disable') {
          await console.setAlerting({ id: item.canarytoken }, false)
          return 'disabled'
        }
        const { alreadyDone } = await console.delete({ id: item.canarytoken }, { clearIncidents: params.clearIncidents }).catch((error: unknown) => {
          throw params.clearIncidents ? error : withClearIncidentsHint(error)
        })
        return `deleted${alreadyDoneSuffix(alreadyDone)}`
      },
      {
        // Gone between listing and deleting (another run, or a person): the goal holds.
        gone: (error) => (params.action === 'delete' && isNotFound(error) ? 'already deleted' : undefined),
        failed: (item, message) => log.info(`Could not ${params.action} ${item.canarytoken}: ${message}`)
      }
    )
    const failed = toChange.filter((item) => item.outcome === 'failed').length
    const changed = toChange.filter((item) => item.outcome === 'changed').length
    log.info(`${capitalized(PAST[params.action])} ${changed} of ${counted(outcomes.length, 'matched Canarytoken')}; ${failed} failed.`)
    const failure =
      failed > 0 ? `${failed} of ${counted(toChange.length, 'Canarytoken')} could not be ${PAST[params.action]} (the file named by the 'tokens-file' output and the job summary say why for each).` : undefined
    return cleanupResult(params, context, outcomes, read, [], failure)
  }
})

export const CLEANUP_OPERATIONS = [listOperation, cleanupOperation]
