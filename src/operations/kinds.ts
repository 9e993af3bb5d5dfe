import { SERVER_KINDS } from '../backends/canarytokens-server/kinds.js'
import type { BackendName } from '../backends/types.js'
import { UPLOAD_MIME_TYPES } from '../http/upload-types.js'
import { unknownNameMessage } from '../near-miss.js'
import type { InputName } from '../inputs.js'

/** A file part sent with create (multipart): the server's part name and the input that names the file. */
export interface KindUpload {
  part: 'web_image' | 'exe' | 'doc' | 'pdf' | 'signed_exe'
  input: InputName
  required: boolean
  /** File name extensions accepted (each has a MIME type in UPLOAD_MIME_TYPES, sent with the part). */
  extensions: readonly string[]
}

/** What a kind needs and gives, checked before any request. */
export interface KindRule {
  /** The Console's label for the kind. */
  label: string
  /** Inputs this kind cannot do without. */
  requires?: readonly InputName[]
  /** Inputs meaningful for this kind only (refused with other kinds). */
  accepts?: readonly InputName[]
  /** Console parameters without an input of their own (given in `extra-params`) that this kind cannot do without. */
  requiresExtraParams?: readonly string[]
  upload?: KindUpload
  /** What `download` gives, when the kind has a file. */
  file?: string
  /** The token's file or fields are credentials: masked, written owner-only. */
  credentials?: boolean
  /**
   * Set for kinds only the older reference lists: the current reference's
   * `/canarytokens/list` example does not offer them, so a current Console
   * may refuse to create one. Kept so older tokens can still be listed,
   * filtered and cleaned up by kind.
   */
  legacy?: true
  /**
   * What the kind needs and gives on a Canarytokens server (its name there is
   * in backends/canarytokens-server/kinds.ts); absent: the server has no such kind.
   */
  server?: ServerKindRule
  /** A kind only a Canarytokens server has (named as the server names it): the Console refuses it before any request. */
  serverOnly?: true
}

/** A kind's rules on a Canarytokens server, checked before any request. */
export interface ServerKindRule {
  /** Inputs this kind cannot do without there. */
  requires?: readonly InputName[]
  /** Server parameters without an input of their own (given in `extra-params`, by the server's names) it cannot do without. */
  requiresExtraParams?: readonly string[]
  upload?: KindUpload
  /** What `download` gives; where the server gives it only when the token is made, `answerOnly`. */
  file?: string
  answerOnly?: true
  credentials?: boolean
  /** Said in the README's table. */
  note?: string
}

/** The server's parameter for an input that both servers take under different names. */
export const SERVER_PARAMETERS: Partial<Record<InputName, string>> = { 'cloned-web': 'clonedsite' }

export const AWS_AUTOMATION_INPUTS: readonly InputName[] = ['aws-access-key', 'aws-secret-key', 'aws-region']

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif'] as const

/**
 * Every kind the current reference (thinkst/canarytools-docs,
 * docs/canarytokens/actions.md: the `/canarytokens/list` example and the
 * create parameters) lets `/canarytoken/create` make, with the parameters it
 * marks "required when creating" that kind. Kinds in that list that are made
 * by flows of their own (gmail, office365mail, google-docs/sheets and their
 * autoreg- forms: OAuth set-ups) are not here. A kind missing here is one
 * line to add.
 */
