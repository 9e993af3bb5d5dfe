import { basename, extname, join } from 'node:path'
import { deleteApeeperFactory, removeS3Canarytoken } from '../backends/console/canarytokens.js'
import type { TokenRecord } from '../backends/types.js'
import { ApiError, withClearIncidentsHint } from '../http/errors.js'
import type { FileParams, Params } from '../http/transport.js'
import { errorMessage, InputError } from '../errors.js'
import type { BackendName } from '../backends/types.js'
import { registerSecret } from '../secrets.js'
import { codePointLength } from '../text.js'
import {
  booleanInput,
  chosenBackend,
  consoleParameter,
  requireAlertTarget,
  serverTokenIdInput,
  extraParamsInput,
  flockIdInput,
  INPUT_NAMES,
  optionalBoolean,
  PLAIN_CREATE_INPUTS,
  type InputName,
  type InputReader
} from '../inputs.js'
import { checkWritableTarget, readableFileInside } from '../publish/files.js'
import { withoutSecretFields } from '../secrets.js'
import { FILE_INPUTS, artifactRequest, parseFileOptions, refuseFileInputsWithoutDownload, saveDownload, type FileOptions } from './file-options.js'
import {
  AWS_AUTOMATION_INPUTS,
  REFUSED_INPUTS,
  SERVER_PARAMETERS,
  fileKindsOn,
  unknownKindMessage,
  isKnownKind,
  kindRule,
  kindRuleOn,
  kindSpecificInputs,
  type CanarytokenKind
} from './kinds.js'
import { alreadyDoneNotes, alreadyDoneSuffix } from './outcomes.js'
import { createOrReuse } from './reuse.js'
import { memoInput } from './memo-template.js'
import type { CreateRequest } from '../backends/types.js'
import { CONSOLE_ONLY, EVERY_BACKEND, consoleOf, defineOperation, type OperationContext, type OperationResult, type OutputValue, type RunEnvironment } from './types.js'

/** Largest file sent with create (web-image, upload-file). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** A Canarytokens server's limit (settings.py FrontendSettings.MAX_UPLOAD_SIZE). */
export const MAX_SERVER_UPLOAD_BYTES = 1024 * 1024
/** A Canarytokens server's memo limit (constants.py), in characters as Python counts them. */
export const MAX_SERVER_MEMO_LENGTH = 1000

const TOKEN_OUTPUTS = ['canarytoken', 'kind', 'memo', 'hostname', 'url', 'enabled', 'flock-id', 'manage-auth', 'manage-url', 'token', 'response'] as const

/** Why `reuse` cannot work on a Canarytokens server. */
export const NO_REUSE_ON_SERVER =
  "Input 'reuse' cannot work on a Canarytokens server: the server cannot list tokens, so there is no way to find one that already has this memo. Leave 'reuse' unset (each run makes its own token; delete old ones with delete-canarytoken and their manage auth)."

/** Refuses `reuse: true` on a Canarytokens server, before any request. */
export function refuseReuseOnServer(inputs: InputReader, reuse: boolean): void {
  if (reuse && chosenBackend(inputs) === 'canarytokens-server') throw new InputError(NO_REUSE_ON_SERVER)
}
const FILE_OUTPUTS = ['file-path', 'artifact-id', 'artifact-name'] as const
const AWS_ID_OUTPUTS = ['access-key-id', 'secret-access-key'] as const

/** The Console parameters that have inputs of their own (so `extra-params` may not set them). */
export const NAMED_PARAMETERS = new Set<string>([...INPUT_NAMES.map(consoleParameter), 'exe', 'doc', 'pdf'])

