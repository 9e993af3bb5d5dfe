import type { DownloadedBody, HttpTransport } from '../../http/transport.js'
import type { CanarytokenBackend, CreateOptions, CreateRequest, IncidentRecord, Removal, TokenRecord, TokenRef } from '../types.js'
import {
  canarytokenListing,
  canarytokenPages,
  createCanarytoken,
  deleteCanarytoken,
  disableCanarytoken,
  downloadCanarytoken,
  enableCanarytoken,
  fetchCanarytoken,
  findCanarytokens,
  searchStringFor,
  updateCanarytokenMemo,
  type Canarytoken,
  type CanarytokenQuery,
  type FindCanarytokensOptions
} from './canarytokens.js'
import { acknowledgeIncident, deleteIncident, incidentPages, type IncidentPage, type IncidentQuery } from './incidents.js'
import { withoutSecretFields } from '../../secret-fields.js'
import { listedRecord, tokenRecord } from './records.js'

/** One page of a listing, as records. */
export interface TokenPage {
  /**
   * The page's tokens, each made a record as it is read: a listing reads
   * most records once and drops them, so they die young instead of living
   * as long as the page (with 500 a page, records made all at once outlive
   * the garbage collector's young generation and make it grow).
   */
  tokens: Iterable<TokenRecord>
  /** 1-based */
  page: number
}

/** The page's tokens as records, one at a time, each made as its token is read. */
function* records(tokens: Iterable<Canarytoken | null | undefined>): Generator<TokenRecord> {
  for (const token of tokens) if (token) yield listedRecord(token)
}

/**
 * The Canary Console as a backend: what both servers do, plus what only the
 * Console has (listing and search, memo updates; API keys, flocks and
 * incidents go through `transport` with their own endpoint modules).
 */
export class ConsoleBackend implements CanarytokenBackend {
  readonly name = 'console'
  readonly description: string

  constructor(
    readonly transport: HttpTransport,
    /** The Console's origin (for links to it: report-incidents). */
    readonly origin: URL
  ) {
    this.description = `the Console at ${origin.origin}`
  }

  async create(request: CreateRequest, options: CreateOptions = {}): Promise<TokenRecord> {
    const pick = options.pickAmongSeveral
    const answer = await createCanarytoken(
      this.transport,
      { ...request.params, kind: request.kind, memo: request.memo, flock_id: request.flockId },
      request.files,
      {
        pickAmongSeveral: pick
          ? (tokens) => {
              const chosen = pick(tokens.map(tokenRecord))
              return tokens.find((token) => token.canarytoken === chosen.id) ?? tokens[0]!
            }
          : undefined
      }
    )
    return { ...tokenRecord(answer.canarytoken), answer: withoutSecretFields(answer) }
  }

  async fetch(token: TokenRef): Promise<TokenRecord> {
    const answer = await fetchCanarytoken(this.transport, token.id)
    return { ...tokenRecord(answer.token), answer: withoutSecretFields(answer) }
  }

  download(token: TokenRecord): Promise<DownloadedBody> {
    return downloadCanarytoken(this.transport, token.id)
  }

  async setAlerting(token: TokenRef, enabled: boolean): Promise<void> {
    await (enabled ? enableCanarytoken : disableCanarytoken)(this.transport, token.id)
  }

  async delete(token: TokenRef, options: { clearIncidents?: boolean } = {}): Promise<Removal> {
    const answer = await deleteCanarytoken(this.transport, token.id, options.clearIncidents ?? false)
    return { alreadyDone: answer.alreadyDone === true }
  }

  /**
   * The token's incidents, acknowledged or not, in the Console's order
   * (oldest change first). The reference documents a `node_id` filter but
   * never says a token's node_id is its id, so the feed is narrowed by the
   * node_id a listing shows for the token (one search), and every incident
   * is kept only when its event names this token: right under both
   * readings. A token no listing shows (or shows without node_id) is looked
   * for in the whole feed.
   */
  async *incidents(token: TokenRef): AsyncIterable<IncidentRecord> {
    const nodeId = await this.nodeIdOf(token.id)
    for await (const page of this.incidentPages({ state: 'all', nodeId })) {
      for (const incident of page.incidents) if (incident.canarytoken === token.id) yield incident
    }
  }

  /** The node_id the Console's listing gives the token, if any (search by its id, a whole word of it). */
  async nodeIdOf(id: string): Promise<string | undefined> {
    const searchString = searchStringFor(id)
    if (!searchString) return undefined
    for await (const page of canarytokenPages(this.transport, { searchString })) {
      const found = page.canarytokens.find((candidate) => candidate.canarytoken === id)
      if (found) return typeof found.node_id === 'string' && found.node_id !== '' ? found.node_id : undefined
    }
    return undefined
  }

  /** Every page of a feed, Canarytoken incidents only (Canary incidents are counted and left out). */
  incidentPages(query: IncidentQuery): AsyncGenerator<IncidentPage> {
    return incidentPages(this.transport, query)
  }

  async acknowledgeIncident(key: string): Promise<void> {
    await acknowledgeIncident(this.transport, key)
  }

  async deleteIncident(key: string): Promise<void> {
    await deleteIncident(this.transport, key)
  }

  /** Replaces the memo; the reference documents the updated token in the answer, fetched when a Console leaves it out. */
  async updateMemo(token: TokenRef, memo: string): Promise<TokenRecord> {
    const answer = await updateCanarytokenMemo(this.transport, token.id, memo)
    return answer.token ? { ...tokenRecord(answer.token), answer: withoutSecretFields(answer) } : this.fetch(token)
  }

  /** Every page of tokens the Console can narrow to `query`; the caller filters further. */
  async *pages(query: CanarytokenQuery = {}): AsyncGenerator<TokenPage> {
    for await (const page of canarytokenListing(this.transport, query)) yield { tokens: records(page.tokens), page: page.page }
  }

  /** The tokens matching every option, each checked here too. */
  async find(options: FindCanarytokensOptions): Promise<TokenRecord[]> {
    return (await findCanarytokens(this.transport, options)).map(tokenRecord)
  }

  close(): Promise<void> {
    return this.transport.close()
  }
}
