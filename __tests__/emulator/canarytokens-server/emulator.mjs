// Canarytokens server emulator: an in-memory stand-in for Thinkst's free
// Canarytokens server (canarytokens.org / self-hosted; source thinkst/canarytokens
// at e13e2d4: frontend/app.py, canarytokens/models/, canarytokens/canarydrop.py,
// canarytokens/queries.py) on 127.0.0.1, for tests and the demo. Written from
// that source, not from the action's client. Node's standard library only.
// README.md next to this file maps each behaviour to its source line.
import { randomBytes, randomInt } from 'node:crypto'
import { createServer } from 'node:http'
import { isIP } from 'node:net'
import * as files from './files.mjs'

/** frontend/app.py ROOT_API_ENDPOINT. */
export const API_PREFIX = '/d3aece8093b71007b5ccfedad91ebb11'
/** canarytokens/constants.py. */
export const MEMO_MAX_CHARACTERS = 1000
export const TEXT_SNIPPET_MAX_CHARACTERS = 5000
export const MAX_WEBHOOK_URL_LENGTH = 1024
/** canarytokens/settings.py SwitchboardSettings.MAX_HISTORY. */
export const MAX_HISTORY = 50
/** FrontendSettings.MAX_UPLOAD_SIZE. */
export const MAX_UPLOAD_SIZE = 1024 * 1024
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const MAX_BODY_BYTES = 16 * 1024 * 1024

/** canarytokens/models/common.py TokenTypes, and what the emulator does with each. */
export const KINDS = [
  'web', 'dns', 'web_image', 'ms_word', 'ms_excel', 'adobe_pdf', 'wireguard', 'windows_dir', 'webdav', 'clonedsite',
  'cssclonedsite', 'credit_card_v2', 'qr_code', 'svn', 'smtp', 'sql_server', 'my_sql', 'aws_keys', 'azure_id', 'signed_exe',
  'fast_redirect', 'slow_redirect', 'kubeconfig', 'log4shell', 'cmd', 'windows_fake_fs', 'cc', 'pwa', 'idp_app',
  'aws_infra', 'crowdstrike_cc', 'svg', 'mcp'
]
/** Kinds in TokenTypes that are not in AnyTokenRequest (legacy, slack_api): refused as malformed. */
/** models/common.py DownloadFmtTypes. */
export const DOWNLOAD_FMTS = [
  'zip', 'msword', 'msexcel', 'pdf', 'awskeys', 'azure_id_config', 'azure_id', 'kubeconfig', 'slackapi', 'incidentlist_json',
  'incidentlist_csv', 'my_sql', 'qr_code', 'cmd', 'windows_fake_fs', 'cc', 'cssclonedsite', 'credit_card_v2', 'svg', 'mcp'
]
/** models/common.py CanarydropSettingsTypes. */
export const SETTINGS = ['email_enable', 'webhook_enable', 'browser_scanner_enable', 'web_image_enable', 'ip_ignore_enable']
/** common.py IGNORE_IP_UNSUPPORTED. */
const IGNORE_IP_UNSUPPORTED = new Set(['smtp', 'credit_card_v2'])
/** models/webdav.py FsType (canarytokens/webdav.py). */
const WEBDAV_FS_TYPES = ['testing', 'security', 'defense', 'medical', 'it']
const PWA_ICONS = {
  absa: 'Absa', amex: 'American Express', applemail: 'Mail', applewallet: 'Wallet', axis: 'Axis Mobile', boa: 'Bank of America', bunq: 'bunq',
  capitec: 'Capitec', chase: 'Chase', cred: 'CRED', dashlane: 'Dashlane', discord: 'Discord', facebook: 'Facebook', fnb: 'FNB', gmail: 'Gmail',
  googlepay: 'GPay', googlewallet: 'Wallet', hdfc: 'HDFC Bank', icici: 'iMobile Pay', instagram: 'Instagram', messenger: 'Messenger', monzo: 'Monzo',
  n26: 'N26', nedbank: 'Nedbank', nordpass: 'NordPass', oldmutual: 'Old Mutual', onepassword: '1Password', paypal: 'PayPal', paytm: 'Paytm',
  phonepe: 'PhonePe', protonpass: 'Proton Pass', rbc: 'RBC Mobile', revolut: 'Revolut', sbi: 'YONO SBI', signal: 'Signal', snapchat: 'Snapchat',
  snapscan: 'SnapScan', standard: 'Standard Bank', starling: 'Starling', telegram: 'Telegram', tiktok: 'TikTok', twitter: 'X', whatsapp: 'WhatsApp', zapper: 'Zapper'
}
const IDP_APP_TYPES = [
  'aws', 'azure', 'bitwarden', 'dropbox', 'duo', 'elasticsearch', 'freshbooks', 'gcloud', 'gdrive', 'github', 'gitlab', 'gmail', 'intune', 'jamf', 'jira',
  'kibana', 'lastpass', 'ms365', 'msteams', 'onedrive', 'onepassword', 'outlook', 'pagerduty', 'sage', 'salesforce', 'sap', 'slack', 'virtru', 'zendesk', 'zoho', 'zoom'
]
/** HTTP-channel kinds: their hits come in on HTTP (everything else on DNS unless said). */
const HTTP_KINDS = new Set(['web', 'web_image', 'clonedsite', 'cssclonedsite', 'fast_redirect', 'slow_redirect', 'qr_code', 'aws_keys', 'azure_id', 'kubeconfig', 'pwa', 'idp_app', 'svg', 'mcp', 'ms_word', 'ms_excel', 'crowdstrike_cc'])
/** Hit fields every TokenHit has (models/common.py), in order. */
const BASE_HIT_FIELDS = ['time_of_hit', 'src_ip', 'geo_info', 'is_tor_relay', 'input_channel', 'src_data', 'useragent', 'alert_status']
/** Per-kind extra hit fields (models/<kind>.py *TokenHit), after token_type. */
const EXTRA_HIT_FIELDS = {
  web: { request_headers: null, request_args: null, additional_info: 'ADDITIONAL_INFO' },
  web_image: { additional_info: 'ADDITIONAL_INFO' },
  idp_app: { additional_info: 'ADDITIONAL_INFO' },
  aws_keys: { additional_info: null },
  azure_id: { additional_info: null },
  crowdstrike_cc: { additional_info: null },
  webdav: { additional_info: null },
  kubeconfig: { location: '' },
  pwa: { location: null }
}
const EMPTY_ADDITIONAL_INFO = { javascript: null, browser: null, mysql_client: null, r: null, l: null, file_path: null }

/** frontend/templates/500.html, served with status 200 by the 500 exception handler (TemplateResponse's default). */
export const ERROR_PAGE_500 = '<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n    <title>500 - Internal Server Error</title>\n  </head>\n  <body>\n    <h1>500 - Internal Server Error</h1>\n    <p>Something went wrong. Please try again later.</p>\n  </body>\n</html>\n'
/** frontend/templates/404.html, status 200 (app-level 404 handler). */
export const ERROR_PAGE_404 = '<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n    <title>404 - Page not found</title>\n  </head>\n  <body>\n    <h1>404 - Page not found</h1>\n  </body>\n</html>\n'
/** The Vue app's index.html (served for /, /generate, /manage, /history, /nest/...). */
export const WEB_APP_PAGE = '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Canarytokens</title>\n  </head>\n  <body>\n    <div id="app"></div>\n    <script type="module" src="/nest/assets/index.js"></script>\n  </body>\n</html>\n'
const WEB_APP_PATHS = [/^\/$/, /^\/legal$/, /^\/nest\/legal$/, /^\/manage$/, /^\/nest\/manage\/.*/, /^\/history$/, /^\/nest\/history\/.*/, /^\/nest\/entra\/.*/, /^\/nest\/generate$/, /^\/generate$/, /^\/create$/, /^\/create\/.*/, /^\/nest\/create$/, /^\/nest\/create\/.*/]

/**
 * @typedef {object} EmulatorOptions
 * @property {boolean} [aws] AWS key tokens configured (AWSID_URL/AWSID_AUTH set). Default true, as on canarytokens.org.
 * @property {boolean} [azure] Azure ID tokens configured (AZURE_ID_TOKEN_URL). Default true, as on canarytokens.org.
 * @property {boolean} [webdav] WebDAV (network folder) configured. Default false (needs Cloudflare settings).
 * @property {string} [domain] the canary domain (DOMAINS[0]); default canarytokens.com
 * @property {string} [nxdomain] NXDOMAINS[0]; default nxdomain.canarytokens.com
 * @property {string} [publicIp] PUBLIC_IP (WireGuard endpoint); default 203.0.113.10
 * @property {string} [commitSha] what /commitsha answers
 * @property {string | null} [googleApiKey] history's google_api_key (default null)
 * @property {(url: string) => WebhookVerdict | Promise<WebhookVerdict>} [webhookCheck] whether a webhook answers the test POST
 * @property {string[] | ((email: string) => boolean)} [blockedEmails] addresses refused with error 6
 * @property {() => number} [now] clock, epoch ms
 * @property {number} [latencyMs] delay before every answer
 */
