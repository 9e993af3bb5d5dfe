import { ApiError, removal, type RemovalAnswer } from '../../http/errors.js'
import { isEnabled } from './records.js'
import type { HttpTransport, DownloadedBody, Endpoint, FileParams, Params, SuccessBody } from '../../http/transport.js'

/** A Canarytoken as the Console describes it; kinds add fields of their own. */
export interface Canarytoken {
  canarytoken: string
  kind: string
  memo: string
  enabled?: boolean
  flock_id?: string
  hostname?: string
  url?: string
  key?: string
  created?: string
  created_printable?: string
  triggered_count?: number
  updated_id?: number
  browser_scanner_enabled?: boolean
  access_key_id?: string
  secret_access_key?: string
  username?: string
  renders?: Record<string, string>
  [field: string]: unknown
}

/** `repeatable`: safe to send again when an attempt's answer was lost (see Endpoint). */
export const CANARYTOKEN_ENDPOINTS = {
  create: { method: 'POST', path: '/api/v1/canarytoken/create', repeatable: false, answers: 'canarytoken' },
  fetch: { method: 'GET', path: '/api/v1/canarytoken/fetch', repeatable: true, answers: 'token' },
  update: { method: 'POST', path: '/api/v1/canarytoken/update', repeatable: true },
  enable: { method: 'POST', path: '/api/v1/canarytoken/enable', repeatable: true },
  disable: { method: 'POST', path: '/api/v1/canarytoken/disable', repeatable: true },
  delete: { method: 'POST', path: '/api/v1/canarytoken/delete', repeatable: true },
  download: { method: 'GET', path: '/api/v1/canarytoken/download', repeatable: true },
  removeS3: { method: 'POST', path: '/api/v1/canarytoken/remove/s3', repeatable: true },
  deleteApeeperFactory: { method: 'POST', path: '/api/v1/apeeperfactory/delete', repeatable: true },
  paginate: { method: 'GET', path: '/api/v1/canarytokens/paginate', repeatable: true },
  search: { method: 'GET', path: '/api/v1/canarytokens/search', repeatable: true }
} as const satisfies Record<string, Endpoint>

export interface CreateCanarytokenParams extends Params {
  kind: string
  memo: string
  flock_id?: string
}

export interface CanarytokenAnswer extends SuccessBody {
  canarytoken: Canarytoken
}
export interface TokenAnswer extends SuccessBody {
  token: Canarytoken
}

/** How far the Console's clock may be behind ours when telling a token we just made from an older one. */
const CLOCK_SKEW_MS = 60_000

/**
 * Creates a token, never two. Create is not safe to repeat, so when an
 * attempt fails where the Console may have made the token (a timeout, a
 * connection broken after sending, a 5xx), the Console is searched for a
 * token of this kind with exactly this memo (and flock), made since just
 * before the first attempt: found, it is the answer; not found, the create
 * is sent again. Older tokens that share the memo are not mistaken for it.
 * Several such tokens (other runs made the same token meanwhile) fail the
 * call, naming them, unless `pickAmongSeveral` chooses the answer.
 */
