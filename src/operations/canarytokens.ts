import { basename } from 'node:path'
import { deleteApeeperFactory, removeS3Canarytoken } from '../backends/console/canarytokens.js'
import type { TokenRecord } from '../backends/types.js'
import { ApiError } from '../http/errors.js'
import type { FileParams, Params } from '../http/transport.js'
import { errorMessage, InputError } from '../errors.js'
import {
  booleanInput,
  consoleParameter,
  extraParamsInput,
  flockIdInput,
  INPUT_NAMES,
  optionalBoolean,
  PLAIN_CREATE_INPUTS,
  type InputName,
  type InputReader
} from '../inputs.js'
import { readableFileInside } from '../publish/files.js'
import { withoutSecretFields } from '../secrets.js'
import { FILE_INPUTS, artifactRequest, parseFileOptions, refuseFileInputsWithoutDownload, saveDownload, type FileOptions } from './file-options.js'
import {
  AWS_AUTOMATION_INPUTS,
  FILE_KINDS,
  REFUSED_INPUTS,
  unknownKindMessage,
  isKnownKind,
  kindRule,
  kindSpecificInputs,
  type CanarytokenKind
} from './kinds.js'
import { alreadyDoneNotes, alreadyDoneSuffix } from './outcomes.js'
import { createOrReuse } from './reuse.js'
import { memoInput } from './memo-template.js'
import type { CreateRequest } from '../backends/types.js'
import { CONSOLE_ONLY, consoleOf, defineOperation, type OperationContext, type OperationResult, type OutputValue, type RunEnvironment } from './types.js'

/** Largest file sent with create (web-image, upload-file). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const TOKEN_OUTPUTS = ['canarytoken', 'kind', 'memo', 'hostname', 'url', 'enabled', 'flock-id', 'token', 'response'] as const
const FILE_OUTPUTS = ['file-path', 'artifact-id', 'artifact-name'] as const
const AWS_ID_OUTPUTS = ['access-key-id', 'secret-access-key'] as const

/** The Console parameters that have inputs of their own (so `extra-params` may not set them). */
export const NAMED_PARAMETERS = new Set<string>([...INPUT_NAMES.map(consoleParameter), 'exe', 'doc', 'pdf'])

/** Outputs describing a token. Secret fields never go to `token` or `response`; aws-id keys have outputs of their own. */
export function tokenOutputs(token: TokenRecord, response: unknown = token.answer): Record<string, OutputValue | undefined> {
  return {
    canarytoken: token.id,
    kind: token.kind,
    memo: token.memo,
    hostname: token.hostname,
    url: token.url,
    enabled: token.enabled,
    'flock-id': token.flockId,
    token: JSON.stringify(token.details),
    response: response === undefined ? undefined : JSON.stringify(withoutSecretFields(response))
  }
}

function tokenSummary(heading: string, token: TokenRecord, file?: string, notes?: string[]): OperationResult['summary'] {
  return {
    heading,
    columns: ['Canarytoken', 'Kind', 'Memo', 'Hostname / URL', 'Enabled', 'File'],
    rows: [[token.id, token.kind, token.memo, token.hostname || token.url || '', String(token.enabled ?? ''), file ?? '']],
    notes
  }
}

function requireKind(inputs: InputReader): CanarytokenKind {
  const kind = inputs.get('kind')
  if (!isKnownKind(kind)) {
    throw new InputError(unknownKindMessage(kind))
  }
  return kind
}