export const CANARYTOKEN_KINDS = {
  'active-directory-login': { label: 'Active Directory Login', requiresExtraParams: ['tokened_usernames'] },
  apeeper: { label: 'Apeeper', legacy: true },
  'aws-id': {
    label: 'AWS API Key',
    file: 'AWS credentials file',
    credentials: true,
    server: { file: 'AWS credentials file (the server writes `aws_access_key=`)', credentials: true, note: 'not on servers without AWS set up (most self-hosted ones)' }
  },
  'aws-s3': {
    label: 'AWS S3 Bucket',
    requires: ['s3-source-bucket', 's3-log-bucket'],
    accepts: [...AWS_AUTOMATION_INPUTS, 'aws-session-token']
  },
  'azure-entra-login': { label: 'Azure Entra Login', requiresExtraParams: ['expected_referrer'] },
  'azure-id': {
    label: 'Azure Login Certificate and Config',
    requiresExtraParams: ['azure_id_cert_file_name'],
    file: '.zip (certificate and config)',
    credentials: true,
    server: { requiresExtraParams: ['azure_id_cert_file_name'], file: 'certificate (.pem)', credentials: true }
  },
  'cloned-css': { label: 'CSS cloned site', requiresExtraParams: ['expected_referrer'], server: { requiresExtraParams: ['expected_referrer'], file: '.css' } },
  'cloned-web': { label: 'Cloned Website', requires: ['cloned-web'], server: { requires: ['cloned-web'] } },
  'credit-card': { label: 'Credit Card' },
  dns: { label: 'DNS', server: {} },
  'doc-msexcel': { label: 'MS Excel Document', file: '.xlsx', server: { file: '.xlsx' } },
  'doc-msword': {
    label: 'MS Word Document',
    file: '.docx',
    upload: { part: 'doc', input: 'upload-file', required: false, extensions: ['.docx'] },
    server: { file: '.docx' }
  },
  'fast-redirect': { label: 'Fast Redirect', requiresExtraParams: ['browser_redirect_url'], server: { requiresExtraParams: ['redirect_url'] } },
  http: { label: 'Web Bug', accepts: ['browser-scanner-enabled'], server: {} },
  'idp-app': { label: 'IdP App', requiresExtraParams: ['idp_app_type'], server: { requiresExtraParams: ['app_type'] } },
  'msexcel-macro': { label: 'MS Excel Macro Document', file: '.xlsm' },
  'msword-macro': { label: 'MS Word Macro Document', file: '.docm' },
  'mysql-dump': { label: 'MySQL Dump File', file: '.sql.gz', server: { file: '.sql.gz' } },
  'pdf-acrobat-reader': {
    label: 'Acrobat PDF',
    file: '.pdf',
    upload: { part: 'pdf', input: 'upload-file', required: false, extensions: ['.pdf'] },
    server: { file: '.pdf' }
  },
  pwa: { label: 'Fake App', server: { requiresExtraParams: ['icon'] } },
  'qr-code': { label: 'QR Code', file: '.png', server: { file: '.png' } },
  'sensitive-cmd': { label: 'Sensitive Command', requiresExtraParams: ['process_name'], file: '.reg', server: { requiresExtraParams: ['cmd_process'], file: '.reg' } },
  'signed-exe': {
    label: 'Custom Exe/Binary',
    upload: { part: 'exe', input: 'upload-file', required: true, extensions: ['.exe', '.dll'] },
    file: '.exe',
    server: { upload: { part: 'signed_exe', input: 'upload-file', required: true, extensions: ['.exe', '.dll'] }, file: '.exe (signed)', answerOnly: true }
  },
  'slack-api': { label: 'Slack API Key', file: '.txt', credentials: true },
  'slow-redirect': { label: 'Slow Redirect', requiresExtraParams: ['browser_redirect_url'], server: { requiresExtraParams: ['redirect_url'] } },
  sql: { label: 'SQL Server', legacy: true, server: {} },
  svn: { label: 'SVN', legacy: true, server: {} },
  'web-image': {
    label: 'Custom Web Image',
    upload: { part: 'web_image', input: 'web-image', required: true, extensions: IMAGE_EXTENSIONS },
    server: { upload: { part: 'web_image', input: 'web-image', required: true, extensions: IMAGE_EXTENSIONS } }
  },
  'windows-dir': { label: 'Windows Folder', file: '.zip', server: { file: '.zip' } },
  wireguard: { label: 'WireGuard VPN', file: 'wg0.conf', credentials: true, server: { file: 'wg0.conf', credentials: true } },
  // Kinds only a Canarytokens server has, by the server's own names (canarytokens/models/<kind>.py).
  kubeconfig: { label: 'Kubeconfig', serverOnly: true, server: { file: 'kubeconfig', credentials: true } },
  log4shell: { label: 'Log4Shell', serverOnly: true, server: {} },
  smtp: { label: 'Email address (SMTP)', serverOnly: true, server: {} },
  webdav: {
    label: 'Network Folder (WebDAV)',
    serverOnly: true,
    server: { requiresExtraParams: ['webdav_fs_type'], note: 'only on servers with WebDAV set up' }
  },
  windows_fake_fs: {
    label: 'Windows Fake File System',
    serverOnly: true,
    server: { requiresExtraParams: ['windows_fake_fs_root', 'windows_fake_fs_file_structure'], file: '.ps1' }
  },
  // mcp.json carries the token as a bearer token (mcp.py make_canary_mcp_json): a credential like the kubeconfig.
  mcp: { label: 'MCP server', serverOnly: true, server: { requiresExtraParams: ['mcp_alert_on'], file: 'mcp.json', credentials: true } },
  svg: { label: 'SVG image', serverOnly: true, server: { file: '.svg' } }
} as const satisfies Record<string, KindRule>

/**
 * Inputs the action still declares but refuses, with why: a workflow that
 * sets one gets this message instead of a parameter the Console ignores.
 */
export const REFUSED_INPUTS: Partial<Record<InputName, string>> = {
  'aws-id-username':
    "Input 'aws-id-username' is not supported: Thinkst removed aws_id_username from the API reference as unsupported (thinkst/canarytools-docs #93); the Console picks the AWS user name itself. Remove it."
}

