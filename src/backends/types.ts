import type { DownloadedBody, FileParams, Params } from '../http/transport.js'

// The port: what every Canary server this action drives does, over typed
// records. A backend turns its server's answers into these records at its
// edge (enabled as a boolean, created as a date, counts as numbers, secrets
// masked before anything else sees them), so operations and filters never
// read a server's raw fields. A backend imports nothing above it: no inputs,
// no operations, no @actions/core.

/** The servers this action can drive. */
export type BackendName = 'console' | 'canarytokens-server'

/** A Canarytoken, whichever server keeps it. */
export interface TokenRecord {
  /** The token's id: the Console's `canarytoken`, the free server's `token`. */
  id: string
  /** The kind in the action's words (see operations/kinds.ts). */
  kind: string
  memo: string
  /** Whether it alerts; undefined when the server did not say. */
  enabled?: boolean
  created?: Date
  /** How often it has fired; undefined when the server did not say. */
  triggeredCount?: number
  flockId?: string
  hostname?: string
  url?: string
  /**
   * The Console's incident node id for this token, where a listing gives one.
   * The reference never says it equals `id`: incidents are matched by the
   * token id their events carry, this is only a narrowing hint.
   */
  nodeId?: string
  /** Free server: the token's own key (a secret, masked) and the page that manages it (holds the key; masked). */
  manageAuth?: string
  manageUrl?: string
  /** AWS keys of an aws-id token (masked). */
  awsKeys?: { accessKeyId: string; secretAccessKey: string; region?: string; output?: string }
  /** Ready-made texts the server gives for the token, by name (the aws-id credentials file, a WireGuard config); masked. */
  renders?: Record<string, string>
  /**
   * Every plain field of the token by the server's own name, secrets
   * included (masked already): what a seed template's
   * `{{ canarytoken.<name>.<field> }}` reads.
   */
  fieldValues: Record<string, string>
  /**
   * The server's own description of the token, every secret field removed:
   * for the `token` output and lists only. Never read by operations.
   */
  details: Record<string, unknown>
  /** The server's whole answer to the call that produced this record, secret fields removed: for the `response` output only. */
  answer?: unknown
}

/** One alert of a token: a Console incident, or a free server's history hit. */
export interface IncidentRecord {
  /** The incident's key (Console); the hit's time and index on the free server, which has no keys. */
  id: string
  /** The token that fired (from the event, not the node id). */
  canarytoken: string
  memo: string
  kind: string
  /** Where the request came from: an address, as the server saw it (attacker's data). */
  srcHost: string
  created: Date
  acknowledged: boolean
  /** The event name (an AWS call) or the request (method and URL), where the server gives one. */
  event?: string
  userAgent?: string
  /** Console: the incident's `updated_id`, the cursor for `incidents-since`. */
  updatedId?: number
  flockId?: string
}

/** How operations name one token to a backend: the free server needs the token's own key with every call. */
export interface TokenRef {
  id: string
  manageAuth?: string
}

/** A token to create, already checked: kind-specific parameters in the server's own words. */
export interface CreateRequest {
  kind: string
  memo: string
  flockId?: string
  /** Parameters beyond kind, memo and flock, named as the server names them. */
  params: Params
  /** Files to upload: part name -> path. */
  files: FileParams
}

/** What a removal did: `alreadyDone` when a retried call found it gone because an earlier attempt removed it. */
export interface Removal {
  alreadyDone: boolean
}

/** What both servers do. */
export interface CanarytokenBackend {
  readonly name: BackendName
  /** The server in messages, e.g. 'the Console at https://x.canary.tools'. */
  readonly description: string
  create(request: CreateRequest, options?: CreateOptions): Promise<TokenRecord>
  fetch(token: TokenRef): Promise<TokenRecord>
  download(token: TokenRecord): Promise<DownloadedBody>
  /** Turns the token's alerting on or off (the Console: enable/disable; the free server: e-mail and webhook alerts). */
  setAlerting(token: TokenRef, enabled: boolean): Promise<void>
  delete(token: TokenRef, options?: { clearIncidents?: boolean }): Promise<Removal>
  /** The token's alerts, oldest first. */
  incidents(token: TokenRef): AsyncIterable<IncidentRecord>
  close(): Promise<void>
}

export interface CreateOptions {
  /**
   * When a create's answer was lost and the server shows several tokens that
   * could be the one it made (overlapping runs with the same memo), which
   * one to take; without it, the create fails naming them.
   */
  pickAmongSeveral?: (tokens: TokenRecord[]) => TokenRecord
}