/** Every per-kind rule, checked before any request. */
export async function checkKindRules(kind: CanarytokenKind, inputs: InputReader, extra: Params, env: RunEnvironment): Promise<FileParams> {
  const rule = kindRule(kind)
  for (const [input, why] of Object.entries(REFUSED_INPUTS) as [InputName, string][]) {
    if (inputs.get(input)) throw new InputError(why)
  }
  for (const input of rule.requires ?? []) {
    if (!inputs.get(input)) throw new InputError(`Kind '${kind}' needs input '${input}'.`)
  }
  for (const [input, owners] of kindSpecificInputs()) {
    if (inputs.get(input) && !owners.includes(kind)) {
      throw new InputError(`Input '${input}' applies to kind ${owners.map((owner) => `'${owner}'`).join(' or ')} only, not '${kind}'.`)
    }
  }
  for (const parameter of rule.requiresExtraParams ?? []) {
    if (extra[parameter] === undefined || extra[parameter] === '') {
      throw new InputError(`Kind '${kind}' needs the Console parameter '${parameter}': add it to 'extra-params' (e.g. "${parameter}: ...").`)
    }
  }
  if (kind === 'aws-s3') {
    const given = AWS_AUTOMATION_INPUTS.filter((input) => inputs.get(input))
    if (inputs.get('aws-session-token') && given.length === 0) {
      throw new InputError(`Input 'aws-session-token' goes with temporary AWS credentials: set ${AWS_AUTOMATION_INPUTS.join(', ')} too.`)
    }
    if (given.length > 0 && given.length < AWS_AUTOMATION_INPUTS.length) {
      const missing = AWS_AUTOMATION_INPUTS.filter((input) => !inputs.get(input))
      throw new InputError(`Kind 'aws-s3' with AWS automation needs ${AWS_AUTOMATION_INPUTS.join(', ')}; missing: ${missing.join(', ')}.`)
    }
  }
  const files: FileParams = {}
  if (rule.upload) {
    const userPath = inputs.get(rule.upload.input)
    if (userPath) files[rule.upload.part] = await readableFileInside(env.workspace, userPath, rule.upload.input, MAX_UPLOAD_BYTES)
    else if (rule.upload.required) throw new InputError(`Kind '${kind}' needs input '${rule.upload.input}': the path of the file to send.`)
    if (userPath && !rule.upload.extensions.some((extension) => userPath.toLowerCase().endsWith(extension))) {
      // The part goes with the MIME type of its extension (as the reference's curl -F '...; type=...' does).
      throw new InputError(`Input '${rule.upload.input}' for kind '${kind}' must name a ${rule.upload.extensions.join(', ')} file, not '${userPath}'.`)
    }
  }
  return files
}

/** Console parameters from the inputs that map one to one. */
export function namedParams(inputs: InputReader, names: readonly InputName[]): Params {
  return Object.fromEntries(names.filter((name) => inputs.get(name)).map((name) => [consoleParameter(name), inputs.get(name)]))
}

interface CreateParams extends TokenRequest {
  download?: FileOptions
  reuse: boolean
}

/** The kind-specific inputs that become plain create parameters. */
export const CREATE_PARAMETER_INPUTS: readonly InputName[] = ['flock-id', ...PLAIN_CREATE_INPUTS]

/** Every input that describes "a token to create" (besides kind and memo): create takes them all, a seed manifest entry most. */
export const TOKEN_REQUEST_INPUTS: readonly InputName[] = [
  ...CREATE_PARAMETER_INPUTS,
  // Read only to be refused with the reason (checkKindRules), not ignored with a warning.
  ...(Object.keys(REFUSED_INPUTS) as InputName[]),
  'web-image',
  'upload-file',
  'browser-scanner-enabled',
  'extra-params'
]

/** A token to create, checked: what create sends. */
export interface TokenRequest extends CreateRequest {
  kind: CanarytokenKind
}

/**
 * THE parser for "a token to create", whether its values come from the
 * step's inputs or from a seed manifest entry (read through an InputReader),
 * so the two cannot drift apart. `memo` is already filled and checked.
 */
export async function parseTokenRequest(inputs: InputReader, memo: string, env: RunEnvironment): Promise<TokenRequest> {
  const kind = requireKind(inputs)
  flockIdInput(inputs)
  const extra = await extraParamsInput(inputs, NAMED_PARAMETERS)
  const files = await checkKindRules(kind, inputs, extra, env)
  const browserScanner = optionalBoolean(inputs, 'browser-scanner-enabled')
  const { flock_id: flockId, ...params }: Params = { ...extra, ...namedParams(inputs, CREATE_PARAMETER_INPUTS) }
  if (browserScanner !== undefined) params.browser_scanner_enabled = browserScanner
  return { kind, memo, flockId: typeof flockId === 'string' ? flockId : undefined, params, files }
}

/** One message for a kind without a file, whether create or download-canarytoken learns it. */
function refuseKindWithoutFile(kind: string, what: string): void {
  if (isKnownKind(kind) && !kindRule(kind).file) {
    throw new InputError(`Kind '${kind}' has no file to download; ${what} works with ${FILE_KINDS.join(', ')}.`)
  }
}

