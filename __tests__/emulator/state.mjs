// The Console emulator's in-memory model: Canarytokens, their incidents and
// uploads, flocks, Global and Flock API keys, Apeeper factories and the API
// switch. No HTTP here; routes.mjs maps requests onto these methods.
import { randomBytes } from 'node:crypto'
import { DEVICE_LOGTYPES, IncidentStore, TOKEN_LOGTYPES, present, stdTime, tokenEvent } from './incidents.mjs'

/**
 * Kinds the Console offers, with the names /api/v1/canarytokens/list gives
 * them (the current reference's example), plus idp-app (create's
 * `idp_app_type`) and the kinds only the older reference lists (LEGACY_KINDS).
 */
export const KIND_NAMES = Object.freeze({
  'active-directory-login': 'Active Directory Login',
  apeeper: 'Apeeper',
  'aws-id': 'AWS API Key',
  'aws-s3': 'AWS S3 Bucket',
  'azure-entra-login': 'Azure Entra Login',
  'azure-id': 'Azure Login Certificate and Config',
  'cloned-css': 'CSS cloned site',
  'cloned-web': 'Cloned Website',
  'credit-card': 'Credit Card',
  dns: 'DNS',
  'doc-msexcel': 'MS Excel Document',
  'doc-msword': 'MS Word Document',
  'fast-redirect': 'Fast Redirect',
  http: 'Web Bug',
  'idp-app': 'IdP App',
  'msexcel-macro': 'MS Excel Macro Document',
  'msword-macro': 'MS Word Macro Document',
  'mysql-dump': 'MySQL Dump File',
  'pdf-acrobat-reader': 'Acrobat PDF',
  pwa: 'Fake App',
  'qr-code': 'QR Code',
  'sensitive-cmd': 'Sensitive Command',
  'signed-exe': 'Custom Exe/Binary',
  'slack-api': 'Slack API Key',
  'slow-redirect': 'Slow Redirect',
  sql: 'SQL Server',
  svn: 'SVN',
  'web-image': 'Custom Web Image',
  'windows-dir': 'Windows Folder',
  wireguard: 'WireGuard VPN'
})
/** Kinds only the older reference lists: tokens of them may exist, a strict Console makes no new ones. */
export const LEGACY_KINDS = Object.freeze(new Set(['apeeper', 'sql', 'svn']))
export const KINDS = Object.freeze(Object.keys(KIND_NAMES))
export const DEFAULT_FLOCK = 'flock:default'
export const MAX_MEMO = 10_000
export const GLOBAL_KEY_TYPES = Object.freeze(['read-only', 'analyst', 'admin'])
export const FLOCK_KEY_TYPES = Object.freeze(['read-only', 'canarytoken-deploy', 'breadcrumb-deploy', 'analyst', 'admin'])

/** An answer the Console gives as `{"result":"error","message":...}` with this status. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   */
  constructor(status, message) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }
}

// ---------------------------------------------------------------- randomness

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const HEX = '0123456789abcdef'

// One buffer of random bytes, refilled as needed: seeding 10,000 tokens would
// otherwise make tens of thousands of small randomBytes calls.
let pool = randomBytes(16384)
let poolAt = 0

/**
 * @param {number} length
 * @param {string} alphabet at most 256 characters
 */
export function randomText(length, alphabet) {
  if (poolAt + length > pool.length) {
    pool = randomBytes(Math.max(16384, length))
    poolAt = 0
  }
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[(pool[poolAt++] ?? 0) % alphabet.length]
  return out
}

/** @param {number} length */
export const randomHex = (length) => randomText(length, HEX)

// ---------------------------------------------------------------- time formats

/** @param {number} n */
const two = (n) => String(n).padStart(2, '0')

/** `2020-04-06 08:21:55` in UTC. @param {Date} date */
function utcStamp(date) {
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
}

/** Token `created_printable`: `2020-04-06 08:21:55 (UTC)`. @param {number} ms */
export const printableTime = (ms) => `${utcStamp(new Date(ms))} (UTC)`

/** API key `created`: `2023-04-13 19:12:15 UTC+0000`. @param {number} ms */
export const keyTime = (ms) => `${utcStamp(new Date(ms))} UTC+0000`

