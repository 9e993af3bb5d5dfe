import { UPLOAD_MIME_TYPES } from '../http/upload-types.js'
import { unknownNameMessage } from '../near-miss.js'
import type { InputName } from '../inputs.js'

/** A file part sent with create (multipart): the Console's part name and the input that names the file. */
export interface KindUpload {
  part: 'web_image' | 'exe' | 'doc' | 'pdf'
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
}

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
  'aws-id': { label: 'AWS API Key', file: 'AWS credentials file', credentials: true },
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
    credentials: true
  },
  'cloned-css': { label: 'CSS cloned site', requiresExtraParams: ['expected_referrer'] },
  'cloned-web': { label: 'Cloned Website', requires: ['cloned-web'] },
  'credit-card': { label: 'Credit Card' },
  dns: { label: 'DNS' },
  'doc-msexcel': { label: 'MS Excel Document', file: '.xlsx' },
  'doc-msword': { label: 'MS Word Document', file: '.docx', upload: { part: 'doc', input: 'upload-file', required: false, extensions: ['.docx'] } },
  'fast-redirect': { label: 'Fast Redirect', requiresExtraParams: ['browser_redirect_url'] },
  http: { label: 'Web Bug', accepts: ['browser-scanner-enabled'] },
  'idp-app': { label: 'IdP App', requiresExtraParams: ['idp_app_type'] },
  'msexcel-macro': { label: 'MS Excel Macro Document', file: '.xlsm' },
  'msword-macro': { label: 'MS Word Macro Document', file: '.docm' },
  'mysql-dump': { label: 'MySQL Dump File', file: '.sql.gz' },
  'pdf-acrobat-reader': { label: 'Acrobat PDF', file: '.pdf', upload: { part: 'pdf', input: 'upload-file', required: false, extensions: ['.pdf'] } },
  pwa: { label: 'Fake App' },
  'qr-code': { label: 'QR Code', file: '.png' },
  'sensitive-cmd': { label: 'Sensitive Command', requiresExtraParams: ['process_name'], file: '.reg' },
  'signed-exe': {
    label: 'Custom Exe/Binary',
    upload: { part: 'exe', input: 'upload-file', required: true, extensions: ['.exe', '.dll'] },
    file: '.exe'
  },
  'slack-api': { label: 'Slack API Key', file: '.txt', credentials: true },
  'slow-redirect': { label: 'Slow Redirect', requiresExtraParams: ['browser_redirect_url'] },
  sql: { label: 'SQL Server', legacy: true },
  svn: { label: 'SVN', legacy: true },
  'web-image': { label: 'Custom Web Image', upload: { part: 'web_image', input: 'web-image', required: true, extensions: IMAGE_EXTENSIONS } },
  'windows-dir': { label: 'Windows Folder', file: '.zip' },
  wireguard: { label: 'WireGuard VPN', file: 'wg0.conf', credentials: true }
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
  for (const extension of rule.upload?.extensions ?? []) {
    if (!UPLOAD_MIME_TYPES[extension]) throw new Error(`no MIME type for upload extension ${extension}`)
  }
}

export type CanarytokenKind = keyof typeof CANARYTOKEN_KINDS

export const KIND_NAMES = Object.keys(CANARYTOKEN_KINDS) as CanarytokenKind[]

export function isKnownKind(kind: string): kind is CanarytokenKind {
  return Object.hasOwn(CANARYTOKEN_KINDS, kind)
}

/** `Input 'kind' must be one of: ...; 'DNS' is not a Canarytoken kind; did you mean 'dns'?` */
export function unknownKindMessage(kind: string): string {
  if (!kind) return `Input 'kind' must be one of: ${KIND_NAMES.join(', ')}.`
  return unknownNameMessage('kind', kind, 'a Canarytoken kind', KIND_NAMES)
}

/** A kind's rule, typed as the rule (the table's own literal types differ per kind). */
export function kindRule(kind: CanarytokenKind): KindRule {
  return CANARYTOKEN_KINDS[kind]
}

/** Inputs that belong to some kinds only, with the kinds they belong to. */
export function kindSpecificInputs(): Map<InputName, CanarytokenKind[]> {
  const owners = new Map<InputName, CanarytokenKind[]>()
  for (const kind of KIND_NAMES) {
    const rule = kindRule(kind)
    const inputs = [...(rule.requires ?? []), ...(rule.accepts ?? []), ...(rule.upload ? [rule.upload.input] : [])]
    for (const input of inputs) owners.set(input, [...(owners.get(input) ?? []), kind])
  }
  return owners
}

export const FILE_KINDS = KIND_NAMES.filter((kind) => kindRule(kind).file !== undefined)