async function downloadInto(
  token: TokenRecord,
  options: FileOptions,
  context: OperationContext
): Promise<{ path: string; artifact: OperationResult['artifact'] }> {
  const kind = token.kind
  const credentials = isKnownKind(kind) && kindRule(kind).credentials === true
  const saved = await saveDownload(await context.backend.download(token), options, `canarytoken-${token.id}`, credentials)
  if (saved.serverFilename && basename(saved.path) !== saved.serverFilename) {
    context.log.info(`The Console named the file '${saved.serverFilename}'; saved as '${basename(saved.path)}'.`)
  }
  context.log.info(`Wrote ${saved.bytes} bytes to ${saved.path}`)
  return { path: saved.path, artifact: artifactRequest(options, [saved.path]) }
}

/** The token exists even though its file did not arrive: say so, so a re-run does not mint another blindly. */
function madeButNotDownloaded(error: unknown, canarytoken: string): Error {
  const note = `; the Canarytoken ${canarytoken} was created: get its file with download-canarytoken, or delete it`
  if (error instanceof ApiError) {
    return new ApiError(`${error.message}${note}`, error.failure, error.status, error.serverMessage, error.attempts, error.earlierAttemptMayHaveActed)
  }
  return new Error(`${errorMessage(error)}${note}`)
}

const createOperation = defineOperation<CreateParams>({
  name: 'create-canarytoken',
  description:
    'Mints a Canarytoken of any kind (`memo` may use placeholders such as `{repository}`); `reuse: true` returns an existing token with the same kind, memo and flock instead; with `download: true` also writes its file (and uploads it with `artifact-name`).',
  backends: CONSOLE_ONLY,
  requires: ['kind', 'memo'],
  accepts: [...TOKEN_REQUEST_INPUTS, 'download', ...FILE_INPUTS, 'reuse'],
  outputs: [...TOKEN_OUTPUTS, 'reused', ...FILE_OUTPUTS, ...AWS_ID_OUTPUTS],
  async parse(inputs, env) {
    const request = await parseTokenRequest(inputs, memoInput(inputs), env)
    const kind = request.kind
    const download = booleanInput(inputs, 'download')
    if (download) refuseKindWithoutFile(kind, "'download: true'")
    if (!download) refuseFileInputsWithoutDownload(inputs)
    return {
      ...request,
      download: download ? await parseFileOptions(inputs, env) : undefined,
      reuse: booleanInput(inputs, 'reuse')
    }
  },
  async run({ download, reuse, ...request }, context) {
    const { token, reused } = await createOrReuse(context.backend, request, reuse)
    const heading = reused ? 'Reused Canarytoken' : 'Created Canarytoken'
    context.log.info(
      reused
        ? `Reused the ${token.kind} Canarytoken ${token.id}${token.hostname ? ` (${token.hostname})` : ''}: it already has this memo; no new token was made.`
        : `Created ${token.kind} Canarytoken ${token.id}${token.hostname ? ` (${token.hostname})` : ''}.`
    )
    const outputs = tokenOutputs(token)
    outputs.reused = reused
    if (token.awsKeys) {
      outputs['access-key-id'] = token.awsKeys.accessKeyId
      outputs['secret-access-key'] = token.awsKeys.secretAccessKey
    }
    const notes = reused ? ['An existing Canarytoken with this kind, memo and flock was reused (reuse: true); no new token was made.'] : undefined
    if (!download) return { outputs, summary: tokenSummary(heading, token, undefined, notes) }
    const file = await downloadInto(token, download, context).catch((error: unknown) => {
      throw madeButNotDownloaded(error, token.id)
    })
    outputs['file-path'] = file.path
    return { outputs, summary: tokenSummary(heading, token, file.path, notes), artifact: file.artifact }
  }
})

interface TokenIdParams {
  canarytoken: string
}

function parseCanarytoken(inputs: InputReader): TokenIdParams {
  return { canarytoken: inputs.get('canarytoken') }
}

