import { withoutSecretFields } from '../../secret-fields.js'
import type { TokenRecord } from '../types.js'
import type { Canarytoken } from './canarytokens.js'

// The Console's token fields, read once, here. Booleans and numbers have
// arrived as text from Consoles; a field that cannot be read is undefined,
// never guessed.

/** `enabled` as a boolean; Consoles have sent it as a boolean and as text. `undefined` when absent. */
export function isEnabled(token: Canarytoken): boolean | undefined {
  const value: unknown = token.enabled
  if (value === true || value === 'true' || value === 'True' || value === 1) return true
  if (value === false || value === 'false' || value === 'False' || value === 0) return false
  return undefined
}

/** `created`: epoch seconds, sent as text. */
function createdDate(token: Canarytoken): Date | undefined {
  const value: unknown = token.created
  const seconds = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''))
  const date = Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined
  // Seconds past what a date holds make an invalid one, which no later step can print: none.
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

function triggeredCount(token: Canarytoken): number | undefined {
  const value: unknown = token.triggered_count
  if (value === undefined || value === null || value === '') return undefined
  const count = Number(value)
  return Number.isFinite(count) ? count : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * One value of a `name = value` line in an INI text. Split at the `=`, not
 * matched by a regular expression: a lazy value before `\s*$` took time
 * quadratic in a line of spaces, and the text is the Console's.
 */
function iniValue(ini: string, name: string): string | undefined {
  for (const line of ini.split(/\r?\n/)) {
    const at = line.indexOf('=')
    if (at === -1 || line.slice(0, at).trim() !== name) continue
    const value = line.slice(at + 1).trim()
    if (value) return value
  }
  return undefined
}

/** An aws-id token's keys: its `access_key_id` and `secret_access_key`, else its `renders["aws-id"]` block (the reference shows both). */
function awsKeys(token: Canarytoken): TokenRecord['awsKeys'] {
  let accessKeyId = text(token.access_key_id)?.trim() ?? ''
  let secretAccessKey = text(token.secret_access_key)?.trim() ?? ''
  const rendered = token.renders?.['aws-id']
  if ((!accessKeyId || !secretAccessKey) && typeof rendered === 'string') {
    accessKeyId ||= iniValue(rendered, 'aws_access_key_id') ?? ''
    secretAccessKey ||= iniValue(rendered, 'aws_secret_access_key') ?? ''
  }
  if (!accessKeyId || !secretAccessKey) return undefined
  const region = text(token.region) ?? (typeof rendered === 'string' ? iniValue(rendered, 'region') : undefined)
  return { accessKeyId, secretAccessKey, region }
}

/** The plain (string, number, boolean) fields of an object, as text. */
function stringFields(object: object): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(object)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value)
  }
  return fields
}

/** The fields of a record read straight from the token. */
function plainFields(token: Canarytoken): Omit<TokenRecord, 'fieldValues' | 'details'> {
  return {
    id: token.canarytoken,
    kind: token.kind,
    memo: typeof token.memo === 'string' ? token.memo : '',
    enabled: isEnabled(token),
    created: createdDate(token),
    triggeredCount: triggeredCount(token),
    flockId: text(token.flock_id),
    hostname: text(token.hostname),
    url: text(token.url),
    nodeId: text(token.node_id),
    awsKeys: token.kind === 'aws-id' ? awsKeys(token) : undefined,
    renders: token.renders && typeof token.renders === 'object' ? stringFields(token.renders) : undefined
  }
}

/** A Console token as the action's record. Its secrets were masked by the transport as the answer arrived. */
export function tokenRecord(token: Canarytoken): TokenRecord {
  return { ...plainFields(token), fieldValues: stringFields(token), details: withoutSecretFields(token) }
}

/**
 * A record of a listing's page: `fieldValues` and `details` (a copy of every
 * field, and one without the secret ones) are made when first read, by
 * getters on the class (not on each record: a getter per record costs two
 * closures, and at 100,000 tokens those alone make the garbage collector's
 * young generation grow by a hundred MiB). A listing reads neither for most
 * tokens; copying each token twice for nothing was most of a listing's work.
 * Not for spreading (`{ ...record }` leaves the two out): listings only read.
 */
class ListedRecord implements TokenRecord {
  readonly #token: Canarytoken
  #fieldValues: Record<string, string> | undefined
  #details: Record<string, unknown> | undefined
  declare id: string
  declare kind: string
  declare memo: string

  constructor(token: Canarytoken) {
    Object.assign(this, plainFields(token))
    this.#token = token
  }

  get fieldValues(): Record<string, string> {
    return (this.#fieldValues ??= stringFields(this.#token))
  }

  get details(): Record<string, unknown> {
    return (this.#details ??= withoutSecretFields(this.#token))
  }
}

/** A token of a listing's page as a record (see ListedRecord). */
export function listedRecord(token: Canarytoken): TokenRecord {
  return new ListedRecord(token)
}
