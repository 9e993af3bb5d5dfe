import type { DownloadedBody, HttpTransport } from '../../http/transport.js'
import type { CanarytokenBackend, CreateOptions, CreateRequest, IncidentRecord, Removal, TokenRecord, TokenRef } from '../types.js'
import {
  canarytokenPages,
  createCanarytoken,
  deleteCanarytoken,
  disableCanarytoken,
  downloadCanarytoken,
  enableCanarytoken,
  fetchCanarytoken,
  findCanarytokens,
  updateCanarytokenMemo,
  type Canarytoken,
  type CanarytokenQuery,
  type FindCanarytokensOptions
} from './canarytokens.js'
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

/** The page's tokens as records, one at a time, letting go of each raw token once its record is made (the page is ours alone). */
function* records(tokens: (Canarytoken | undefined)[]): Generator<TokenRecord> {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    tokens[index] = undefined
    if (token) yield listedRecord(token)
  }
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
    origin: URL
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

  // eslint-disable-next-line require-yield
  async *incidents(token: TokenRef): AsyncIterable<IncidentRecord> {
    // The incident feed arrives with the incidents work (list-incidents); until then no operation calls this.
    throw new Error(`reading the incidents of ${token.id} from the Console is not built yet`)
  }

  /** Replaces the memo; the reference documents the updated token in the answer, fetched when a Console leaves it out. */
  async updateMemo(token: TokenRef, memo: string): Promise<TokenRecord> {
    const answer = await updateCanarytokenMemo(this.transport, token.id, memo)
    return answer.token ? { ...tokenRecord(answer.token), answer: withoutSecretFields(answer) } : this.fetch(token)
  }

  /** Every page of tokens the Console can narrow to `query`; the caller filters further. */
  async *pages(query: CanarytokenQuery = {}): AsyncGenerator<TokenPage> {
    for await (const page of canarytokenPages(this.transport, query)) yield { tokens: records(page.canarytokens), page: page.page }
  }

  /** The tokens matching every option, each checked here too. */
  async find(options: FindCanarytokensOptions): Promise<TokenRecord[]> {
    return (await findCanarytokens(this.transport, options)).map(tokenRecord)
  }

  close(): Promise<void> {
    return this.transport.close()
  }
}