const fetchOperation = defineOperation<TokenIdParams>({
  name: 'fetch-canarytoken',
  description: 'Reads one Canarytoken: its memo, hostname, URL, kind and state.',
  backends: CONSOLE_ONLY,
  requires: ['canarytoken'],
  accepts: [],
  outputs: TOKEN_OUTPUTS,
  parse: parseCanarytoken,
  async run({ canarytoken }, context) {
    const token = await context.backend.fetch({ id: canarytoken })
    context.log.info(`Found the ${token.kind} Canarytoken ${token.id}: memo '${token.memo}', enabled: ${token.enabled ?? 'unknown'}.`)
    return { outputs: tokenOutputs(token), summary: tokenSummary('Canarytoken', token) }
  }
})

const updateOperation = defineOperation<TokenIdParams & { memo: string }>({
  name: 'update-canarytoken',
  description: "Replaces a Canarytoken's memo.",
  backends: CONSOLE_ONLY,
  requires: ['canarytoken', 'memo'],
  accepts: [],
  outputs: TOKEN_OUTPUTS,
  parse: (inputs) => ({ ...parseCanarytoken(inputs), memo: memoInput(inputs) }),
  async run({ canarytoken, memo }, context) {
    const token = await consoleOf(context).updateMemo({ id: canarytoken }, memo)
    context.log.info(`Updated the memo of ${canarytoken}.`)
    return { outputs: tokenOutputs(token), summary: tokenSummary('Updated Canarytoken memo', token) }
  }
})

/** enable/disable share a shape: change the state, then read the token back to report it. */
function stateOperation(name: string, description: string, enabled: boolean, heading: string) {
  return defineOperation<TokenIdParams>({
    name,
    description,
    backends: CONSOLE_ONLY,
    requires: ['canarytoken'],
    accepts: [],
    outputs: TOKEN_OUTPUTS,
    parse: parseCanarytoken,
    async run({ canarytoken }, context) {
      await context.backend.setAlerting({ id: canarytoken }, enabled)
      const token = await context.backend.fetch({ id: canarytoken })
      context.log.info(`${heading}: ${canarytoken} (enabled: ${token.enabled}).`)
      return { outputs: tokenOutputs(token), summary: tokenSummary(heading, token) }
    }
  })
}

/** Said when a retried removal finds nothing left to remove. */

const deleteOperation = defineOperation<TokenIdParams & { clearIncidents: boolean }>({
  name: 'delete-canarytoken',
  description: 'Deletes a Canarytoken; `clear-incidents: true` also clears its incidents (the Console refuses otherwise).',
  backends: CONSOLE_ONLY,
  requires: ['canarytoken'],
  accepts: ['clear-incidents'],
  outputs: ['canarytoken', 'response'],
  parse: (inputs) => ({ ...parseCanarytoken(inputs), clearIncidents: booleanInput(inputs, 'clear-incidents') }),
  async run({ canarytoken, clearIncidents }, context) {
    const { alreadyDone } = await context.backend.delete({ id: canarytoken }, { clearIncidents })
    context.log.info(`Deleted ${canarytoken}${alreadyDoneSuffix(alreadyDone)}.`)
    return {
      outputs: { canarytoken, response: alreadyDone ? undefined : JSON.stringify({ result: 'success' }) },
      summary: {
        heading: 'Deleted Canarytoken',
        columns: ['Canarytoken', 'Incidents cleared'],
        rows: [[canarytoken, String(clearIncidents)]],
        notes: alreadyDoneNotes(alreadyDone)
      }
    }
  }
})

const downloadOperation = defineOperation<TokenIdParams & { file: FileOptions }>({
  name: 'download-canarytoken',
  description: "Writes a Canarytoken's file (document, PDF, credentials, ...) into `path`; uploads it with `artifact-name`.",
  backends: CONSOLE_ONLY,
  requires: ['canarytoken'],
  accepts: FILE_INPUTS,
  outputs: [...TOKEN_OUTPUTS, ...FILE_OUTPUTS],
  parse: async (inputs, env) => ({ ...parseCanarytoken(inputs), file: await parseFileOptions(inputs, env) }),
  async run({ canarytoken, file }, context) {
    // Fetching first tells us the kind, so a credential file is masked as one.
    const token = await context.backend.fetch({ id: canarytoken })
    // A kind the server cannot make a file for: say so, without sending a download it will refuse.
    refuseKindWithoutFile(token.kind, 'download-canarytoken')
    const saved = await downloadInto(token, file, context)
    return {
      outputs: { ...tokenOutputs(token), 'file-path': saved.path },
      summary: tokenSummary('Downloaded Canarytoken file', token, saved.path),
      artifact: saved.artifact
    }
  }
})