export function createCanarytoken(
  transport: HttpTransport,
  params: CreateCanarytokenParams,
  files: FileParams = {},
  { pickAmongSeveral }: { pickAmongSeveral?: (tokens: Canarytoken[]) => Canarytoken } = {}
): Promise<CanarytokenAnswer> {
  const since = Date.now() - CLOCK_SKEW_MS
  const recover = async (): Promise<CanarytokenAnswer | undefined> => {
    const matches = await findCanarytokens(transport, { kind: params.kind, memoEquals: params.memo, flockId: params.flock_id }).catch((error: unknown) => {
      // A key that may create but not search (a Flock canarytoken-deploy key) cannot settle it: say so, and where to look.
      if (!(error instanceof ApiError) || error.failure !== 'unauthorized') throw error
      throw new Error(
        `this key may not search for the token (HTTP ${error.status ?? 'error'}: ${error.serverMessage ?? 'refused'}; a Flock canarytoken-deploy key only creates and downloads): ` +
          `look for a ${params.kind} token with this memo in the Console before running the step again`
      )
    })
    const recent = matches.filter((token) => !(Number(token.created) * 1000 < since))
    if (recent.length === 0) return undefined
    const chosen = recent.length === 1 ? recent[0]! : pickAmongSeveral?.(recent)
    if (!chosen) {
      const ids = recent.map((token) => token.canarytoken).join(', ')
      throw new Error(`${recent.length} Canarytokens of this kind with this memo were made just now (${ids}); check which to keep`)
    }
    // Read it back whole: a search result need not carry every field (e.g. aws-id keys).
    const { token } = await fetchCanarytoken(transport, chosen.canarytoken)
    return { result: 'success', canarytoken: token }
  }
  return transport.call<CanarytokenAnswer>(CANARYTOKEN_ENDPOINTS.create, params, files, recover)
}

export function fetchCanarytoken(transport: HttpTransport, canarytoken: string): Promise<TokenAnswer> {
  return transport.call<TokenAnswer>(CANARYTOKEN_ENDPOINTS.fetch, { canarytoken })
}

/** The reference documents `{"result","token"}` as update's answer. */
export function updateCanarytokenMemo(transport: HttpTransport, canarytoken: string, memo: string): Promise<Partial<TokenAnswer> & SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.update, { canarytoken, memo })
}

export function enableCanarytoken(transport: HttpTransport, canarytoken: string): Promise<SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.enable, { canarytoken })
}

export function disableCanarytoken(transport: HttpTransport, canarytoken: string): Promise<SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.disable, { canarytoken })
}

export function deleteCanarytoken(transport: HttpTransport, canarytoken: string, clearIncidents = false): Promise<RemovalAnswer> {
  // Sent only when asked for, so the Console's own default applies otherwise.
  return removal(transport.call(CANARYTOKEN_ENDPOINTS.delete, { canarytoken, clear_incidents: clearIncidents ? true : undefined }))
}

export function downloadCanarytoken(transport: HttpTransport, canarytoken: string): Promise<DownloadedBody> {
  return transport.download(CANARYTOKEN_ENDPOINTS.download, { canarytoken })
}

export interface RemoveS3Params extends Params {
  canarytoken: string
  aws_access_key: string
  aws_secret_key: string
  aws_region: string
  /** For temporary AWS credentials (documented for remove/s3). */
  aws_session_token?: string
  delete_buckets?: boolean
  s3_source_bucket?: string
}

/** The reference lists `aws_access_key` twice for this endpoint; it is sent once. */
export function removeS3Canarytoken(transport: HttpTransport, params: RemoveS3Params): Promise<RemovalAnswer> {
  return removal(transport.call(CANARYTOKEN_ENDPOINTS.removeS3, params))
}

export function deleteApeeperFactory(transport: HttpTransport, hash: string): Promise<RemovalAnswer> {
  return removal(transport.call(CANARYTOKEN_ENDPOINTS.deleteApeeperFactory, { hash }))
}

/** Where the next and previous pages are. `next_link` carries the auth token in its URL: never followed. */
export interface PageCursor {
  next?: string | null
  prev?: string | null
  next_link?: string | null
  prev_link?: string | null
}

export interface PaginateParams extends Params {
  flock_id?: string
  limit?: number
  cursor?: string
}

export interface SearchParams extends PaginateParams {
  /** Word-prefix match on the token id and the memo. */
  search_string?: string
  kind?: string
  active?: boolean
}

export interface PaginateAnswer extends SuccessBody {
  canarytokens: Canarytoken[]
  cursor?: PageCursor | null
  page_num?: number
  page_total?: number
}

/** Search names its page fields differently from paginate. */
export interface SearchAnswer extends SuccessBody {
  canarytokens: Canarytoken[]
  cursor?: PageCursor | null
  page_number?: number
  total_pages?: number
  total_results?: number
}