/** Outputs describing a token. Secret fields never go to `token` or `response`; aws-id keys have outputs of their own. */
export function tokenOutputs(token: TokenRecord, response: unknown = token.answer): Record<string, OutputValue | undefined> {
  // The token's own key and the page that holds it: masked before they can be printed (the outputs carry them).
  registerSecret(token.manageAuth)
  registerSecret(token.manageUrl)
  return {
    canarytoken: token.id,
    kind: token.kind,
    memo: token.memo,
    hostname: token.hostname,
    url: token.url,
    enabled: token.enabled,
    'flock-id': token.flockId,
    'manage-auth': token.manageAuth,
    'manage-url': token.manageUrl,
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

function requireKind(inputs: InputReader, backend: BackendName): CanarytokenKind {
  const kind = inputs.get('kind')
  if (!isKnownKind(kind, backend)) {
    throw new InputError(unknownKindMessage(kind, backend))
  }
  return kind
}

/** Server parameters the action sets itself from inputs of their own: `extra-params` may not hold them. */
const SERVER_OWN_PARAMETERS: Record<string, string> = {
  token_type: "the input 'kind'",
  type: "the input 'kind'",
  memo: "the input 'memo'",
  email: "the input 'alert-email'",
  webhook_url: "the input 'alert-webhook'",
  webhook: "the input 'alert-webhook'",
  clonedsite: "the input 'cloned-web'",
  web_image: "the input 'web-image'",
  signed_exe: "the input 'upload-file'"
}

/** Every per-kind rule, checked before any request. */
export async function checkKindRules(
  kind: CanarytokenKind,
  inputs: InputReader,
  extra: Params,
  env: RunEnvironment,
  backend: BackendName = 'console'
): Promise<FileParams> {
  const rule = kindRuleOn(kind, backend)
  const onServer = backend === 'canarytokens-server'
  for (const [input, why] of Object.entries(REFUSED_INPUTS) as [InputName, string][]) {
    if (inputs.get(input)) throw new InputError(why)
  }
  for (const input of rule.requires ?? []) {
    if (!inputs.get(input)) throw new InputError(`Kind '${kind}' needs input '${input}'.`)
  }
  for (const [input, owners] of kindSpecificInputs(backend)) {
    if (inputs.get(input) && !owners.includes(kind)) {
      throw new InputError(`Input '${input}' applies to kind ${owners.map((owner) => `'${owner}'`).join(' or ')} only, not '${kind}'.`)
    }
  }
  if (onServer) {
    // Inputs the Console's kinds take that a Canarytokens server has no use for.
    const consoleOnly = [...kindSpecificInputs('console').keys()].filter((input) => !kindSpecificInputs(backend).has(input))
    for (const input of consoleOnly) {
      if (inputs.get(input)) throw new InputError(`Input '${input}' is the Console's; a Canarytokens server takes nothing like it for kind '${kind}'. Remove it.`)
    }
    for (const [parameter, input] of Object.entries(SERVER_OWN_PARAMETERS)) {
      if (extra[parameter] !== undefined) throw new InputError(`Input 'extra-params' has '${parameter}'; the action sets it from ${input}.`)
    }
  }
  const where = onServer ? 'server' : 'Console'
  for (const parameter of rule.requiresExtraParams ?? []) {
    if (extra[parameter] === undefined || extra[parameter] === '') {
      throw new InputError(`Kind '${kind}' needs the ${where} parameter '${parameter}': add it to 'extra-params' (e.g. "${parameter}: ...").`)
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
    if (userPath) files[rule.upload.part] = await readableFileInside(env.workspace, userPath, rule.upload.input, onServer ? MAX_SERVER_UPLOAD_BYTES : MAX_UPLOAD_BYTES)
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
export async function parseTokenRequest(inputs: InputReader, memo: string, env: RunEnvironment, backend: BackendName = chosenBackend(inputs)): Promise<TokenRequest> {
  const kind = requireKind(inputs, backend)
  if (backend === 'canarytokens-server') return parseServerTokenRequest(kind, inputs, memo, env)
  flockIdInput(inputs)
  const extra = await extraParamsInput(inputs, NAMED_PARAMETERS)
  const files = await checkKindRules(kind, inputs, extra, env)
  const browserScanner = optionalBoolean(inputs, 'browser-scanner-enabled')
  const { flock_id: flockId, ...params }: Params = { ...extra, ...namedParams(inputs, CREATE_PARAMETER_INPUTS) }
  if (browserScanner !== undefined) params.browser_scanner_enabled = browserScanner
  return { kind, memo, flockId: typeof flockId === 'string' ? flockId : undefined, params, files }
}

/** Refuses a memo longer than a Canarytokens server takes (it counts characters as Python does: code points). */
export function checkServerMemoLength(memo: string, where: string): string {
  const length = codePointLength(memo)
  if (length > MAX_SERVER_MEMO_LENGTH) {
    throw new InputError(`${where} is ${length} characters long; a Canarytokens server accepts at most ${MAX_SERVER_MEMO_LENGTH}.`)
  }
  return memo
}

/** "A token to create" on a Canarytokens server: no flocks, its own parameter names, its limits. */
async function parseServerTokenRequest(kind: CanarytokenKind, inputs: InputReader, memo: string, env: RunEnvironment): Promise<TokenRequest> {
  if (inputs.get('flock-id')) throw new InputError("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.")
  checkServerMemoLength(memo, inputs.get('memo') ? "Input 'memo'" : 'The memo')
  const extra = await extraParamsInput(inputs, NAMED_PARAMETERS)
  const files = await checkKindRules(kind, inputs, extra, env, 'canarytokens-server')
  const params: Params = { ...extra }
  for (const [input, parameter] of Object.entries(SERVER_PARAMETERS) as [InputName, string][]) {
    if (inputs.get(input)) params[parameter] = inputs.get(input)
  }
  return { kind, memo, params, files }
}

/**
 * The names servers give these kinds' files whatever the token (the AWS credentials file, the WireGuard
 * config, the kubeconfig, the MCP config): known before anything is sent, so a link or folder in their place
 * is refused before a token is made. Other kinds' names come from the server with the file.
 */
const FIXED_FILE_NAMES: Partial<Record<string, string>> = { 'aws-id': 'credentials', wireguard: 'wg0.conf', kubeconfig: 'kubeconfig', mcp: 'mcp.json' }

/** One message for a kind without a file, whether create or download-canarytoken learns it. */
function refuseKindWithoutFile(kind: string, what: string, backend: BackendName = 'console'): void {
  if (isKnownKind(kind, backend) && !kindRuleOn(kind, backend).file) {
    throw new InputError(`Kind '${kind}' has no file to download${backend === 'console' ? '' : ' on a Canarytokens server'}; ${what} works with ${fileKindsOn(backend).join(', ')}.`)
  }
}

async function downloadInto(
  token: TokenRecord,
  options: FileOptions,
  context: OperationContext
): Promise<{ path: string; artifact: OperationResult['artifact'] }> {
  const kind = token.kind
  const backend = context.backend.name
  const credentials = isKnownKind(kind, backend) && kindRuleOn(kind, backend).credentials === true
  const saved = await saveDownload(await context.backend.download(token), options, `canarytoken-${token.id}`, credentials)
  if (saved.serverFilename && basename(saved.path) !== saved.serverFilename) {
    context.log.info(`${backend === 'console' ? 'The Console' : 'The server'} named the file '${saved.serverFilename}'; saved as '${basename(saved.path)}'.`)
  }
  const [given, sent] = [extname(basename(saved.path)).toLowerCase(), extname(saved.serverFilename ?? '').toLowerCase()]
  if (options.filename && given && sent && given !== sent) {
    // A lure named for another type (xlsx bytes as report.docx) opens as nothing, and so never fires.
    context.log.warning(
      `Input 'filename' ends in ${given}, but ${backend === 'console' ? 'the Console' : 'the server'} sent a ${sent} file ('${saved.serverFilename}'): a lure named for another type may not open as one. Name it with ${sent}.`
    )
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
  backends: EVERY_BACKEND,
  requires: ['kind', 'memo'],
  accepts: [...TOKEN_REQUEST_INPUTS, 'download', ...FILE_INPUTS, 'reuse', 'alert-email', 'alert-webhook'],
  outputs: [...TOKEN_OUTPUTS, 'reused', ...FILE_OUTPUTS, ...AWS_ID_OUTPUTS],
  async parse(inputs, env) {
    const backend = chosenBackend(inputs)
    const reuse = booleanInput(inputs, 'reuse')
    refuseReuseOnServer(inputs, reuse)
    requireAlertTarget(inputs, 'create-canarytoken')
    const request = await parseTokenRequest(inputs, memoInput(inputs), env, backend)
    const kind = request.kind
    const download = booleanInput(inputs, 'download')
    if (download) refuseKindWithoutFile(kind, "'download: true'", backend)
    if (!download) refuseFileInputsWithoutDownload(inputs)
    const options = download ? await parseFileOptions(inputs, env) : undefined
    // Kinds whose file always has the same name: that target is checked now too, before the token is made.
    const fixedName = FIXED_FILE_NAMES[kind]
    if (options && !options.filename && fixedName) await checkWritableTarget(join(options.directory, fixedName), fixedName, 'path')
    return { ...request, download: options, reuse }
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
  /** A Canarytokens server's key for the token (`manage-auth`); the Console needs none. */
  manageAuth?: string
}

function parseCanarytoken(inputs: InputReader): TokenIdParams {
  const canarytoken = inputs.get('canarytoken')
  return { canarytoken: chosenBackend(inputs) === 'canarytokens-server' ? serverTokenIdInput(canarytoken) : canarytoken, manageAuth: inputs.get('manage-auth') || undefined }
}

/** The token as the backend is told about it. */
function refOf({ canarytoken, manageAuth }: TokenIdParams): { id: string; manageAuth?: string } {
  return manageAuth ? { id: canarytoken, manageAuth } : { id: canarytoken }
}

const fetchOperation = defineOperation<TokenIdParams>({
  name: 'fetch-canarytoken',
  description: 'Reads one Canarytoken: its memo, hostname, URL, kind and state.',
  backends: EVERY_BACKEND,
  requires: ['canarytoken'],
  accepts: [],
  outputs: TOKEN_OUTPUTS,
  parse: parseCanarytoken,
  async run(params, context) {
    const token = await context.backend.fetch(refOf(params))
    context.log.info(`Found the ${token.kind} Canarytoken ${token.id}: memo '${token.memo}', enabled: ${token.enabled ?? 'unknown'}.`)
    return { outputs: tokenOutputs(token), summary: tokenSummary('Canarytoken', token) }
  }
})

const updateOperation = defineOperation<TokenIdParams & { memo: string }>({
  name: 'update-canarytoken',
  description: "Replaces a Canarytoken's memo.",
  backends: CONSOLE_ONLY,
  backendNote: "a Canarytokens server cannot change a token's memo (its /edit route edits AWS infrastructure tokens only)",
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
    backends: EVERY_BACKEND,
    requires: ['canarytoken'],
    accepts: [],
    outputs: TOKEN_OUTPUTS,
    parse: parseCanarytoken,
    async run(params, context) {
      const { canarytoken } = params
      await context.backend.setAlerting(refOf(params), enabled)
      const token = await context.backend.fetch(refOf(params))
      context.log.info(`${heading}: ${canarytoken} (enabled: ${token.enabled}).`)
      return { outputs: tokenOutputs(token), summary: tokenSummary(heading, token) }
    }
  })
}

/** Said when a retried removal finds nothing left to remove. */

const deleteOperation = defineOperation<TokenIdParams & { clearIncidents: boolean }>({
  name: 'delete-canarytoken',
  description: 'Deletes a Canarytoken; `clear-incidents: true` also clears its incidents (the Console refuses otherwise; a Canarytokens server deletes the history with the token).',
  backends: EVERY_BACKEND,
  requires: ['canarytoken'],
  accepts: ['clear-incidents'],
  outputs: ['canarytoken', 'response'],
  parse: (inputs) => {
    const clearIncidents = booleanInput(inputs, 'clear-incidents')
    if (clearIncidents && chosenBackend(inputs) === 'canarytokens-server') {
      throw new InputError("Input 'clear-incidents' is the Console's: a Canarytokens server deletes a token's history with the token. Remove it.")
    }
    return { ...parseCanarytoken(inputs), clearIncidents }
  },
  async run(params, context) {
    const { canarytoken, clearIncidents } = params
    const { alreadyDone } = await context.backend.delete(refOf(params), { clearIncidents }).catch((error: unknown) => {
      throw clearIncidents || context.backend.name !== 'console' ? error : withClearIncidentsHint(error)
    })
    context.log.info(`Deleted ${canarytoken}${alreadyDoneSuffix(alreadyDone)}.`)
    return {
      // What the server answered a delete with (the Console: result success; a Canarytokens server: message success).
      outputs: { canarytoken, response: alreadyDone ? undefined : JSON.stringify(context.backend.name === 'console' ? { result: 'success' } : { message: 'success' }) },
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
  backends: EVERY_BACKEND,
  requires: ['canarytoken'],
  accepts: FILE_INPUTS,
  outputs: [...TOKEN_OUTPUTS, ...FILE_OUTPUTS],
  parse: async (inputs, env) => ({ ...parseCanarytoken(inputs), file: await parseFileOptions(inputs, env) }),
  async run({ file, ...params }, context) {
    // Fetching first tells us the kind, so a credential file is masked as one.
    const token = await context.backend.fetch(refOf(params))
    // A kind the server cannot make a file for: say so, without sending a download it will refuse.
    refuseKindWithoutFile(token.kind, 'download-canarytoken', context.backend.name)
    if (context.backend.name === 'canarytokens-server' && isKnownKind(token.kind, 'canarytokens-server') && kindRule(token.kind).server?.answerOnly) {
      throw new InputError(
        `A Canarytokens server gives the file of a ${token.kind} token only in the answer that makes it: create it with 'download: true' to get the file.`
      )
    }
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
  backendNote: 'a Canarytokens server makes no AWS S3 tokens',
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
  backendNote: 'a Canarytokens server has no Canarytoken factories',
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