/**
 * What the would-be test POST to a webhook got: 'ok' (2xx/3xx), 'http-error' (4xx/5xx), 'timeout' (over 10 s),
 * 'unreachable' (connection failed), 'refused' (advocate refuses the address: private, loopback, link-local...).
 * @typedef {'ok' | 'http-error' | 'timeout' | 'unreachable' | 'refused'} WebhookVerdict
 */
/**
 * @typedef {object} FaultSpec
 * @property {string} [method]
 * @property {string | RegExp} path exact path (prefix included) or a pattern
 * @property {number} [times] default 1
 * @property {number} [status] answer this status (default 500, or 429 with retryAfter)
 * @property {unknown} [body] object: JSON; string: text/plain; Buffer: bytes
 * @property {Record<string, string>} [headers]
 * @property {number | string} [retryAfter] adds Retry-After (status defaults to 429)
 * @property {number} [delayMs] wait first (then answer normally unless something else is set)
 * @property {'before-headers' | 'after-headers' | 'mid-body'} [reset] cut the connection (TCP RST)
 * @property {boolean} [html] the server's HTML 500 page with status 200 (unless status is given)
 * @property {boolean} [afterAction] do the real work first (state changes), then deliver the fault
 */
/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path
 * @property {string} rawUrl
 * @property {Record<string, string>} query
 * @property {Record<string, string>} headers lower-case names
 * @property {string | null} contentType
 * @property {'json' | 'form' | 'multipart' | 'text' | 'none'} bodyKind
 * @property {unknown} body parsed: JSON value, form/multipart text fields, or text ('' none)
 * @property {Record<string, { filename: string, contentType: string, size: number }>} files
 * @property {number | null} status
 * @property {number} receivedAt epoch ms
 */

class Answer {
  /** @param {number} status @param {Record<string, string>} headers @param {Buffer} body */
  constructor(status, headers, body) {
    this.status = status
    this.headers = headers
    this.body = body
  }
}
/** @param {number} status @param {unknown} value */
const json = (status, value) => new Answer(status, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(value), 'utf8'))
const html = (status, page) => new Answer(status, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(page, 'utf8'))
/** The 500 exception handler's page, status 200 (frontend/app.py internal_exception_handler). */
const crash = () => html(200, ERROR_PAGE_500)
/** models/common.py response_error. */
const responseError = (code, message) => json(400, { error: String(code), error_message: message, url: '', url_components: null, token: '', email: '', hostname: '', auth: '' })
const forbidden = () => json(403, { detail: 'Token not found. Invalid `auth` and `token` pair.' })
/** FastAPI's RequestValidationError answer (pydantic v1 error shape). */
const unprocessable = (errors) => json(422, { detail: errors })
const detail = (status, text) => json(status, { detail: text })

/** @param {string} text */
const isAscii = (text) => [...text].every((c) => c.charCodeAt(0) < 0x80)

/** Python's len(): code points, not UTF-16 units. @param {string} text */
const pyLen = (text) => [...text].length

/** pydantic v1 str coercion: str, int, float (bool is an int in Python). */
function asStr(value) {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? String(value) : String(value)
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  return undefined
}
/** pydantic v1 bool coercion. */
function asBool(value) {
  if (typeof value === 'boolean') return value
  if (value === 0 || value === 1) return value === 1
  if (typeof value === 'string') {
    const lower = value.toLowerCase()
    if (['0', 'off', 'f', 'false', 'n', 'no'].includes(lower)) return false
    if (['1', 'on', 't', 'true', 'y', 'yes'].includes(lower)) return true
  }
  return undefined
}

/** pydantic v1 EmailStr (email-validator 2, checked against 2.3): a syntactically valid address, internationalised allowed. */
export function isEmailStr(value) {
  if (typeof value !== 'string' || value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at <= 0 || at !== value.indexOf('@')) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (pyLen(local) > 64 || !/^[^\s@"(),:;<>[\\\]]+$/u.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false
  const labels = domain.split('.')
  if (labels.length < 2) return false
  if (!labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label))) return false
  // email-validator 2: the domain ends in a letter, and is no special-use domain nor under one (SPECIAL_USE_DOMAIN_NAMES).
  const lower = domain.toLowerCase()
  if (!/\p{L}$/u.test(lower)) return false
  return !['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'].some((name) => lower === name || lower.endsWith(`.${name}`))
}
/**
 * pydantic v1 EmailStr.validate (networks.validate_email): at most 2048 characters, a "Name <address>" form read
 * for its address, stripped, checked by email-validator, and given back normalised (the domain lower-cased).
 * Undefined when invalid.
 */
function emailStr(value) {
  if (typeof value !== 'string' || value.length > 2048) return undefined
  const pretty = /^([\p{L}\p{N}_ ]*?) *<(.*)> *$/u.exec(value) // Python's \w is Unicode
  const address = (pretty ? pretty[2] : value).trim()
  if (!isEmailStr(address)) return undefined
  const at = address.lastIndexOf('@')
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`
}

/** queries.is_valid_email. */
const VALID_EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

/**
 * pydantic v1 HttpUrl: http/https, a host, at most 2083 characters; a domain name needs a top-level domain
 * (tld_required): 2 to 63 letters, a trailing dot allowed (`ascii_domain_regex`), or an international one
 * (here as the WHATWG parser writes it: `xn--...`).
 */
export function isHttpUrl(value) {
  if (typeof value !== 'string' || value.length > 2083 || !/^https?:\/\//i.test(value)) return false
  let url
  try {
    url = new URL(value)
  } catch {
    return false
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!host) return false
  if (isIP(host)) return true
  return /\.(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})\.?$/i.test(url.hostname)
}

/** What advocate refuses (frontend WEBHOOK_ADDR_VALIDATOR): loopback, private, link-local, unspecified, multicast... */
export function isForbiddenAddress(host) {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (isIP(bare) === 4) {
    const [a, b] = bare.split('.').map(Number)
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224
  }
  if (isIP(bare) === 6) return bare === '::1' || bare === '::' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare) || /^ff/.test(bare) || /^::ffff:/.test(bare)
  return false
}

/** The default webhook check: the source's answer for forbidden addresses; any other URL answers 2xx (no network here). */
export function defaultWebhookCheck(url) {
  return isForbiddenAddress(new URL(url).hostname) ? 'refused' : 'ok'
}

/**
 * tokens.Canarytoken(value): an empty value makes a new random token (whose drop is never there); otherwise
 * find_canarytoken searches the text (reversed when it has no '/') for 25 characters of the alphabet, case-insensitive,
 * and lower-cases the match. Undefined: no token in it (NoCanarytokenFound) or an empty value.
 * @param {string} haystack
 */
function findCanarytoken(haystack) {
  if (haystack === '') return undefined
  const reverse = !haystack.includes('/')
  const text = reverse ? [...haystack].reverse().join('') : haystack
  const match = /[0-9a-z]{25}/i.exec(text)?.[0]
  if (match === undefined) return undefined
  return (reverse ? [...match].reverse().join('') : match).toLowerCase()
}

const randomToken = () => Array.from({ length: 25 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
const upperAlnum = (n) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[randomInt(32)]).join('')

/** A minimal multipart/form-data reader. @param {Buffer} body @param {string} contentType */
function parseMultipart(body, contentType) {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  /** @type {Record<string, string>} */
  const fields = {}
  /** @type {Record<string, { filename: string, contentType: string, data: Buffer }>} */
  const uploads = {}
  if (!match) return { fields, uploads }
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`)
  let start = body.indexOf(boundary)
  while (start !== -1) {
    const next = body.indexOf(boundary, start + boundary.length)
    if (next === -1) break
    const part = body.subarray(start + boundary.length + 2, next - 2)
    const split = part.indexOf('\r\n\r\n')
    if (split !== -1) {
      const head = part.subarray(0, split).toString('utf8')
      const data = part.subarray(split + 4)
      const name = /name="([^"]*)"/i.exec(head)?.[1]
      const filename = /filename="([^"]*)"/i.exec(head)?.[1]
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'text/plain'
      if (name !== undefined) {
        if (filename !== undefined) uploads[name] = { filename, contentType: type, data }
        else fields[name] = data.toString('utf8')
      }
    }
    start = next
  }
  return { fields, uploads }
}