/** Every upload extension a kind names has a MIME type to send with it. */
for (const rule of Object.values(CANARYTOKEN_KINDS) as KindRule[]) {
  for (const extension of [...(rule.upload?.extensions ?? []), ...(rule.server?.upload?.extensions ?? [])]) {
    if (!UPLOAD_MIME_TYPES[extension]) throw new Error(`no MIME type for upload extension ${extension}`)
  }
}

export type CanarytokenKind = keyof typeof CANARYTOKEN_KINDS

/** Every kind either server makes. */
export const ALL_KIND_NAMES = Object.keys(CANARYTOKEN_KINDS) as CanarytokenKind[]

/** The kinds of one server: the Console's (not the server-only ones), a Canarytokens server's (those with a `server` rule). */
export function kindNamesFor(backend: BackendName): CanarytokenKind[] {
  return ALL_KIND_NAMES.filter((kind) => (backend === 'console' ? kindRule(kind).serverOnly !== true : kindRule(kind).server !== undefined))
}

/** The Console's kinds. */
export const KIND_NAMES = kindNamesFor('console')

/** A kind the Console makes (the server-only kinds are not). */
export function isKnownKind(kind: string, backend: BackendName = 'console'): kind is CanarytokenKind {
  return Object.hasOwn(CANARYTOKEN_KINDS, kind) && kindNamesFor(backend).includes(kind as CanarytokenKind)
}

/** `Input 'kind' must be one of: ...; 'DNS' is not a Canarytoken kind; did you mean 'dns'?` */
export function unknownKindMessage(kind: string, backend: BackendName = 'console'): string {
  const names = kindNamesFor(backend)
  if (!kind) return `Input 'kind' must be one of: ${names.join(', ')}.`
  const other: BackendName = backend === 'console' ? 'canarytokens-server' : 'console'
  if (isKnownKind(kind, other)) {
    return backend === 'console'
      ? `Kind '${kind}' is made by Canarytokens servers only (canarytokens.org, self-hosted: set 'canarytokens-server'), not by the Canary Console; the Console makes ${names.join(', ')}.`
      : `Kind '${kind}' is made by the Canary Console only; a Canarytokens server makes ${names.join(', ')}.`
  }
  return unknownNameMessage('kind', kind, 'a Canarytoken kind', names)
}

/** The rule that applies on a backend: the Console's own, or its `server` rule read as one. */
export function kindRuleOn(kind: CanarytokenKind, backend: BackendName): KindRule {
  const rule = kindRule(kind)
  if (backend === 'console') return rule
  const server = rule.server ?? {}
  return { label: rule.label, requires: server.requires, requiresExtraParams: server.requiresExtraParams, upload: server.upload, file: server.file, credentials: server.credentials }
}

// The two tables name the same kinds: a kind with a `server` rule has a server name, and the other way round.
for (const kind of ALL_KIND_NAMES) {
  if ((kindRule(kind).server !== undefined) !== Object.hasOwn(SERVER_KINDS, kind)) {
    throw new Error(`kind ${kind}: operations/kinds.ts and backends/canarytokens-server/kinds.ts disagree on whether a Canarytokens server makes it`)
  }
}
for (const kind of Object.keys(SERVER_KINDS)) {
  if (!Object.hasOwn(CANARYTOKEN_KINDS, kind)) throw new Error(`kind ${kind} of backends/canarytokens-server/kinds.ts has no rule in operations/kinds.ts`)
}

/** A kind's rule, typed as the rule (the table's own literal types differ per kind). */
export function kindRule(kind: CanarytokenKind): KindRule {
  return CANARYTOKEN_KINDS[kind]
}

/** Inputs that belong to some kinds only, with the kinds they belong to (on one server). */
export function kindSpecificInputs(backend: BackendName = 'console'): Map<InputName, CanarytokenKind[]> {
  const owners = new Map<InputName, CanarytokenKind[]>()
  for (const kind of kindNamesFor(backend)) {
    const rule = kindRuleOn(kind, backend)
    const inputs = [...(rule.requires ?? []), ...(rule.accepts ?? []), ...(rule.upload ? [rule.upload.input] : [])]
    for (const input of inputs) owners.set(input, [...(owners.get(input) ?? []), kind])
  }
  return owners
}

export const FILE_KINDS = KIND_NAMES.filter((kind) => kindRule(kind).file !== undefined)

/** The kinds with a file on one server. */
export function fileKindsOn(backend: BackendName): CanarytokenKind[] {
  return kindNamesFor(backend).filter((kind) => kindRuleOn(kind, backend).file !== undefined)
}