interface RemoveS3Params {
  canarytoken: string
  awsAccessKey: string
  awsSecretKey: string
  awsRegion: string
  awsSessionToken?: string
  deleteBuckets: boolean
  s3SourceBucket?: string
}

const removeS3Operation = defineOperation<RemoveS3Params>({
  name: 'remove-s3-canarytoken',
  description: 'Removes an AWS S3 Canarytoken from your AWS account (optionally deleting its buckets).',
  backends: CONSOLE_ONLY,
  requires: ['canarytoken', 'aws-access-key', 'aws-secret-key', 'aws-region'],
  accepts: ['aws-session-token', 'delete-buckets', 's3-source-bucket'],
  outputs: ['canarytoken', 'response'],
  parse(inputs) {
    const deleteBuckets = booleanInput(inputs, 'delete-buckets')
    if (deleteBuckets && !inputs.get('s3-source-bucket')) {
      throw new InputError("Input 'delete-buckets: true' needs 's3-source-bucket': the bucket that was monitored.")
    }
    return {
      canarytoken: inputs.get('canarytoken'),
      awsAccessKey: inputs.get('aws-access-key'),
      awsSecretKey: inputs.get('aws-secret-key'),
      awsRegion: inputs.get('aws-region'),
      awsSessionToken: inputs.get('aws-session-token') || undefined,
      deleteBuckets,
      s3SourceBucket: inputs.get('s3-source-bucket') || undefined
    }
  },
  async run(params, context) {
    const { alreadyDone, ...answer } = await removeS3Canarytoken(consoleOf(context).transport, {
      canarytoken: params.canarytoken,
      aws_access_key: params.awsAccessKey,
      aws_secret_key: params.awsSecretKey,
      aws_region: params.awsRegion,
      aws_session_token: params.awsSessionToken,
      delete_buckets: params.deleteBuckets || undefined,
      s3_source_bucket: params.s3SourceBucket
    })
    context.log.info(`Removed the AWS S3 Canarytoken ${params.canarytoken}${alreadyDoneSuffix(alreadyDone)}.`)
    return {
      outputs: { canarytoken: params.canarytoken, response: alreadyDone ? undefined : JSON.stringify(withoutSecretFields(answer)) },
      summary: {
        heading: 'Removed AWS S3 Canarytoken',
        columns: ['Canarytoken', 'Region', 'Buckets deleted'],
        rows: [[params.canarytoken, params.awsRegion, String(params.deleteBuckets)]],
        notes: alreadyDoneNotes(alreadyDone)
      }
    }
  }
})

const deleteApeeperOperation = defineOperation<{ hash: string }>({
  name: 'delete-apeeper-factory',
  description: 'Deletes an Apeeper Canarytoken factory by its hash.',
  backends: CONSOLE_ONLY,
  requires: ['hash'],
  accepts: [],
  outputs: ['response'],
  parse: (inputs) => ({ hash: inputs.get('hash') }),
  async run({ hash }, context) {
    const { alreadyDone, ...answer } = await deleteApeeperFactory(consoleOf(context).transport, hash)
    context.log.info(`Deleted the Apeeper factory ${hash}${alreadyDoneSuffix(alreadyDone)}.`)
    return {
      outputs: { response: alreadyDone ? undefined : JSON.stringify(answer) },
      summary: { heading: 'Deleted Apeeper factory', columns: ['Hash'], rows: [[hash]], notes: alreadyDoneNotes(alreadyDone) }
    }
  }
})

export const CANARYTOKEN_OPERATIONS = [
  createOperation,
  fetchOperation,
  updateOperation,
  stateOperation('enable-canarytoken', 'Enables a disabled Canarytoken.', true, 'Enabled Canarytoken'),
  stateOperation('disable-canarytoken', 'Disables a Canarytoken: it stays, but alerts stop.', false, 'Disabled Canarytoken'),
  deleteOperation,
  downloadOperation,
  removeS3Operation,
  deleteApeeperOperation
]