/** @param {import('node:net').Socket | null} socket */
function resetSocket(socket) {
  if (!socket || socket.destroyed) return
  try {
    socket.resetAndDestroy()
  } catch {
    socket.destroy()
  }
}

export class CanarytokensServerEmulator {
  /** @type {import('node:http').Server | undefined} */
  #server
  #url = ''
  /** @type {Set<import('node:net').Socket>} */
  #sockets = new Set()
  /** @type {Array<FaultSpec & { remaining: number, hits: number }>} */
  #faults = []
  /** @type {Map<string, any>} token -> canarydrop */
  #drops = new Map()

  /** @param {EmulatorOptions} [options] */
  constructor(options = {}) {
    this.aws = options.aws ?? true
    this.azure = options.azure ?? true
    this.webdav = options.webdav ?? false
    this.domain = options.domain ?? 'canarytokens.com'
    this.nxdomain = options.nxdomain ?? 'nxdomain.canarytokens.com'
    this.publicIp = options.publicIp ?? '203.0.113.10'
    this.commitSha = options.commitSha ?? 'e13e2d4'
    this.googleApiKey = options.googleApiKey ?? null
    this.webhookCheck = options.webhookCheck ?? defaultWebhookCheck
    this.blockedEmails = options.blockedEmails ?? []
    this.now = options.now ?? Date.now
    this.latencyMs = options.latencyMs ?? 0
    /** When set, the next AWS key mint fails (400 "Failed to generate AWS Keys...") and the drop is deleted. */
    this.failAwsMint = false
    /** Every request, oldest first. @type {RecordedRequest[]} */
    this.requests = []
    /** The webhook test POSTs the server would have sent (queries.validate_webhook), oldest first. */
    this.webhookPosts = /** @type {Array<{ url: string, headers: Record<string, string>, body: any, verdict: WebhookVerdict }>} */ ([])
    /** Startup state (app.py startup_event): path elements, pages, image pages. */
    this.pathElements = ['stuff']
    this.pages = ['payments.js']
    this.imagePages = ['photo1.jpg']
  }

  get url() {
    return this.#url
  }

  /** The API base: url + prefix. */
  get apiUrl() {
    return `${this.#url}${API_PREFIX}`
  }

