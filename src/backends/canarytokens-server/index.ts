import { Readable } from 'node:stream'
import { ApiError, wasDoneByEarlierAttempt } from '../../http/errors.js'
import type { DownloadedBody, HttpTransport, Params } from '../../http/transport.js'
import type { CanarytokenBackend, CreateRequest, IncidentRecord, Removal, TokenRecord, TokenRef } from '../types.js'
import { DELETE, DOWNLOAD, GENERATE, HISTORY, MANAGE, SETTINGS } from './endpoints.js'
import { serverKind, type ServerKind } from './kinds.js'
import { createdTokenRecord, historyIncidents, managedTokenRecord } from './records.js'

/** Where a Canarytokens server sends a token's alerts: at least one is needed to create. */
export interface AlertTargets {
  email?: string
  webhook?: string
}

type Json = Record<string, unknown>

/** A `data:<type>;base64,<data>` URI's bytes, or undefined when the text is not one. */
export function dataUriBytes(text: string): Buffer | undefined {
  const match = /^data:[^,;]*(?:;[^,;]*)*;base64,([A-Za-z0-9+/=\s]*)$/.exec(text.trim())
  return match ? Buffer.from(match[1] as string, 'base64') : undefined
}

function bodyOf(content: Buffer, filename: string, contentType?: string): DownloadedBody {
  return { body: Readable.from([content], { objectMode: false }), filename, contentType, contentLength: content.length }
}

async function readAll(download: DownloadedBody): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of download.body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * A Canarytokens server (canarytokens.org or self-hosted) as a backend. It
 * has no accounts: every token has its own key, its manage auth, which goes
 * with every call for it (query parameters for manage, history and download,
 * the JSON body for settings and delete, as thinkst/canarytokens
 * frontend/app.py reads them). It cannot list tokens.
 */
export class CanarytokensServerBackend implements CanarytokenBackend {
  readonly name = 'canarytokens-server'
  readonly description: string

  constructor(
    private readonly transport: HttpTransport,
    private readonly origin: URL,
    private readonly alerts: AlertTargets = {}
  ) {
    this.description = `the Canarytokens server at ${origin.origin}`
  }

  private kindOf(kind: string): ServerKind {
    const rule = serverKind(kind)
    if (!rule) throw new Error(`${this.description} has no kind '${kind}'`)
    return rule
  }

  private pair(token: TokenRef): { token: string; auth: string } {
    if (!token.manageAuth) throw new Error(`the Canarytoken ${token.id} on ${this.description} needs its manage auth ('manage-auth')`)
    return { token: token.id, auth: token.manageAuth }
  }

  async create(request: CreateRequest): Promise<TokenRecord> {
    const rule = this.kindOf(request.kind)
    if (!this.alerts.email && !this.alerts.webhook) throw new Error(`creating a token on ${this.description} needs 'alert-email' or 'alert-webhook'`)
    const params: Params = {
      ...request.params,
      token_type: rule.type,
      memo: request.memo,
      email: this.alerts.email,
      webhook_url: this.alerts.webhook
    }
    let answer: Json
    try {
      answer = await this.transport.call<Json>(GENERATE, params, request.files)
    } catch (error) {
      // The server's error page, with status 200, is also how it answers a webhook on an address it will not POST to.
      if (error instanceof ApiError && error.failure === 'not-json' && error.status === 200 && this.alerts.webhook) {
        throw new ApiError(
          `${error.message} (the server answers this page, among other failures, when 'alert-webhook' resolves to a private or loopback address it refuses to POST to)`,
          error.failure,
          error.status,
          error.serverMessage,
          error.attempts,
          error.earlierAttemptMayHaveActed
        )
      }
      throw error
    }
    if (typeof answer.token !== 'string' || !answer.token || typeof answer.auth_token !== 'string' || !answer.auth_token) {
      throw new ApiError(`${this.description} answered the create without a token and its manage auth`, 'result', 200)
    }
    return createdTokenRecord(this.origin, answer, request.memo)
  }