/**
 * Tokens asked for per page. The reference sets no upper limit (the default
 * is 10); a page of 500 is a few hundred KB, and every page is a round trip
 * to a Console that is an internet away. A Console that caps it just gives
 * more pages.
 */
export const PAGE_SIZE = 500

/** What the Console itself can narrow a listing by. Everything else is filtered by the caller. */
export interface CanarytokenQuery {
  flockId?: string
  kind?: string
  /** The Console's `active`: enabled tokens (true) or disabled ones (false). */
  active?: boolean
  /** Word-prefix match on token id and memo (see `searchStringFor`). */
  searchString?: string
  pageSize?: number
}

/** One page as the walker saw it. */
export interface CanarytokenPage {
  canarytokens: Canarytoken[]
  /** 1-based */
  page: number
  /** The Console's count of matching tokens, when it says (search does). */
  totalResults?: number
}

/** Where a walk over `query` asks: search when the Console can narrow the list (kind, active, search string), paginate otherwise. */
function walkRequest(query: CanarytokenQuery): { endpoint: Endpoint; base: SearchParams } {
  const useSearch = query.kind !== undefined || query.active !== undefined || query.searchString !== undefined
  const base: SearchParams = { flock_id: query.flockId, limit: query.pageSize ?? PAGE_SIZE }
  if (useSearch) Object.assign(base, { kind: query.kind, active: query.active, search_string: query.searchString })
  return { endpoint: useSearch ? CANARYTOKEN_ENDPOINTS.search : CANARYTOKEN_ENDPOINTS.paginate, base }
}

/**
 * Every page of a walk, following `cursor.next` until it is null. The query
 * goes with every page, so a Console that reads it from each request and one
 * that keeps it in the cursor both give the same pages. With `readAhead`,
 * the next page is asked for as soon as this one's cursor is known, while
 * the caller reads this one: the Console's round trip overlaps our work on
 * the page instead of following it (pages are reads, safe to ask for and
 * drop). A page asked for ahead and not wanted (the caller stopped, or this
 * page failed) is dropped when it comes, its failure with it, and is not
 * tried again once the walk is over (no retry, no Retry-After wait keeping
 * the step alive after it has ended).
 */