  /** @param {number} [port] @returns {Promise<string>} */
  async start(port = 0) {
    if (this.#server) throw new Error('the Canarytokens server emulator is already started')
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => {
        if (!res.headersSent && !res.destroyed) res.writeHead(500, { 'content-type': 'text/plain' }).end(`emulator bug: ${error instanceof Error ? error.stack : String(error)}`)
        else res.destroy()
      })
    })
    server.on('connection', (socket) => {
      this.#sockets.add(socket)
      socket.on('close', () => this.#sockets.delete(socket))
    })
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve(undefined))
    })
    this.#server = server
    const address = server.address()
    this.#url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
    return this.#url
  }

  async stop() {
    const server = this.#server
    if (!server) return
    this.#server = undefined
    await new Promise((resolve) => {
      server.close(() => resolve(undefined))
      server.closeAllConnections()
    })
    for (const socket of this.#sockets) socket.destroy()
    this.#url = ''
  }

  // ------------------------------------------------------------ test hooks

  clearRequests() {
    this.requests.length = 0
  }

  /** @param {FaultSpec} spec */
  injectFault(spec) {
    if (!spec || (typeof spec.path !== 'string' && !(spec.path instanceof RegExp))) throw new Error('injectFault needs a path')
    const fault = { ...spec, remaining: spec.times ?? 1, hits: 0 }
    this.#faults.push(fault)
    return fault
  }

  clearFaults() {
    this.#faults = []
  }

  /** The stored canarydrop (a copy), or undefined. Tests only: the server has no listing. @param {string} token */
  getDrop(token) {
    const drop = this.#drops.get(token)
    return drop ? structuredClone(drop) : undefined
  }

  /** How many tokens exist (tests only). */
  get size() {
    return this.#drops.size
  }

  /**
   * Records a hit, as the switchboard does through Canarydrop.add_canarydrop_hit: the last MAX_HISTORY are kept.
   * Accepts `userAgent` (stored as `useragent`, shown as `user_agent` on aws_keys) and, for aws_keys, `eventName`
   * (string or list) as a shortcut for additional_info.aws_key_log_data.eventName.
   * @param {string} token
   * @param {Record<string, any>} [hit]
   * @returns {Record<string, any>} the stored hit
   */
  addHit(token, hit = {}) {
    const drop = this.#drops.get(token)
    if (!drop) throw new Error(`no Canarytoken ${token}`)
    const { userAgent, user_agent: userAgentAlias, eventName, ...rest } = hit
    const kind = drop.type
    /** @type {Record<string, any>} */
    const stored = {
      time_of_hit: this.now() / 1000,
      src_ip: '198.51.100.23',
      geo_info: null,
      is_tor_relay: false,
      input_channel: HTTP_KINDS.has(kind) ? 'HTTP' : 'DNS',
      src_data: null,
      useragent: userAgent ?? userAgentAlias ?? (HTTP_KINDS.has(kind) ? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' : null),
      alert_status: 'alertable',
      token_type: kind
    }
    for (const [field, value] of Object.entries(EXTRA_HIT_FIELDS[kind] ?? {})) stored[field] = value === 'ADDITIONAL_INFO' ? { ...EMPTY_ADDITIONAL_INFO } : value
    if (kind === 'aws_keys') {
      stored.geo_info = stored.geo_info || '' // AWSKeyTokenHit.__init__: no geo_info -> ""
      stored.additional_info = { aws_key_log_data: { eventName: ['GetCallerIdentity'] } }
    }
    Object.assign(stored, rest)
    if (stored.geo_info && typeof stored.geo_info === 'object') stored.geo_info = geoInfo(stored.geo_info)
    const info = stored.additional_info
    if (info && typeof info === 'object') {
      // The models' pre root validators rename the v2 keys the switchboard stores.
      for (const [old, renamed] of [['AWS Key Log Data', 'aws_key_log_data'], ['Azure ID Log Data', 'azure_id_log_data'], ['CrowdStrike Log Data', 'crowdstrike_log_data'], ['MySQL Client', 'mysql_client'], ['Microsoft Azure', 'microsoft_azure'], ['Location', 'location'], ['Coordinates', 'coordinates']]) {
        if (old in info) {
          info[renamed] = info[old]
          delete info[old]
        }
      }
    }
    if (kind === 'aws_keys' && eventName !== undefined) {
      stored.additional_info = { aws_key_log_data: { ...(stored.additional_info?.aws_key_log_data ?? {}), eventName: Array.isArray(eventName) ? eventName.map(String) : [String(eventName)] } }
    }
    stored.token_type = kind
    if (drop.alert_ip_ignore_enabled && drop.alert_ignored_ips.includes(stored.src_ip)) stored.alert_status = 'ignored_ip'
    drop.triggered_details.hits.push(stored)
    drop.triggered_details.hits = drop.triggered_details.hits.slice(-MAX_HISTORY)
    return structuredClone(stored)
  }

  /** Sets the IPs a token ignores (POST /settings/ip-ignore-list's effect). @param {string} token @param {string[]} ips */
  setIgnoredIps(token, ips) {
    const drop = this.#drops.get(token)
    if (!drop) throw new Error(`no Canarytoken ${token}`)
    drop.alert_ignored_ips = [...ips]
  }

  // ------------------------------------------------------------ HTTP

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async #handle(req, res) {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    for await (const chunk of req) {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end('Request Entity Too Large')
        req.destroy()
        return
      }
      chunks.push(chunk)
    }
    const raw = Buffer.concat(chunks)
    const target = new URL(req.url ?? '/', 'http://127.0.0.1')
    /** @type {Record<string, string>} */
    const headers = {}
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    const contentType = req.headers['content-type'] ?? null
    /** @type {RecordedRequest} */
    const record = {
      method: req.method ?? 'GET',
      path: target.pathname,
      rawUrl: req.url ?? '/',
      query: Object.fromEntries(target.searchParams),
      headers,
      contentType,
      bodyKind: 'none',
      body: '',
      files: {},
      status: null,
      receivedAt: this.now()
    }
    const body = this.#readBody(raw, contentType)
    record.bodyKind = body.kind
    record.body = body.kind === 'json' ? body.value : body.kind === 'form' || body.kind === 'multipart' ? body.fields : body.text
    for (const [name, upload] of Object.entries(body.uploads)) record.files[name] = { filename: upload.filename, contentType: upload.contentType, size: upload.data.length }
    this.requests.push(record)

    const fault = this.#takeFault(record.method, record.path)
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault?.reset === 'before-headers') {
      resetSocket(req.socket)
      return
    }
    let answer
    const faultAnswers = fault && (fault.status !== undefined || fault.body !== undefined || fault.retryAfter !== undefined || fault.html || fault.reset)
    if (!faultAnswers || fault.afterAction) answer = await this.#route(req.method ?? 'GET', target, headers, raw, body)
    if (faultAnswers) answer = this.#faultAnswer(fault)
    if (!answer) answer = html(200, ERROR_PAGE_404)
    record.status = answer.status
    const outHeaders = { ...answer.headers, ...(fault?.headers ?? {}), 'content-length': String(answer.body.length) }
    if (fault?.reset === 'after-headers') {
      res.writeHead(answer.status, outHeaders)
      res.flushHeaders()
      setTimeout(() => resetSocket(req.socket), 20)
      return
    }
    if (fault?.reset === 'mid-body') {
      res.writeHead(answer.status, outHeaders)
      res.write(answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2))))
      setTimeout(() => resetSocket(req.socket), 20)
      return
    }
    res.writeHead(answer.status, outHeaders).end(req.method === 'HEAD' ? undefined : answer.body)
  }

  /** @param {string} method @param {string} path */
  #takeFault(method, path) {
    const fault = this.#faults.find((f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && (typeof f.path === 'string' ? f.path === path : f.path.test(path)))
    if (fault) {
      fault.remaining -= 1
      fault.hits += 1
      this.#faults = this.#faults.filter((f) => f.remaining > 0)
    }
    return fault
  }

  /** @param {FaultSpec} fault */
  #faultAnswer(fault) {
    /** @type {Answer} */
    let answer
    if (fault.html) answer = html(fault.status ?? 200, ERROR_PAGE_500)
    else if (Buffer.isBuffer(fault.body)) answer = new Answer(fault.status ?? 500, { 'content-type': 'application/octet-stream' }, fault.body)
    else if (typeof fault.body === 'string') answer = new Answer(fault.status ?? 500, { 'content-type': 'text/plain' }, Buffer.from(fault.body))
    else if (fault.body !== undefined) answer = json(fault.status ?? 500, fault.body)
    else if (fault.retryAfter !== undefined) answer = new Answer(fault.status ?? 429, { 'content-type': 'text/html' }, Buffer.from('<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>nginx</center></body></html>\n'))
    else answer = json(fault.status ?? 500, { detail: 'Internal Server Error' })
    if (fault.retryAfter !== undefined) answer.headers['retry-after'] = String(fault.retryAfter)
    return answer
  }

  /**
   * How Starlette would read the body: JSON text kept as text until a route asks for it.
   * @param {Buffer} raw @param {string | null} contentType
   */
  #readBody(raw, contentType) {
    /** @type {{ kind: RecordedRequest['bodyKind'], value?: unknown, jsonOk?: boolean, fields: Record<string, string>, uploads: Record<string, { filename: string, contentType: string, data: Buffer }>, text: string, raw: Buffer }} */
    const out = { kind: 'none', fields: {}, uploads: {}, text: raw.toString('utf8'), raw }
    const type = (contentType ?? '').toLowerCase()
    if (type.includes('multipart/form-data')) {
      const parsed = parseMultipart(raw, contentType ?? '')
      return { ...out, kind: 'multipart', fields: parsed.fields, uploads: parsed.uploads }
    }
    if (type.includes('application/x-www-form-urlencoded')) return { ...out, kind: 'form', fields: Object.fromEntries(new URLSearchParams(out.text)) }
    if (raw.length === 0) return out
    try {
      return { ...out, kind: 'json', value: JSON.parse(out.text), jsonOk: true }
    } catch {
      return { ...out, kind: 'text', jsonOk: false }
    }
  }

  /**
   * @param {string} method @param {URL} target @param {Record<string, string>} headers @param {Buffer} raw
   * @param {any} body
   * @returns {Promise<Answer | undefined>}
   */
  async #route(method, target, headers, raw, body) {
    const path = target.pathname
    if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
      const sub = path.slice(API_PREFIX.length)
      /** @type {Record<string, Record<string, () => Answer | Promise<Answer>>>} */
      const routes = {
        '/generate': { POST: () => this.#generate(headers, body) },
        '/manage': { GET: () => this.#manage(target) },
        '/history': { GET: () => this.#history(target) },
        '/download': { GET: () => this.#download(target, headers, body) },
        '/settings': { POST: () => this.#settings(headers, body) },
        '/delete': { POST: () => this.#delete(body) },
        '/commitsha': { GET: () => json(200, { commit_sha: this.commitSha }) }
      }
      const route = routes[sub]
      if (!route) return detail(404, 'Not Found')
      const handler = route[method] ?? (method === 'HEAD' ? route.GET : undefined)
      if (!handler) return new Answer(405, { 'content-type': 'application/json', allow: Object.keys(route).join(', ') }, Buffer.from(JSON.stringify({ detail: 'Method Not Allowed' })))
      return handler()
    }
    if (WEB_APP_PATHS.some((pattern) => pattern.test(path))) {
      if (method !== 'GET' && method !== 'HEAD') return new Answer(405, { 'content-type': 'application/json', allow: 'GET' }, Buffer.from(JSON.stringify({ detail: 'Method Not Allowed' })))
      const answer = html(200, WEB_APP_PAGE)
      if (path !== '/') answer.headers['x-robots-tag'] = 'noindex, nofollow'
      return answer
    }
    return html(200, ERROR_PAGE_404)
  }

  /** Is the body JSON as `request.json()` sees it? (It ignores the content type.) */
  static #requestJson(body) {
    if (body.kind === 'json') return { ok: true, value: body.value }
    if (body.kind === 'none') return { ok: false }
    try {
      return { ok: true, value: JSON.parse(body.raw.toString('utf8')) }
    } catch {
      return { ok: false }
    }
  }

  /**
   * queries.get_canarydrop_and_authenticate: Canarytoken(token) finds the token in the text first (none, or no drop:
   * 403), then secrets.compare_digest compares the text with it and the auth with the drop's, and raises on
   * non-ASCII str (-> 500 page).
   */
  #authenticate(token, auth) {
    if (typeof token !== 'string' || typeof auth !== 'string') return { answer: crash() }
    const value = findCanarytoken(token)
    const drop = value === undefined ? undefined : this.#drops.get(value)
    if (!drop) return { answer: forbidden() }
    if (!isAscii(token)) return { answer: crash() }
    if (token !== value) return { answer: forbidden() }
    if (!isAscii(auth)) return { answer: crash() }
    if (auth !== drop.auth) return { answer: forbidden() }
    return { drop }
  }

  // ------------------------------------------------------------ POST /generate

  async #generate(headers, body) {
    const contentType = headers['content-type']
    /** @type {Record<string, any>} */
    let data
    if (contentType === undefined || contentType === 'application/json') {
      const parsed = CanarytokensServerEmulator.#requestJson(body)
      if (!parsed.ok) return crash() // request.json() raises JSONDecodeError -> 500 page, status 200
      data = parsed.value
    } else {
      // request.form(): multipart or urlencoded; any other content type reads as an empty form.
      data = body.kind === 'multipart' ? { ...body.fields, ...body.uploads } : body.kind === 'form' ? { ...body.fields } : {}
      data.token_type = 'type' in data ? data.type : (data.token_type ?? null)
      delete data.type
    }
    const request = this.#parseTokenRequest(data)
    if (!request) return responseError(1, 'Malformed request, invalid data supplied.')
    if (!request.memo) return responseError(2, 'No memo supplied')
    if (request.webhook_url) {
      if (request.webhook_url.length > MAX_WEBHOOK_URL_LENGTH) return responseError(3, 'Webhook URL too long. Use a shorter webhook URL.')
      const verdict = await this.webhookCheck(request.webhook_url)
      this.webhookPosts.push({ url: request.webhook_url, headers: { 'content-type': 'application/json' }, body: this.#webhookTestPayload(request.webhook_url, request.token_type), verdict })
      if (verdict === 'refused') return crash() // advocate's UnacceptableAddressException is not caught
      if (verdict === 'http-error') return responseError(3, 'Invalid webhook supplied. Confirm you can POST to this URL.')
      if (verdict === 'timeout') return responseError(3, 'Webhook timed out. Confirm you can POST to this URL.')
      if (verdict === 'unreachable') return responseError(3, 'Failed to connect to webhook. Confirm you can POST to this URL.')
    }
    if (request.email) {
      if (!VALID_EMAIL.test(request.email.toLowerCase())) return responseError(5, 'Invalid email supplied')
      const blocked = typeof this.blockedEmails === 'function' ? this.blockedEmails(request.email) : this.blockedEmails.map((e) => e.toLowerCase()).includes(request.email.toLowerCase())
      if (blocked) return responseError(6, 'Blocked email supplied. Please see our Acceptable Use Policy at https://canarytokens.org/nest/legal')
    }
    return this.#create(request)
  }

  /** parse_obj_as(AnyTokenRequest, data): the request, or undefined for any ValidationError. */
  #parseTokenRequest(data) {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined
    const copy = { ...data }
    if (copy.email === '') delete copy.email
    if (copy.webhook_url === '') delete copy.webhook_url
    const kind = copy.token_type
    if (typeof kind !== 'string' || !KINDS.includes(kind)) return undefined
    if (copy.memo === undefined || copy.memo === null) return undefined
    const memo = asStr(copy.memo)
    if (memo === undefined || pyLen(memo) > MEMO_MAX_CHARACTERS) return undefined
    let email
    if (copy.email !== undefined) {
      email = emailStr(copy.email)
      if (email === undefined) return undefined
    }
    let webhookUrl
    if (copy.webhook_url !== undefined) {
      if (!isHttpUrl(copy.webhook_url)) return undefined
      webhookUrl = copy.webhook_url
    }
    if (!email && !webhookUrl) return undefined
    /** @type {Record<string, any>} */
    const request = { token_type: kind, memo, email, webhook_url: webhookUrl }
    const str = (name, required = true, fallback = undefined) => {
      if (copy[name] === undefined || copy[name] === null) {
        if (required) throw new Error(name)
        return fallback
      }
      const value = asStr(copy[name])
      if (value === undefined) throw new Error(name)
      return value
    }
    try {
      switch (kind) {
        case 'ms_word':
        case 'ms_excel': {
          const include = copy.include_text_snippet === undefined ? false : asBool(copy.include_text_snippet)
          if (include === undefined) return undefined
          request.include_text_snippet = include
          request.text_snippet = str('text_snippet', false, null)
          if (request.text_snippet !== null && pyLen(request.text_snippet) > TEXT_SNIPPET_MAX_CHARACTERS) return undefined
          break
        }
        case 'cmd':
          request.cmd_process = str('cmd_process')
          if (!request.cmd_process.endsWith('.exe')) return undefined
          break
        case 'windows_fake_fs': {
          const root = str('windows_fake_fs_root').trim()
          if (!/^[A-Za-z]:[\\/]/.test(root) || /[<>:"/|?*[\]]/.test(root.replace(/^[A-Za-z]:[\\/]/, '')) || root.endsWith('.')) return undefined
          request.windows_fake_fs_root = root
          request.windows_fake_fs_file_structure = str('windows_fake_fs_file_structure')
          break
        }
        case 'fast_redirect':
        case 'slow_redirect':
          request.redirect_url = str('redirect_url')
          break
        case 'clonedsite':
          request.clonedsite = str('clonedsite')
          break
        case 'cssclonedsite':
          request.expected_referrer = str('expected_referrer')
          break
        case 'azure_id':
          request.azure_id_cert_file_name = str('azure_id_cert_file_name')
          break
        case 'webdav':
          request.webdav_fs_type = str('webdav_fs_type')
          if (!WEBDAV_FS_TYPES.includes(request.webdav_fs_type.toLowerCase())) return undefined
          break
        case 'pwa':
          if (typeof copy.icon !== 'string' || !(copy.icon in PWA_ICONS)) return undefined
          request.icon = copy.icon
          request.app_name = str('app_name', false, null)
          break
        case 'idp_app':
          if (typeof copy.app_type !== 'string' || !IDP_APP_TYPES.includes(copy.app_type)) return undefined
          request.app_type = copy.app_type
          request.redirect_url = str('redirect_url', false, null)
          break
        case 'mcp':
          if (copy.mcp_alert_on !== 'connect' && copy.mcp_alert_on !== 'tool_call') return undefined
          request.mcp_alert_on = copy.mcp_alert_on
          break
        case 'sql_server':
          if (copy.sql_server_sql_action !== undefined && copy.sql_server_sql_action !== null && !['INSERT', 'DELETE', 'UPDATE', 'SELECT'].includes(copy.sql_server_sql_action)) return undefined
          request.sql_server_sql_action = copy.sql_server_sql_action ?? null
          request.sql_server_table_name = str('sql_server_table_name', false, 'TABLE1')
          request.sql_server_view_name = str('sql_server_view_name', false, 'VIEW1')
          request.sql_server_function_name = str('sql_server_function_name', false, 'FUNCTION1')
          request.sql_server_trigger_name = str('sql_server_trigger_name', false, 'TRIGGER1')
          break
        case 'web_image':
        case 'signed_exe': {
          const upload = copy[kind]
          const allowed = kind === 'web_image' ? ['image/png', 'image/gif', 'image/jpeg'] : ['application/x-msdownload', 'application/octet-stream']
          if (!upload || typeof upload !== 'object' || !Buffer.isBuffer(upload.data) || !allowed.includes(upload.contentType)) return undefined
          request.upload = upload
          break
        }
        case 'aws_infra':
          // AWSInfraTokenRequest needs aws_account_number and aws_region; the emulator does not do the AWS infra flow.
          if (typeof copy.aws_account_number !== 'string' || !/^\d{12}$/.test(copy.aws_account_number) || typeof copy.aws_region !== 'string') return undefined
          request.aws_account_number = copy.aws_account_number
          request.aws_region = copy.aws_region
          break
        case 'credit_card_v2':
          request.cf_turnstile_response = str('cf_turnstile_response', false, null)
          break
        default:
          break
      }
    } catch {
      return undefined
    }
    return request
  }

  /** webhook_formatting.generate_webhook_test_payload (generic shape, and Slack/Discord/Google Chat markers). */
  #webhookTestPayload(url, tokenType) {
    const host = new URL(url).hostname
    if (/(^|\.)hooks\.slack\.com$/.test(host)) return { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Validating new Canarytokens webhook' } }] }
    if (/(^|\.)discord(app)?\.com$/.test(host)) return { embeds: [{ title: 'Validating new Canarytokens webhook', fields: [] }] }
    if (host === 'chat.googleapis.com') return { cardsV2: [{ cardId: 'unique-card-id', card: { header: { title: 'Validating new Canarytokens webhook' }, sections: [] } }] }
    const time = new Date(this.now()).toISOString().replace('T', ' ').slice(0, 19)
    return {
      channel: 'HTTP',
      token_type: tokenType,
      src_ip: '127.0.0.1',
      src_data: null,
      token: 'a+test+token',
      time: `${time} (UTC)`,
      memo: 'Congrats! The newly saved webhook works',
      manage_url: 'https://canarytokens.org/nest/manage/webhook-test',
      additional_data: { src_ip: '1.1.1.1', useragent: 'Mozilla/5.0...', referer: 'http://example.com/referrer', location: 'http://example.com/location' },
      public_domain: 'my.domain'
    }
  }

  /** The drop and the kind's answer (frontend/app.py api_generate + create_response). @param {Record<string, any>} request */
  #create(request) {
    const kind = request.token_type
    if (kind === 'credit_card_v2') return json(401, { message: 'failure' }) // no turnstile answer can be verified here
    if (kind === 'cc') return responseError(4, 'Failed to generate credit card. Please contact support@thinkst.com.')
    if (kind === 'crowdstrike_cc') return json(503, { msg: 'CrowdStrike API Key creation paused while CrowdStrike integration issues are being resolved.' })
    if (kind === 'aws_infra') return json(500, { message: 'Failed to generate AWS Infra Canarytoken.' })
    if (kind === 'pwa' && request.app_name && pyLen(request.app_name) > 30) return detail(400, 'PWA app name must be 30 characters or less')
    if (kind === 'web_image') {
      if (!/\.(png|gif|jpg|jpeg)$/i.test(request.upload.filename)) return detail(400, 'Uploaded image must be a PNG, GIF, JPG or JPEG')
      if (request.upload.data.length > MAX_UPLOAD_SIZE) return detail(400, `File too large. File size must be < ${MAX_UPLOAD_SIZE / (1024 * 1024)}.0 MB.`)
    }
    if (kind === 'signed_exe') {
      if (!/(exe|dll)$/i.test(request.upload.filename)) return detail(400, 'Uploaded authenticode file must be an exe or dll')
      if (request.upload.data.length > MAX_UPLOAD_SIZE) return detail(400, `File too large. File size must be < ${MAX_UPLOAD_SIZE / (1024 * 1024)}.0 MB. ${request.upload.data.length / (1024 * 1024)} MB given.`)
    }
    if (kind === 'aws_keys' && !this.aws) return json(500, { message: 'This Canarytokens instance does not have AWS ID tokens enabled.' })
    if (kind === 'azure_id' && !this.azure) return json(400, { message: 'This Canarytokens instance does not have Azure ID tokens enabled.' })
    if (kind === 'webdav' && !this.webdav) return json(400, { error_message: 'This Canarytokens instance does not have the Network Folder Canarytoken enabled.' })

    const token = randomToken()
    const auth = randomBytes(16).toString('hex')
    const http = `http://${this.domain}`
    let url
    if (kind === 'pwa') url = `https://${this.domain}/${this.pathElements[0]}/${token}/index.html`
    else if (kind === 'idp_app') url = `https://${this.domain}/${token}/saml/sso`
    else if (kind === 'svg') url = `${http}/static/images/${token}.gif`
    else url = `${http}/${this.pathElements[randomInt(this.pathElements.length)]}/${token}/${(kind === 'web_image' ? this.imagePages : this.pages)[0]}`
    const hostname = `${token}.${this.domain}`
    const nxHostname = `${token}.${this.nxdomain}`
    const drop = this.#newDrop(kind, token, auth, request, url, hostname)
    const urlComponents = [[...this.pathElements], [...(kind === 'web_image' ? this.imagePages : this.pages)]]
    /** @type {Record<string, any>} */
    const answer = { token, hostname, token_url: url, auth_token: auth, email: request.email ?? '', webhook_url: '', url_components: urlComponents, error: null, error_message: null, Url: null, token_type: kind }
    switch (kind) {
      case 'web':
      case 'idp_app':
        drop.browser_scanner_enabled = true
        if (kind === 'idp_app') {
          drop.idp_app_entity_id = url.replace(/\/saml\/sso$/, '')
          drop.idp_app_type = request.app_type
          answer.entity_id = drop.idp_app_entity_id
          answer.app_type = request.app_type
        }
        break
      case 'log4shell':
        answer.token_usage = `\${jndi:ldap://x\${hostName}.L4J.${hostname}/a}`
        answer.token_with_usage_info = `x{hostname}.L4J.${hostname}`
        break
      case 'clonedsite':
        answer.clonedsite_js = files.clonedSiteJs(request.clonedsite, url.replace(/^https?:\/\//, ''))
        break
      case 'cssclonedsite':
        answer.css = files.clonedSiteCss(url, request.expected_referrer)
        answer.client_id = 'emulator-azure-app-id'
        break
      case 'pwa':
        drop.pwa_icon = request.icon
        drop.pwa_app_name = request.app_name || PWA_ICONS[request.icon]
        answer.pwa_icon = drop.pwa_icon
        answer.pwa_app_name = drop.pwa_app_name
        break
      case 'wireguard':
        drop.wg_key = randomBytes(32).toString('base64')
        answer.wg_conf = files.wireguardConf(token, this.publicIp)
        answer.qr_code = files.pngDataUri(answer.wg_conf)
        break
      case 'sql_server':
        for (const field of ['sql_server_sql_action', 'sql_server_table_name', 'sql_server_view_name', 'sql_server_function_name', 'sql_server_trigger_name']) answer[field] = drop[field] = request[field]
        break
      case 'aws_keys': {
        if (this.failAwsMint) {
          this.failAwsMint = false
          return json(400, { message: 'Failed to generate AWS Keys. We looking into it.' })
        }
        drop.aws_access_key_id = `AKIA${upperAlnum(16)}`
        drop.aws_secret_access_key = randomBytes(30).toString('base64')
        drop.aws_region = 'us-east-2'
        drop.aws_output = 'json'
        drop.aws_username = `canarytokens-${token.slice(0, 8)}`
        drop.generated_url = answer.token_url = `${http}/${token}`
        Object.assign(answer, { aws_access_key_id: drop.aws_access_key_id, aws_secret_access_key: drop.aws_secret_access_key, region: drop.aws_region, output: drop.aws_output })
        break
      }
      case 'azure_id':
        drop.cert_file_name = request.azure_id_cert_file_name
        drop.app_id = `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`
        drop.tenant_id = `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`
        drop.cert = files.azureCert(token)
        drop.cert_name = `canarytokens-${token.slice(0, 8)}`
        drop.generated_url = answer.token_url = `${http}/${token}`
        Object.assign(answer, { cert_file_name: drop.cert_file_name, app_id: drop.app_id, cert: drop.cert, tenant_id: drop.tenant_id, cert_name: drop.cert_name })
        break
      case 'webdav':
        // The validator accepts any case (value.upper() in FsType.__members__); FsType(value) then needs the lower-case value.
        if (!WEBDAV_FS_TYPES.includes(request.webdav_fs_type)) return crash()
        drop.webdav_fs_type = request.webdav_fs_type
        drop.webdav_server = 'https://webdav.canarytokens.net'
        drop.webdav_password = randomBytes(12).toString('hex')
        Object.assign(answer, { webdav_fs_type: drop.webdav_fs_type, webdav_password: drop.webdav_password, webdav_server: drop.webdav_server })
        break
      case 'cmd':
        drop.cmd_process = request.cmd_process
        answer.reg_file = files.msreg(hostname, request.cmd_process)
        break
      case 'mcp':
        drop.mcp_alert_on = request.mcp_alert_on
        drop.mcpjson = answer.mcpjson = files.mcpJson(url, request.mcp_alert_on)
        break
      case 'windows_fake_fs':
        drop.windows_fake_fs_root = request.windows_fake_fs_root
        drop.windows_fake_fs_file_structure = request.windows_fake_fs_file_structure
        answer.powershell_file = files.fakeFsScript(hostname, drop.windows_fake_fs_root, drop.windows_fake_fs_file_structure)
        break
      case 'adobe_pdf':
        answer.hostname = nxHostname
        break
      case 'signed_exe': {
        const signed = files.signExe(request.upload.data, `http://${nxHostname}`)
        answer.hostname = nxHostname
        answer.file_name = request.upload.filename
        answer.file_contents = `data:octet/stream;base64,${signed.toString('base64')}`
        break
      }
      case 'web_image':
        drop.browser_scanner_enabled = true
        drop.web_image_enabled = true
        drop.web_image_path = `/uploads/${randomBytes(1).toString('hex')}/${randomBytes(15).toString('hex')}.${request.upload.filename.toLowerCase().split('.').pop()}`
        break
      case 'qr_code':
        answer.qrcode_png = files.pngDataUri(url)
        break
      case 'smtp':
        answer.unique_email = `${token}@${hostname.split('.').slice(-2).join('.')}`
        break
      case 'kubeconfig':
        drop.kubeconfig = answer.kubeconfig = files.kubeconfigBase64(hostname, token)
        answer.url_components = null // KubeconfigTokenResponse is made without it
        break
      case 'my_sql':
        answer.url_components = null // so is MySQLTokenResponse
        answer.token_url = `http://${this.domain}:3306`
        answer.usage = mysqlUsage(token, this.domain, 3306, true)
        break
      case 'svg':
        drop.svg = answer.svg = files.svg(url)
        break
      default:
        break
    }
    this.#drops.set(token, drop)
    return json(200, answer)
  }

  #newDrop(kind, token, auth, request, url, hostname) {
    return {
      generate: null,
      canarytoken: { _value: token },
      triggered_details: { hits: [], token_type: kind },
      memo: request.memo,
      created_at: pyIsoUtc(this.now()),
      created_from_ip: '127.0.0.1',
      created_from_ip_x_forwarded_for: '',
      auth,
      type: kind,
      user: { name: 'Anonymous', email: null },
      generated_url: url,
      generated_hostname: hostname,
      alert_email_enabled: Boolean(request.email),
      alert_email_recipient: request.email ?? null,
      alert_sms_enabled: false,
      alert_sms_recipient: null,
      alert_webhook_enabled: Boolean(request.webhook_url),
      alert_webhook_url: request.webhook_url ?? '',
      alert_failure_count: null,
      alert_ip_ignore_enabled: false,
      alert_ignored_ips: [],
      web_image_enabled: false,
      web_image_path: null,
      redirect_url: request.redirect_url ?? null,
      clonedsite: request.clonedsite ?? null,
      kubeconfig: null,
      text_snippet: request.include_text_snippet ? (request.text_snippet ?? null) : null,
      sql_server_sql_action: request.sql_server_sql_action ?? null,
      sql_server_table_name: request.sql_server_table_name ?? null,
      sql_server_view_name: request.sql_server_view_name ?? null,
      sql_server_function_name: request.sql_server_function_name ?? null,
      sql_server_trigger_name: request.sql_server_trigger_name ?? null,
      file_contents: null,
      file_name: null,
      expected_referrer: request.expected_referrer ?? null,
      webdav_fs_type: null,
      webdav_password: null,
      webdav_server: null,
      aws_access_key_id: null,
      aws_secret_access_key: null,
      aws_username: null,
      aws_output: null,
      aws_account_id: null,
      aws_region: null,
      app_id: null,
      tenant_id: null,
      cert: null,
      cert_name: null,
      cert_file_name: null,
      browser_scanner_enabled: false,
      wg_key: null,
      cmd_process: null,
      windows_fake_fs_root: null,
      windows_fake_fs_file_structure: null,
      pwa_icon: null,
      pwa_app_name: null,
      key_exposed_details: null,
      idp_app_entity_id: null,
      idp_app_type: null,
      svg: null,
      mcp_alert_on: null,
      mcpjson: null
    }
  }

  /** The canarydrop as ManageResponse/HistoryResponse serialise it (aws_keys hits: useragent by alias user_agent). */
  #serialiseDrop(drop) {
    const copy = structuredClone(drop)
    copy.triggered_details = this.#serialiseHistory(drop, true)
    return copy
  }

  /** @param {boolean} byAlias FastAPI answers by alias; triggered_details.json() (incidentlist_json) does not */
  #serialiseHistory(drop, byAlias) {
    const hits = drop.triggered_details.hits.map((hit) => {
      /** @type {Record<string, any>} */
      const out = {}
      for (const field of BASE_HIT_FIELDS) out[field === 'useragent' && byAlias && drop.type === 'aws_keys' ? 'user_agent' : field] = hit[field] ?? null
      for (const [field, value] of Object.entries(hit)) if (!BASE_HIT_FIELDS.includes(field)) out[field] = value
      return out
    })
    return { hits, token_type: drop.type }
  }

  // ------------------------------------------------------------ manage, history, settings, delete, download

  /** FastAPI query parameters token and auth, both required (422 otherwise). @param {URL} target */
  #queryPair(target) {
    const missing = ['token', 'auth'].filter((name) => !target.searchParams.has(name))
    if (missing.length > 0) return { answer: unprocessable(missing.map((name) => ({ loc: ['query', name], msg: 'field required', type: 'value_error.missing' }))) }
    return this.#authenticate(target.searchParams.get('token'), target.searchParams.get('auth'))
  }

  #manage(target) {
    const { answer, drop } = this.#queryPair(target)
    if (answer) return answer
    /** @type {Record<string, any>} */
    const response = { canarydrop: this.#serialiseDrop(drop), public_ip: null, wg_private_key_seed: null, wg_private_key_n: null, wg_conf: null, wg_qr_code: null, qr_code: null, force_https: null, clonedsite_js: null, clonedsite_css: null, client_id: null }
    if (drop.type === 'wireguard') {
      response.wg_conf = files.wireguardConf(drop.canarytoken._value, this.publicIp)
      response.wg_qr_code = files.pngDataUri(response.wg_conf)
    } else if (drop.type === 'qr_code') response.qr_code = files.pngDataUri(drop.generated_url)
    else if (drop.type === 'clonedsite') {
      response.force_https = false
      response.clonedsite_js = files.clonedSiteJs(drop.clonedsite, drop.generated_url.replace(/^https?:\/\//, ''))
    } else if (drop.type === 'cssclonedsite') {
      response.clonedsite_css = files.clonedSiteCss(drop.generated_url, drop.expected_referrer)
      response.client_id = 'emulator-azure-app-id'
    }
    return json(200, response)
  }

  #history(target) {
    const { answer, drop } = this.#queryPair(target)
    if (answer) return answer
    return json(200, { canarydrop: this.#serialiseDrop(drop), history: this.#serialiseHistory(drop, true), google_api_key: this.googleApiKey })
  }

  /** FastAPI body `settings_request: AnySettingsRequest`: JSON when the content type is absent or application/*json. */
  #settings(headers, body) {
    const type = headers['content-type']
    let value
    if (body.kind === 'none') value = undefined
    else {
      const main = (type ?? '').split(';')[0].trim().toLowerCase()
      const isJson = type === undefined || main === 'application/json' || (main.startsWith('application/') && main.endsWith('+json'))
      if (isJson) {
        const parsed = CanarytokensServerEmulator.#requestJson(body)
        if (!parsed.ok) return unprocessable([{ loc: ['body', 0], msg: 'Expecting value: line 1 column 1 (char 0)', type: 'value_error.jsondecode', ctx: { msg: 'Expecting value', doc: body.text, pos: 0, lineno: 1, colno: 1 } }])
        value = parsed.value
      } else value = body.text // the raw bytes: validation then finds no discriminator
    }
    if (value === undefined) return unprocessable([{ loc: ['body'], msg: 'field required', type: 'value_error.missing' }])
    if (!value || typeof value !== 'object' || Array.isArray(value) || !('setting' in value)) {
      return unprocessable([{ loc: ['body'], msg: "Discriminator 'setting' is missing in value", type: 'value_error.discriminated_union.missing_discriminator', ctx: { discriminator_key: 'setting' } }])
    }
    if (!SETTINGS.includes(value.setting)) {
      return unprocessable([{ loc: ['body'], msg: `No match for discriminator 'setting' and value ${pyRepr(value.setting)} (allowed values: ${SETTINGS.map((s) => `<CanarydropSettingsTypes.${settingEnumName(s)}: '${s}'>`).join(', ')})`, type: 'value_error.discriminated_union.invalid_discriminator', ctx: { discriminator_key: 'setting', discriminator_value: value.setting, allowed_values: SETTINGS } }])
    }
    const errors = []
    const onOff = value.value === undefined ? 'off' : value.value
    if (onOff !== 'on' && onOff !== 'off') errors.push({ loc: ['body', settingModelName(value.setting), 'value'], msg: "unexpected value; permitted: 'on', 'off'", type: 'value_error.const', ctx: { given: onOff, permitted: ['on', 'off'] } })
    for (const name of ['token', 'auth']) if (value[name] !== undefined && asStr(value[name]) === undefined) errors.push({ loc: ['body', settingModelName(value.setting), name], msg: 'str type expected', type: 'type_error.str' })
    if (errors.length > 0) return unprocessable(errors)
    const { answer, drop } = this.#authenticate(asStr(value.token ?? '') ?? '', asStr(value.auth ?? '') ?? '')
    if (answer) return answer
    const on = onOff === 'on'
    switch (value.setting) {
      case 'email_enable':
        drop.alert_email_enabled = on
        break
      case 'webhook_enable':
        drop.alert_webhook_enabled = on
        break
      case 'browser_scanner_enable':
        drop.browser_scanner_enabled = on
        break
      case 'web_image_enable':
        drop.web_image_enabled = on
        break
      case 'ip_ignore_enable':
        if (IGNORE_IP_UNSUPPORTED.has(drop.type)) return json(400, { message: 'failure' })
        drop.alert_ip_ignore_enabled = on
        break
    }
    return json(200, { message: 'success' })
  }

  /** api_delete: `await request.json()` whatever the content type; token/auth default "". */
  #delete(body) {
    const parsed = CanarytokensServerEmulator.#requestJson(body)
    if (!parsed.ok) return crash()
    const data = parsed.value
    if (!data || typeof data !== 'object' || Array.isArray(data)) return crash() // data.get -> AttributeError
    const { answer, drop } = this.#authenticate(data.token ?? '', data.auth ?? '')
    if (answer) return answer
    this.#drops.delete(drop.canarytoken._value)
    return json(200, { message: 'success' })
  }

  /** api_download via parse_for_download (_parse_for_x). */
  #download(target, headers, body) {
    const type = headers['content-type']
    /** @type {Record<string, any>} */
    let data
    if (type === undefined || type === 'application/json') {
      if (target.searchParams.has('token') && target.searchParams.has('auth')) data = Object.fromEntries(target.searchParams)
      else {
        const parsed = CanarytokensServerEmulator.#requestJson(body)
        if (!parsed.ok) return crash()
        data = parsed.value
      }
    } else if (type.includes('application/x-www-form-urlencoded')) data = body.kind === 'form' ? body.fields : {}
    else return detail(422, 'Invalid data')
    // parse_obj_as(AnyDownloadRequest, data): a pydantic ValidationError here is not a RequestValidationError -> 500 page.
    if (!data || typeof data !== 'object' || Array.isArray(data)) return crash()
    const fmt = data.fmt
    if (typeof fmt !== 'string' || !DOWNLOAD_FMTS.includes(fmt) || asStr(data.token) === undefined || asStr(data.auth) === undefined) return crash()
    let encoded = true
    if (fmt === 'my_sql' && data.encoded !== undefined) {
      const flag = asBool(data.encoded)
      if (flag === undefined) return crash()
      encoded = flag
    }
    const { answer, drop } = this.#authenticate(asStr(data.token), asStr(data.auth))
    if (answer) return answer
    return this.#file(fmt, drop, encoded)
  }

  /** create_download_response: the fmt decides, not the token's kind (a dns token downloads a .docx too). */
  #file(fmt, drop, encoded) {
    const token = drop.canarytoken._value
    const hostname = `${token}.${this.domain}`
    /** @param {string} contentType @param {string} filename @param {string | Buffer | null} content */
    const file = (contentType, filename, content) =>
      new Answer(200, { 'content-type': contentType, 'content-disposition': `attachment; filename=${filename}`, 'x-robots-tag': 'noindex' }, content === null ? Buffer.alloc(0) : Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'))
    const py = (value) => (value === null || value === undefined ? 'None' : String(value))
    switch (fmt) {
      case 'cmd':
        return file('text/plain', `${token}.reg`, files.msreg(hostname, py(drop.cmd_process)))
      case 'mcp':
        return file('text/plain', 'mcp.json', drop.mcpjson)
      case 'windows_fake_fs':
        return file('text/plain', `${token}.ps1`, files.fakeFsScript(hostname, py(drop.windows_fake_fs_root), py(drop.windows_fake_fs_file_structure)))
      case 'cc':
        return file('text/plain', `${token}.csv`, null)
      case 'cssclonedsite':
        return file('text/plain', `${token}.css`, files.clonedSiteCss(drop.generated_url, py(drop.expected_referrer)))
      case 'msword':
        return file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${token}.docx`, files.docx(drop.generated_url, drop.text_snippet))
      case 'zip':
        return file('application/zip', `${token}.zip`, files.windowsDirZip(hostname))
      case 'msexcel':
        return file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${token}.xlsx`, files.xlsx(drop.generated_url, drop.text_snippet))
      case 'pdf':
        return file('application/pdf', `${token}.pdf`, files.pdf(`${token}.${this.nxdomain}`))
      case 'incidentlist_json':
        return file('text/plain', `${token}.json`, pyJson(this.#serialiseHistory(drop, false)))
      case 'my_sql':
        return file('application/zip', `${token}_mysql_dump.sql.gz`, files.mysqlDump(mysqlUsage(token, this.domain, 3306, encoded)))
      case 'incidentlist_csv':
        return file('text/plain', `${token}.csv`, this.#csv(drop))
      case 'awskeys':
        return file('text/plain', 'credentials', `[default]\naws_access_key=${py(drop.aws_access_key_id)}\naws_secret_access_key=${py(drop.aws_secret_access_key)}\nregion=${py(drop.aws_region)}\noutput=${py(drop.aws_output)}`)
      case 'azure_id_config':
        if (drop.cert_file_name === null) return crash() // None.endswith -> AttributeError
        return file('text/plain', drop.cert_file_name.endsWith('.pem') ? drop.cert_file_name.replace(/\.pem/g, '.json') : drop.cert_file_name, `{\n  "appId": "${drop.app_id}",\n  "displayName": "azure-cli-${drop.cert_name}",\n  "fileWithCertAndPrivateKey": "${drop.cert_file_name}",\n  "password": null,\n  "tenant": "${drop.tenant_id}"\n}`)
      case 'azure_id':
        return file('text/plain', py(drop.cert_file_name), drop.cert)
      case 'kubeconfig':
        if (drop.kubeconfig === null) return crash() // b64decode(None) -> TypeError
        return file('text/plain', 'kubeconfig', Buffer.from(drop.kubeconfig, 'base64'))
      case 'slackapi':
        return file('text/plain', 'slack_creds', null)
      case 'qr_code':
        // The body is the data URI text, sent as image/png (segno png_data_uri as content).
        return file('image/png', `${token}.png`, files.pngDataUri(drop.generated_url))
      case 'credit_card_v2':
        return file('text/plain', 'credit_card', 'Card Name: None\nCard Number: None\nExpires: None/None\nCVV: None')
      case 'svg':
        return file('image/svg+xml', `${token}.svg`, drop.svg)
      default:
        return crash()
    }
  }

  /** Canarydrop.get_csv_incident_list. */
  #csv(drop) {
    const hits = drop.triggered_details.hits
    const quote = (text) => `"${String(text).replace(/"/g, '""')}"`
    if (hits.length === 0) return `${[...'the token has not been triggered'].map(quote).join(',')}\r\n`
    const fields = Object.keys(this.#serialiseHistory(drop, false).hits[0]).filter((name) => name !== 'token_type' && name !== 'time_of_hit')
    const rows = [['Timestamp', ...fields].map(quote).join(',')]
    for (const hit of this.#serialiseHistory(drop, false).hits) {
      const stamp = pyTimestamp(hit.time_of_hit)
      rows.push([stamp, ...fields.map((name) => `'${pyStr(hit[name] === undefined ? 'N/A' : hit[name])}`)].map(quote).join(','))
    }
    return `${rows.join('\r\n')}\r\n`
  }
}

/**
 * geo_info as GeoIPInfo.dict() writes it: every field, `loc` as "lat,lon" with 4 decimals; GeoIPBogonInfo as {ip, bogon}.
 * @param {Record<string, any>} geo
 */
function geoInfo(geo) {
  if (geo.bogon) return { ip: geo.ip, bogon: true }
  if (geo.loc === undefined) return { ip: geo.ip }
  const loc = Array.isArray(geo.loc) ? geo.loc : String(geo.loc).split(',')
  const fields = ['org', 'city', 'country', 'region', 'hostname', 'ip', 'timezone', 'postal', 'asn', 'readme']
  return { loc: loc.map((n) => Number(n).toFixed(4)).join(','), ...Object.fromEntries(fields.map((field) => [field, geo[field] ?? null])) }
}

/**
 * `created_at` as the manage and history answers carry it: the drop is read back from redis, where `serialize()`
 * stored it as `timestamp` = strftime("%s.%f") (canarydrop.py:566-590); pydantic v1 parses that number with
 * from_unix_seconds, which returns an aware UTC datetime, and FastAPI writes isoformat(): "+00:00", microseconds
 * only when not zero. @param {number} ms epoch milliseconds
 */
function pyIsoUtc(ms) {
  const iso = new Date(ms).toISOString()
  const fraction = ms % 1000 === 0 ? '' : `.${iso.slice(20, 23)}000`
  return `${iso.slice(0, 19)}${fraction}+00:00`
}

/** Canarydrop.generate_mysql_usage. */
function mysqlUsage(token, domain, port, encoded) {
  let sauce = 'SET @bb = CONCAT("CHANGE REPLICATION SOURCE TO SOURCE_PASSWORD=\'my-secret-pw\', SOURCE_RETRY_COUNT=1, '
  sauce += `SOURCE_PORT=${port}, SOURCE_HOST='${domain}', SOURCE_SSL=0, SOURCE_USER='${token}", @@lc_time_names, @@hostname, "';");`
  const plain = `${sauce}\nPREPARE stmt FROM @bb;\nEXECUTE stmt;\nSTART REPLICA;\n`
  if (!encoded) return plain
  return `SET @b = '${Buffer.from(sauce).toString('base64')}';\nSET @s2 = FROM_BASE64(@b);\nPREPARE stmt1 FROM @s2;\nEXECUTE stmt1;\nPREPARE stmt FROM @bb;\nEXECUTE stmt;\nSTART REPLICA;\n`
}

/** Python json.dumps default separators (pydantic v1 .json()). */
function pyJson(value) {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`).join(', ')}}`
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return String(value)
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
/** str() of a Python value, roughly. */
function pyStr(value) {
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'object') return pyRepr(value)
  return String(value)
}
function pyRepr(value) {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`
  return String(value)
}
/** datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S.%f") (UTC here). */
function pyTimestamp(seconds) {
  const date = new Date(Math.floor(seconds * 1000))
  const micro = String(Math.round((seconds % 1) * 1e6)).padStart(6, '0').slice(0, 6)
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}.${micro}`
}
function settingEnumName(setting) {
  return { email_enable: 'EMAILSETTING', webhook_enable: 'WEBHOOKSETTING', browser_scanner_enable: 'BROWSERSCANNERSETTING', web_image_enable: 'WEBIMAGESETTING', ip_ignore_enable: 'IPIGNORESETTING' }[setting]
}
function settingModelName(setting) {
  return { email_enable: 'EmailSettingsRequest', webhook_enable: 'WebhookSettingsRequest', browser_scanner_enable: 'BrowserScannerSettingsRequest', web_image_enable: 'WebImageSettingsRequest', ip_ignore_enable: 'IPIgnoreSettingsRequest' }[setting]
}
