import { didYouMean } from '../near-miss.js'
import type { InputName } from '../inputs.js'

/** A file part sent with create (multipart): the Console's part name and the input that names the file. */
export interface KindUpload {
  part: 'web_image' | 'exe' | 'doc' | 'pdf'
  input: InputName
  required: boolean
}

/** What a kind needs and gives, checked before any request. */
export interface KindRule {
  /** The Console's label for the kind. */
  label: string
  /** Inputs this kind cannot do without. */
  requires?: readonly InputName[]
  /** Inputs meaningful for this kind only (refused with other kinds). */
  accepts?: readonly InputName[]
  /** `extra-params` entries this kind cannot do without. */
  requiresExtraParams?: readonly string[]
  upload?: KindUpload
  /** What `download` gives, when the kind has a file. */
  file?: string
  /** The token's file or fields are credentials: masked, written owner-only. */
  credentials?: boolean
}

const AWS_AUTOMATION_INPUTS: readonly InputName[] = ['aws-access-key', 'aws-secret-key', 'aws-region']

/**
 * Every kind the reference lists and the newer ones the Console documents,
 * in one list. Kinds come and go on the Console side; a kind missing here is
 * one line to add.
 */
export const CANARYTOKEN_KINDS = {
  'active-directory-login': { label: 'Active Directory Login' },
  apeeper: { label: 'Apeeper' },
  'aws-id': { label: 'AWS API Key', accepts: ['aws-id-username'], file: 'AWS credentials file', credentials: true },
  'aws-s3': { label: 'AWS S3 Bucket', accepts: ['s3-source-bucket', 's3-log-bucket', ...AWS_AUTOMATION_INPUTS] },
  'azure-entra-login': { label: 'Azure Entra ID Login' },
  'azure-id': { label: 'Azure Login Certificate', file: '.zip (certificate and config)', credentials: true },
  'cloned-css': { label: 'Cloned Website (CSS)', requiresExtraParams: ['expected_referrer'] },
  'cloned-web': { label: 'Cloned Website', requires: ['cloned-web'] },
  'credit-card': { label: 'Credit Card' },
  dns: { label: 'DNS' },
  'doc-msexcel': { label: 'MS Excel Document', file: '.xlsx' },
  'doc-msword': { label: 'MS Word Document', file: '.docx', upload: { part: 'doc', input: 'upload-file', required: false } },
  'fast-redirect': { label: 'Fast Redirect', requiresExtraParams: ['browser_redirect_url'] },
  http: { label: 'Web Bug / URL', accepts: ['browser-scanner-enabled'] },
  'msexcel-macro': { label: 'MS Excel Macro Document', file: '.xlsm' },
  'msword-macro': { label: 'MS Word Macro Document', file: '.docm' },
  'mysql-dump': { label: 'MySQL Dump', file: '.sql.gz' },
  'pdf-acrobat-reader': { label: 'Acrobat PDF', file: '.pdf', upload: { part: 'pdf', input: 'upload-file', required: false } },
  pwa: { label: 'Fake App (PWA)' },
  'qr-code': { label: 'QR Code', file: '.png' },
  'sensitive-cmd': { label: 'Sensitive Command', requiresExtraParams: ['process_name'], file: '.reg' },
  'signed-exe': { label: 'Signed Executable', upload: { part: 'exe', input: 'upload-file', required: true }, file: '.exe' },
  'slack-api': { label: 'Slack API Key', file: '.txt', credentials: true },
  'slow-redirect': { label: 'Slow Redirect', requiresExtraParams: ['browser_redirect_url'] },
  sql: { label: 'SQL Server' },
  svn: { label: 'SVN' },
  'web-image': { label: 'Web Image', upload: { part: 'web_image', input: 'web-image', required: true } },
  'windows-dir': { label: 'Windows Folder', file: '.zip' },
  wireguard: { label: 'WireGuard VPN', file: 'wg0.conf', credentials: true }
} as const satisfies Record<string, KindRule>

export type CanarytokenKind = keyof typeof CANARYTOKEN_KINDS

export const KIND_NAMES = Object.keys(CANARYTOKEN_KINDS) as CanarytokenKind[]

export function isKnownKind(kind: string): kind is CanarytokenKind {
  return Object.hasOwn(CANARYTOKEN_KINDS, kind)
}

/** `Input 'kind' must be one of: ...; 'DNS' is not a Canarytoken kind; did you mean 'dns'?` */
export function unknownKindMessage(kind: string): string {
  if (!kind) return `Input 'kind' must be one of: ${KIND_NAMES.join(', ')}.`
  const guess = didYouMean(kind, KIND_NAMES)
  return `Input 'kind' must be one of: ${KIND_NAMES.join(', ')}; '${kind}' is not a Canarytoken kind${guess || '.'}`
}

export function kindRule(kind: CanarytokenKind): KindRule {
  return CANARYTOKEN_KINDS[kind]
}

/** Inputs that belong to some kinds only, with the kinds they belong to. */
export function kindSpecificInputs(): Map<InputName, CanarytokenKind[]> {
  const owners = new Map<InputName, CanarytokenKind[]>()
  for (const kind of KIND_NAMES) {
    const rule: KindRule = CANARYTOKEN_KINDS[kind]
    const inputs = [...(rule.requires ?? []), ...(rule.accepts ?? []), ...(rule.upload ? [rule.upload.input] : [])]
    for (const input of inputs) owners.set(input, [...(owners.get(input) ?? []), kind])
  }
  return owners
}

export const AWS_S3_AUTOMATION_INPUTS = AWS_AUTOMATION_INPUTS

export const FILE_KINDS = KIND_NAMES.filter((kind) => (CANARYTOKEN_KINDS[kind] as KindRule).file !== undefined)