/** Token `created`: epoch seconds with microseconds, as a string. @param {number} ms */
export const epochSeconds = (ms) => (ms / 1000).toFixed(6)

/**
 * Order of listings: by creation time, then by id.
 * @param {{ created: string, canarytoken: string }} a
 * @param {{ created: string, canarytoken: string }} b
 */
export function tokenOrder(a, b) {
  const byTime = Number(a.created) - Number(b.created)
  if (byTime !== 0) return byTime
  return a.canarytoken < b.canarytoken ? -1 : a.canarytoken > b.canarytoken ? 1 : 0
}

// ---------------------------------------------------------------- kind-specific fields

/** The account part of every access key id this emulator mints (see fillKindFields). */
let awsAccountPart

/** @param {Record<string, any>} token */
function fillKindFields(token) {
  switch (token.kind) {
    case 'http':
      token.browser_scanner_enabled ??= true
      break
    case 'aws-id': {
      // An access key id carries its AWS account in the 8 characters after `AKIA`: every key a Console mints
      // lives in one account, so all of them share their first 12 characters (the worst case for any index of them).
      awsAccountPart ??= randomText(8, UPPER_BASE32)
      token.access_key_id ??= `AKIA${awsAccountPart}${randomText(8, UPPER_BASE32)}`
      token.secret_access_key ??= randomText(40, SECRET_CHARS)
      token.username ??= `svc-${randomText(10, LOWER_ALNUM)}`
      // The reference's paginate and search examples show aws-id tokens with a factory_auth (a credential).
      token.factory_auth ??= randomHex(40)
      token.renders ??= {
        'aws-id': `[default]\naws_access_key_id = ${token.access_key_id}\naws_secret_access_key = ${token.secret_access_key}\nregion = us-east-2\noutput = json\n`
      }
      break
    }
    case 'cloned-web': {
      token.cloned_web ??= 'example.com'
      const domain = String(token.cloned_web).replace(/^https?:\/\//, '').replace(/\/.*$/, '')
      token.renders ??= {
        'cloned-web':
          `<script>(function(){var d=document.domain;if(d!=${JSON.stringify(domain)}&&d!=${JSON.stringify(`www.${domain}`)}){` +
          `var i=new Image();i.src=${JSON.stringify(token.url)}+"?l="+encodeURIComponent(location.href)+"&r="+encodeURIComponent(document.referrer);}})();</script>`
      }
      break
    }
    case 'cloned-css':
      token.expected_referrer ??= 'example.com'
      break
    case 'fast-redirect':
    case 'slow-redirect':
      token.browser_redirect_url ??= 'https://example.com/'
      break
    case 'sensitive-cmd':
      token.process_name ??= 'klist.exe'
      break
    case 'wireguard': {
      const key = () => randomBytes(32).toString('base64')
      token.renders ??= {
        wg_conf: `[Interface]\nPrivateKey = ${key()}\nAddress = 192.168.${(randomBytes(1)[0] ?? 0) % 250}.2/24\n\n[Peer]\nPublicKey = ${key()}\nAllowedIPs = 192.168.0.0/16\nEndpoint = ${token.hostname}:51820\n`
      }
      break
    }
  }
}

// ---------------------------------------------------------------- the state

/**
 * @typedef {object} ApiKey
 * @property {string} auth_token
 * @property {string} auth_token_type
 * @property {string} created
 * @property {string} created_by
 * @property {string} key_id
 * @property {string} note
 * @property {string[]} [managed_flocks] Flock keys only
 * @property {string[]} [watched_flocks] Flock keys only
 * @property {string} [last_used] Flock keys only, once used
 */

/**
 * @typedef {object} Caller who made a request
 * @property {ApiKey} key
 * @property {'global' | 'flock'} scope
 */

export class ConsoleState {
  /**
   * @param {{ authToken: string, now: () => number }} options
   */
  constructor({ authToken, now }) {
    this.now = now
    /** @type {Map<string, Record<string, any>>} canarytoken id -> token */
    this.tokens = new Map()
    /** Incidents of tokens and Canaries (incidents.mjs). */
    this.incidents = new IncidentStore(now)
    /**
     * canarytoken id -> node_id. Kept apart from the token: listings show it, create and fetch
     * answers do not (as in the reference's examples), and it is not the token's id.
     * @type {Map<string, string>}
     */
    this.nodeIds = new Map()
    /** @type {Set<string>} every node_id handed out (tokens and Canaries) */
    this.usedNodeIds = new Set()
    /** @type {Map<string, Record<string, import('./files.mjs').Upload>>} canarytoken id -> files sent at creation */
    this.uploads = new Map()
    /** @type {Map<string, string>} flock_id -> name */
    this.flocks = new Map([[DEFAULT_FLOCK, 'Default Flock']])
    /** @type {Map<string, ApiKey>} auth_token -> Global API key */
    this.globalKeys = new Map()
    /** @type {Map<string, ApiKey>} auth_token -> Flock API key */
    this.flockKeys = new Map()
    /** @type {Set<string>} */
    this.factories = new Set()
    this.apiEnabled = true
    /** @type {Array<Record<string, any>> | null} tokens in listing order, rebuilt after changes */
    this.sortedCache = null
    this.initialKey = this.addGlobalKey({ type: 'admin', note: 'Console emulator initial key', createdBy: 'admin@example.com', authToken })
  }

  // ------------------------------------------------------------ tokens

  /**
   * Builds and stores a token. `partial` may set any field; the rest are filled in.
   * @param {Record<string, any>} partial
   * @returns {Record<string, any>}
   */
  createToken(partial = {}) {
    const kind = partial.kind ?? 'dns'
    if (!Object.hasOwn(KIND_NAMES, kind)) throw new ApiError(400, 'Supplied kind is not valid.')
    const flockId = partial.flock_id ?? DEFAULT_FLOCK
    if (!this.flocks.has(flockId)) throw new ApiError(400, 'Flock does not exist.')
    const { node_id: givenNodeId, ...fields } = partial
    partial = fields
    const id = partial.canarytoken ?? randomText(25, LOWER_ALNUM)
    if (this.tokens.has(id)) throw new Error(`a Canarytoken with id ${id} already exists`)
    const createdMs = partial.created !== undefined ? Number(partial.created) * 1000 : this.now()
    if (!Number.isFinite(createdMs)) throw new Error(`created must be epoch seconds, not ${partial.created}`)
    const domain = partial.custom_domain || 'canarytokens.com'
    /** @type {Record<string, any>} */
    const token = {
      canarytoken: id,
      hostname: `${id}.${domain}`,
      url: `http://${domain}/${['about', 'static', 'terms', 'articles'][id.charCodeAt(0) % 4]}/${id}/index.html`,
      key: randomHex(32),
      kind,
      memo: `Emulator ${kind} token`,
      enabled: true,
      flock_id: flockId,
      created: '',
      created_printable: '',
      triggered_count: 0,
      updated_id: 1,
      ...partial
    }
    token.created = epochSeconds(createdMs)
    token.created_printable = partial.created_printable ?? printableTime(createdMs)
    fillKindFields(token)
    this.tokens.set(id, token)
    if (givenNodeId !== undefined) this.usedNodeIds.add(givenNodeId)
    this.nodeIds.set(id, givenNodeId ?? this.newNodeId())
    this.sortedCache = null
    return token
  }

  /**
   * @param {string} id
   * @returns {boolean}
   */
  deleteToken(id) {
    this.incidents.deleteOfToken(id)
    this.nodeIds.delete(id)
    this.uploads.delete(id)
    const existed = this.tokens.delete(id)
    if (existed) this.sortedCache = null
    return existed
  }

  /** Every token in listing order (created, then id). */
  sortedTokens() {
    this.sortedCache ??= [...this.tokens.values()].sort(tokenOrder)
    return this.sortedCache
  }

  /** A node_id no token or Canary has: 16 hex digits, as Canary node_ids look. */
  newNodeId() {
    let id = randomHex(16)
    while (this.usedNodeIds.has(id)) id = randomHex(16)
    this.usedNodeIds.add(id)
    return id
  }

  /** A token as listings show it: with its node_id. @param {Record<string, any>} token */
  listed(token) {
    return { ...token, node_id: this.nodeIds.get(token.canarytoken) }
  }

  /** @param {import('./incidents.mjs').StoredIncident} incident */
  present(incident) {
    return present(incident, this.flocks.get(incident.flock_id) ?? '')
  }

  /**
   * An alert on a token: a new incident with one event (its triggered_count goes up).
   * @param {string} id
   * @param {import('./incidents.mjs').TokenEventOptions} [options]
   */
  addIncident(id, options = {}) {
    const token = this.tokens.get(id)
    if (!token) throw new Error(`no Canarytoken ${id}`)
    const ms = options.time ?? this.now()
    if (!Number.isFinite(ms)) throw new Error(`time must be epoch ms, not ${options.time}`)
    const srcHost = options.src_host ?? `198.51.100.${1 + (this.incidents.byKey.size % 254)}`
    const event = tokenEvent(token, options, ms, srcHost)
    const dns = typeof event.hostname === 'string' && event.dst_port === 53
    const incident = this.incidents.add(
      {
        source: 'token',
        node_id: this.nodeIds.get(id) ?? '',
        canarytoken: id,
        flock_id: token.flock_id,
        logtype: TOKEN_LOGTYPES[/** @type {keyof typeof TOKEN_LOGTYPES} */ (token.kind)] ?? '17000',
        summary: 'Canarytoken triggered',
        name: 'N/A',
        memo: token.memo,
        src_host: srcHost,
        src_port: '0',
        dst_host: '203.0.113.53',
        dst_port: dns ? '53' : '80',
        acknowledged: options.acknowledged ?? false,
        createdMs: ms,
        events: [event]
      },
      'canarytoken'
    )
    token.triggered_count = (token.triggered_count ?? 0) + 1
    return incident
  }

  /**
   * One more event on an incident (a token's: a later alert bundled into it).
   * @param {string} key
   * @param {import('./incidents.mjs').TokenEventOptions & { event?: Record<string, unknown> }} [options] `event`: a Canary event dict as it is
   */
  addEvent(key, options = {}) {
    const incident = this.incidents.byKey.get(key)
    if (!incident) throw new Error(`no incident ${key}`)
    const ms = options.time ?? this.now()
    if (incident.source === 'token') {
      const token = this.tokens.get(incident.canarytoken ?? '')
      if (!token) throw new Error(`the Canarytoken of ${key} is gone`)
      incident.events.push(options.event ?? tokenEvent(token, options, ms, options.src_host ?? incident.src_host))
      token.triggered_count = (token.triggered_count ?? 0) + 1
    } else {
      incident.events.push(options.event ?? { timestamp: Math.floor(ms / 1000), timestamp_std: stdTime(ms) })
    }
    this.incidents.touch(incident)
    return incident
  }

  /**
   * A Canary (device) the Console knows.
   * @param {{ name?: string, flock_id?: string, node_id?: string, ip_address?: string }} [options]
   */
  addDevice({ name = 'ExampleBird', flock_id = DEFAULT_FLOCK, node_id, ip_address = '192.0.2.10' } = {}) {
    if (!this.flocks.has(flock_id)) throw new ApiError(400, 'Flock does not exist.')
    if (node_id !== undefined) this.usedNodeIds.add(node_id)
    const id = node_id ?? this.newNodeId()
    this.incidents.devices.set(id, { name, flock_id, ip_address })
    return { node_id: id, name, flock_id, ip_address }
  }

  /**
   * An incident on a Canary: no canarytoken, no memo, the Canary's name and node_id.
   * @param {string} nodeId
   * @param {{ logtype?: string, summary?: string, src_host?: string, src_port?: string, dst_port?: string, src_host_reverse?: string,
   *   events?: Array<Record<string, unknown>>, time?: number, acknowledged?: boolean }} [options]
   */
  addDeviceIncident(nodeId, options = {}) {
    const device = this.incidents.devices.get(nodeId)
    if (!device) throw new Error(`no Canary ${nodeId}`)
    const ms = options.time ?? this.now()
    const logtype = options.logtype ?? '4002'
    const summary = options.summary ?? DEVICE_LOGTYPES[/** @type {keyof typeof DEVICE_LOGTYPES} */ (logtype)] ?? `Incident ${logtype}`
    const stamp = { timestamp: Math.floor(ms / 1000), timestamp_std: stdTime(ms) }
    const events = options.events ?? [{ USERNAME: 'root', PASSWORD: 'hunter2', LOCALVERSION: 'SSH-2.0-OpenSSH_8.4', REMOTEVERSION: 'SSH-2.0-libssh2_1.10.0', ...stamp }]
    return this.incidents.add(
      {
        source: 'device',
        node_id: nodeId,
        flock_id: device.flock_id,
        logtype,
        summary,
        name: device.name,
        src_host: options.src_host ?? '198.51.100.200',
        src_port: options.src_port ?? '50022',
        dst_host: device.ip_address,
        dst_port: options.dst_port ?? '22',
        src_host_reverse: options.src_host_reverse ?? '',
        acknowledged: options.acknowledged ?? false,
        createdMs: ms,
        events
      },
      summary.toLowerCase().replace(/[^a-z]+/g, '')
    )
  }

  // ------------------------------------------------------------ flocks and factories

  /** @param {string} name */
  addFlock(name) {
    const id = `flock:${randomHex(32)}`
    this.flocks.set(id, name)
    return id
  }

  addApeeperFactory() {
    const hash = randomHex(32)
    this.factories.add(hash)
    return hash
  }

  // ------------------------------------------------------------ API keys

  /**
   * @param {{ type?: string, note?: string, createdBy?: string, authToken?: string }} options
   * @returns {ApiKey}
   */
  addGlobalKey({ type = 'admin', note = 'Emulator key', createdBy = 'admin@example.com', authToken = randomHex(32) }) {
    if (!GLOBAL_KEY_TYPES.includes(type)) throw new ApiError(400, `auth_token_type must be one of ${GLOBAL_KEY_TYPES.join(', ')}`)
    /** @type {ApiKey} */
    const key = {
      auth_token: authToken,
      // The Console capitalises Global key types: Admin, Analyst, Read-Only.
      auth_token_type: type.replace(/(^|-)([a-z])/g, (_m, dash, letter) => `${dash}${letter.toUpperCase()}`),
      created: keyTime(this.now()),
      created_by: createdBy,
      key_id: this.newKeyId(),
      note
    }
    this.globalKeys.set(key.auth_token, key)
    return key
  }

  /**
   * @param {{ flockId: string, type?: string, note?: string, createdBy?: string }} options
   * @returns {ApiKey}
   */
  addFlockKey({ flockId, type = 'admin', note = 'Emulator flock key', createdBy = 'admin@example.com' }) {
    if (!this.flocks.has(flockId)) throw new ApiError(400, 'Flock does not exist.')
    if (!FLOCK_KEY_TYPES.includes(type)) throw new ApiError(400, `auth_token_type must be one of ${FLOCK_KEY_TYPES.join(', ')}`)
    /** @type {ApiKey} */
    const key = {
      auth_token: randomHex(32),
      auth_token_type: type,
      created: keyTime(this.now()),
      created_by: createdBy,
      key_id: this.newKeyId(),
      managed_flocks: [flockId],
      note,
      watched_flocks: []
    }
    this.flockKeys.set(key.auth_token, key)
    return key
  }

  newKeyId() {
    const used = new Set([...this.globalKeys.values(), ...this.flockKeys.values()].map((k) => k.key_id))
    let id = randomHex(8)
    while (used.has(id)) id = randomHex(8)
    return id
  }

  /**
   * The key an auth token belongs to, if it is (still) valid.
   * @param {string | undefined} authToken
   * @returns {Caller | undefined}
   */
  findCaller(authToken) {
    if (!authToken) return undefined
    const global = this.globalKeys.get(authToken)
    if (global) return { key: global, scope: 'global' }
    const flock = this.flockKeys.get(authToken)
    if (flock) {
      flock.last_used = keyTime(this.now())
      return { key: flock, scope: 'flock' }
    }
    return undefined
  }
}