  async fetch(token: TokenRef): Promise<TokenRecord> {
    const answer = await this.transport.call<Json>(MANAGE, this.pair(token))
    return managedTokenRecord(this.origin, answer, token)
  }

  /**
   * The token's file: from the answer that carries it (WireGuard config,
   * kubeconfig, QR code, signed binary), else `GET /download?fmt=`.
   */
  async download(token: TokenRecord): Promise<DownloadedBody> {
    const rule = this.kindOf(token.kind)
    const carried = rule.answerFile
    if (carried) {
      for (const field of carried.fields) {
        const value = token.fieldValues[field]
        if (!value) continue
        const bytes = carried.encoding === 'text' ? Buffer.from(value, 'utf8') : carried.encoding === 'base64' ? Buffer.from(value, 'base64') : dataUriBytes(value)
        if (bytes) return bodyOf(bytes, carried.filename)
      }
    }
    if (!rule.fmt) {
      throw new Error(
        `${this.description} gives the file of a ${token.kind} token only in the answer that creates it; create it with 'download: true' (or read the config from the web page at the manage URL)`
      )
    }
    const download = await this.transport.download(DOWNLOAD, { fmt: rule.fmt, ...this.pair(token) })
    if (rule.answerFile?.encoding !== 'data-uri') return download
    // fmt=qr_code answers the PNG's data URI as text (labelled image/png): the file is the picture it holds.
    const content = await readAll(download)
    const bytes = dataUriBytes(content.toString('latin1'))
    return bodyOf(bytes ?? content, download.filename ?? rule.answerFile.filename, download.contentType)
  }

  /** E-mail and webhook alerting off; on again for each that has a recipient. */
  async setAlerting(token: TokenRef, enabled: boolean): Promise<void> {
    const pair = this.pair(token)
    let settings: string[] = ['email_enable', 'webhook_enable']
    if (enabled) {
      const current = await this.transport.call<Json>(MANAGE, pair)
      const drop = (typeof current.canarydrop === 'object' && current.canarydrop !== null ? current.canarydrop : {}) as Json
      settings = [
        ...(typeof drop.alert_email_recipient === 'string' && drop.alert_email_recipient ? ['email_enable'] : []),
        ...(typeof drop.alert_webhook_url === 'string' && drop.alert_webhook_url ? ['webhook_enable'] : [])
      ]
      if (settings.length === 0) throw new Error(`the Canarytoken ${token.id} has neither an e-mail address nor a webhook to alert on ${this.description}`)
    }
    for (const setting of settings) {
      const answer = await this.transport.call<Json>(SETTINGS, { setting, value: enabled ? 'on' : 'off', ...pair })
      if (answer.message !== 'success') {
        throw new ApiError(`${this.description} answered the ${setting} setting without "message": "success"`, 'result', 200, typeof answer.message === 'string' ? answer.message : undefined)
      }
    }
  }

  async delete(token: TokenRef): Promise<Removal> {
    try {
      const answer = await this.transport.call<Json>(DELETE, this.pair(token))
      if (answer.message !== 'success') {
        throw new ApiError(`${this.description} answered the delete without "message": "success"`, 'result', 200, typeof answer.message === 'string' ? answer.message : undefined)
      }
      return { alreadyDone: false }
    } catch (error) {
      // A repeat of a delete the server may have carried out finds the token gone (403).
      if (wasDoneByEarlierAttempt(error)) return { alreadyDone: true }
      throw error
    }
  }

  /** The token's history hits, oldest first (the server keeps the last 50). */
  async *incidents(token: TokenRef): AsyncIterable<IncidentRecord> {
    const answer = await this.transport.call<Json>(HISTORY, this.pair(token))
    const record = managedTokenRecord(this.origin, { canarydrop: answer.canarydrop }, token)
    yield* historyIncidents(answer, record)
  }

  close(): Promise<void> {
    return this.transport.close()
  }
}