async function* followCursors<P>(
  { endpoint, base }: { endpoint: Endpoint; base: SearchParams },
  fetchPage: (params: SearchParams, page: number, signal: AbortSignal) => Promise<{ cursor?: PageCursor | null; page: P }>,
  readAhead = false
): AsyncGenerator<P> {
  const seen = new Set<string>()
  // Aborted when the walk ends however it ends: a page asked for ahead is then not tried again nor waited for.
  const walking = new AbortController()
  const signal = walking.signal
  try {
    let pending = fetchPage({ ...base, cursor: undefined }, 1, signal)
    for (let number = 1; ; number++) {
      const { cursor: next, page } = await pending
      const following = next?.next
      const last = following === undefined || following === null || following === ''
      // A Console that hands back a cursor it gave before would have us loop for ever: that page is still given, then the walk stops.
      const looped = !last && seen.has(following)
      if (!last && !looped) {
        seen.add(following)
        if (readAhead) {
          pending = fetchPage({ ...base, cursor: following }, number + 1, signal)
          pending.catch(() => undefined)
        }
      }
      yield page
      if (last) return
      if (looped) throw new ApiError(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result')
      if (!readAhead) pending = fetchPage({ ...base, cursor: following }, number + 1, signal)
    }
  } finally {
    walking.abort()
  }
}

function withoutList(endpoint: Endpoint): ApiError {
  return new ApiError(`${endpoint.path} answered without a "canarytokens" list`, 'result')
}

/**
 * Every page of tokens matching `query`, each page's tokens parsed at once.
 * Search is used when the Console can narrow the list (kind, active, search
 * string), paginate otherwise; `fetch` (everything in one answer) never.
 */
export function canarytokenPages(transport: HttpTransport, query: CanarytokenQuery = {}): AsyncGenerator<CanarytokenPage> {
  const request = walkRequest(query)
  return followCursors(request, async (params, page) => {
    const answer = await transport.call<PaginateAnswer & SearchAnswer>(request.endpoint, params)
    if (!Array.isArray(answer.canarytokens)) throw withoutList(request.endpoint)
    return { cursor: answer.cursor, page: { canarytokens: answer.canarytokens, page, totalResults: answer.total_results } }
  })
}

/** A page of a walk that reads every token, its tokens parsed one at a time. */
export interface CanarytokenListingPage {
  /** Once, in order; each token is parsed (and its secrets masked) when it is read. */
  tokens: Iterable<Canarytoken>
  /** 1-based */
  page: number
}

/**
 * Every page of tokens matching `query`, as `canarytokenPages` gives them,
 * for a walk that reads every token (list-canarytokens, cleanup): a page's
 * tokens stay bytes until each is read (HttpTransport.callList), so only the
 * token being read is on the heap, not its page. The next page is asked for
 * while this one is read (its bytes wait off the heap too). Whatever a
 * reader leaves of a page is read before the next page is handed out, so a
 * page that was not JSON fails the walk where it would have failed whole.
 */
export async function* canarytokenListing(transport: HttpTransport, query: CanarytokenQuery = {}): AsyncGenerator<CanarytokenListingPage> {
  const request = walkRequest(query)
  const pages = followCursors(
    request,
    async (params, page, signal) => {
      const { answer, items } = await transport.callList<PaginateAnswer & SearchAnswer>(request.endpoint, params, 'canarytokens', signal)
      if (!items) throw withoutList(request.endpoint)
      return { cursor: answer.cursor, page: { tokens: items as Iterable<Canarytoken>, page } }
    },
    true
  )
  for await (const page of pages) {
    yield page
    for (const token of page.tokens) void token
  }
}

/** Every token matching `query`, one at a time, a page in memory at most. */
export async function* listCanarytokens(transport: HttpTransport, query: CanarytokenQuery = {}): AsyncGenerator<Canarytoken> {
  for await (const page of canarytokenPages(transport, query)) yield* page.canarytokens
}

/**
 * A search string the Console's word-prefix search surely matches in every
 * memo that starts with `text`: its leading run of letters and digits. Any
 * word splitting (at spaces or at punctuation) starts a word there, and the
 * run is a prefix of it. `undefined` when `text` starts with anything else.
 */
export function searchStringFor(text: string): string | undefined {
  // Bounded: a 10,000-character first word would make a URL servers refuse, and a prefix still matches.
  return /^[A-Za-z0-9]+/.exec(text)?.[0].slice(0, SEARCH_STRING_LENGTH)
}

const SEARCH_STRING_LENGTH = 200

export interface FindCanarytokensOptions {
  flockId?: string
  kind?: string
  active?: boolean
  /** Tokens whose memo is exactly this. */
  memoEquals?: string
  /** Narrow the Console's search yourself (word-prefix on token id and memo); derived from `memoEquals` when not given. */
  searchString?: string
}

/**
 * The tokens matching every option, letting the Console do the narrowing it
 * can and checking every option again on what comes back (so a Console that
 * ignored a parameter cannot widen the result).
 */
export async function findCanarytokens(transport: HttpTransport, options: FindCanarytokensOptions): Promise<Canarytoken[]> {
  const searchString = options.searchString ?? (options.memoEquals !== undefined ? searchStringFor(options.memoEquals) : undefined)
  const found: Canarytoken[] = []
  for await (const token of listCanarytokens(transport, { flockId: options.flockId, kind: options.kind, active: options.active, searchString })) {
    if (options.memoEquals !== undefined && token.memo !== options.memoEquals) continue
    if (options.kind !== undefined && token.kind !== options.kind) continue
    if (options.flockId !== undefined && token.flock_id !== undefined && token.flock_id !== options.flockId) continue
    if (options.active !== undefined && isEnabled(token) !== options.active) continue
    found.push(token)
  }
  return found
}
