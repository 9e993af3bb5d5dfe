import type { CanarytokenBackend, IncidentRecord, TokenRecord } from '../backends/types.js'
import { truncateCodePoints, visibleControls } from '../publish/markdown.js'
import { ApiError, isNotFound, reasonWithAttempts, reasonWithWhere } from '../http/errors.js'
import { errorMessage, InputError } from '../errors.js'
import { checkSecretInput, redact, registerSecret } from '../secrets.js'
import { booleanInput, checkMemoLength, chosenBackend, flockIdInput, requireAlertTarget, type ConsoleKeyInput, type InputReader } from '../inputs.js'
import { checkServerMemoLength, refuseReuseOnServer } from './canarytokens.js'
import {
  appendProfile,
  checkWritable,
  profileSections,
  readSharedFile,
  removeCreatedFolders,
  removeProfile,
  sharedFilePaths,
  type PlantedFile,
  type SharedFilePaths,
  type SharedFileRole
} from '../publish/aws-shared-files.js'
import { isoTime } from '../text.js'
import { renderMemo, runContext } from './memo-template.js'
import { RUNNER_CANARY_STATE, type RunnerCanaryState } from './runner-canary-state.js'
import { createOrReuse } from './reuse.js'
import { EVERY_BACKEND, defineOperation, type Log, type OperationResult, type SummarySection } from './types.js'

/** The memo when the step sets none: the run, to the attempt, so an alert names exactly where the keys were taken. */
export const DEFAULT_RUNNER_CANARY_MEMO = '{repository} {workflow}/{job} run {run_id} attempt {run_attempt} ({short_sha}): runner canary'

/** The region the profile gets when `aws-region` is empty. */
export const DEFAULT_RUNNER_CANARY_REGION = 'us-east-1'

export type OnConsoleError = 'warn' | 'fail'

interface PlantParams {
  memo: string
  flockId?: string
  reuse: boolean
  profile: string
  region: string
  exportEnv: boolean
  onConsoleError: OnConsoleError
  check: boolean
  /** Read the token back once planted, with the one key given, to learn whether the post step will be able to (see cannotReadBack). */
  probe: boolean
  remove: boolean
  paths: SharedFilePaths
}

/**
 * Profile names the action writes: what the AWS CLI accepts in practice,
 * without anything that would change how an INI line reads (brackets,
 * `=`, `#`, `;`, spaces, line breaks).
 */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/

function profileInput(inputs: InputReader): string {
  const raw = inputs.get('aws-profile') || 'default'
  if (PROFILE_NAME.test(raw)) return raw
  const bare = raw.replace(/^\[\s*(?:profile\s+)?|\s*\]$/g, '').replace(/^profile\s+/, '')
  const hint = bare !== raw && PROFILE_NAME.test(bare) ? ` Did you mean '${bare}'? The action writes the [ ] and the config file's "profile " itself.` : ''
  throw new InputError(
    `Input 'aws-profile' must be a profile name of letters, digits and . _ @ + - (at most 64, e.g. 'default' or 'ci-canary'); '${raw}' is not.${hint}`
  )
}

/** us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-4 ... */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/

function regionInput(inputs: InputReader): string {
  const raw = inputs.get('aws-region')
  if (raw === '') return DEFAULT_RUNNER_CANARY_REGION
  if (REGION.test(raw)) return raw
  let hint = ''
  if (REGION.test(raw.toLowerCase())) hint = ` Did you mean '${raw.toLowerCase()}'?`
  else if (REGION.test(raw.replace(/[a-z]$/, ''))) hint = ` '${raw}' is an availability zone; its region is '${raw.replace(/[a-z]$/, '')}'.`
  else if (/^[a-z]{2}-[a-z]+\d{1,2}$/.test(raw)) hint = ` Did you mean '${raw.replace(/(\d+)$/, '-$1')}'?`
  throw new InputError(`Input 'aws-region' must be an AWS region such as us-east-1 or eu-west-2; '${raw}' is not.${hint}`)
}

function onConsoleErrorInput(inputs: InputReader): OnConsoleError {
  const raw = inputs.get('on-console-error') || 'warn'
  if (raw === 'warn' || raw === 'fail') return raw
  const near = /^warn/i.test(raw) ? 'warn' : /^(fail|error|true)/i.test(raw) ? 'fail' : undefined
  throw new InputError(`Input 'on-console-error' must be warn or fail; '${raw}' is not.${near ? ` Did you mean '${near}'?` : ''}`)
}

/** The rendered memo; with the default template, an error says that the default is what needs a value. */
function memoFor(inputs: InputReader): string {
  const template = inputs.get('memo')
  const where = template ? "Input 'memo'" : `The default memo '${DEFAULT_RUNNER_CANARY_MEMO}' (set 'memo' to choose your own)`
  const memo = checkMemoLength(renderMemo(template || DEFAULT_RUNNER_CANARY_MEMO, runContext(), where), where)
  return chosenBackend(inputs) === 'canarytokens-server' ? checkServerMemoLength(memo, where) : memo
}

/**
 * Refuses, before any request, a profile that either file already holds: a
 * real credential is never overwritten or shadowed.
 */
async function checkProfileIsFree(paths: SharedFilePaths, profile: string): Promise<void> {
  if (paths.credentials === paths.config) {
    throw new InputError(`AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE both name ${paths.credentials}; point them at two files.`)
  }
  for (const role of ['credentials', 'config'] as SharedFileRole[]) {
    const path = paths[role]
    let text: string | undefined
    try {
      text = await readSharedFile(path)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? errorMessage(error)
      throw new InputError(`The AWS ${role} file ${path} cannot be read (${reason}); plant-runner-canaries needs to read it to be sure it overwrites nothing.`)
    }
    try {
      await checkWritable(path)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? errorMessage(error)
      const variable = role === 'credentials' ? 'AWS_SHARED_CREDENTIALS_FILE' : 'AWS_CONFIG_FILE'
      throw new InputError(`The AWS ${role} file ${path} cannot be written (${reason}); point ${variable} at a file the job can write.`)
    }
    const found = text === undefined ? undefined : profileSections(text, role, profile)[0]
    if (found) {
      throw new InputError(
        `AWS profile '${profile}' already exists in ${path} (as [${found.name}]): plant-runner-canaries never overwrites or shadows a credential. ` +
          `Set 'aws-profile' to a profile neither file has (e.g. 'ci-canary').`
      )
    }
  }
}

interface Minted {
  token: TokenRecord
  reused: boolean
  keys: { accessKeyId: string; secretAccessKey: string }
}

/**
 * An aws-id token for this memo: with `reuse`, the oldest enabled one that
 * has it (a disabled one was retired, e.g. by the 30-day cleanup, and would
 * alert no one); else a new one. Its keys are masked before this returns.
 */
async function mintRunnerCanary(backend: CanarytokenBackend, params: PlantParams): Promise<Minted> {
  // The same reuse as create's, overlapping runs included, but never a disabled token: it would alert no one.
  const request = { kind: 'aws-id', memo: params.memo, flockId: params.flockId, params: {}, files: {} }
  const { token, reused } = await createOrReuse(backend, request, params.reuse, { enabledOnly: true })
  const keys = token.awsKeys
  // A Canarytokens server's key to the token, and the page that holds it: masked before anything could print them.
  registerSecret(token.manageAuth)
  registerSecret(token.manageUrl)
  if (keys) {
    registerSecret(keys.accessKeyId)
    registerSecret(keys.secretAccessKey)
  }
  if (!token.id || !keys) {
    throw new ApiError(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds no AWS keys`, 'result')
  }
  if (!AWS_KEY.test(keys.accessKeyId) || !AWS_KEY.test(keys.secretAccessKey)) {
    throw new ApiError(
      `the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds AWS keys that are not one line of visible characters, as AWS issues them; nothing was written to the AWS files`,
      'result'
    )
  }
  return { token, reused, keys }
}

/**
 * An AWS key as AWS issues them: one word of visible ASCII. Anything else
 * (a line break above all) would write lines of the server's choosing into
 * the runner's ~/.aws/credentials, such as a profile with a `credential_process`
 * that later steps' AWS tools would run.
 */
const AWS_KEY = /^[\x21-\x7e]+$/


const PLANTED_OUTPUTS = ['canarytoken', 'memo', 'aws-profile', 'credentials-file', 'access-key-id', 'reused', 'manage-auth', 'manage-url'] as const

/** Credentials already in the job's environment: exported canary keys would replace them for every later step. */
const ENVIRONMENT_CREDENTIALS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const

/**
 * `export-env: true` never shadows credentials an earlier step put in the
 * environment (e.g. aws-actions/configure-aws-credentials): later steps would
 * get the canary's keys beside the real session token, break, or fire the
 * canary with a real deploy. Refused before any request, naming the
 * variables, never their values.
 */
export function refuseToShadowEnvironmentCredentials(environment: NodeJS.ProcessEnv): void {
  const present = ENVIRONMENT_CREDENTIALS.filter((name) => environment[name])
  if (present.length === 0) return
  throw new InputError(
    `Input 'export-env' is true, but the job's environment already holds AWS credentials (${present.join(', ')}); ` +
      'exporting the canary would replace them for every later step. Drop export-env (the profile in the credentials file is planted either way), ' +
      'or plant the runner canary before the step that sets real credentials.'
  )
}

/**
 * `check-auth-token`, the post step's key, refused before any request where it cannot be used: on a Canarytokens
 * server (the post step reads the token with its manage auth) and with `check-on-exit: false` (no check).
 */
function checkCheckKey(inputs: InputReader, onServer: boolean): void {
  if (!inputs.get('check-auth-token')) return
  if (onServer) {
    throw new InputError(
      "Input 'check-auth-token' is a Console API key; on a Canarytokens server the post step reads the token with its own manage auth. Remove 'check-auth-token'."
    )
  }
  if (!booleanInput(inputs, 'check-on-exit', true)) {
    throw new InputError("Input 'check-auth-token' is the key of the post step's check, which 'check-on-exit: false' turns off. Remove one of them.")
  }
  checkSecretInput('check-auth-token', inputs.get('check-auth-token'))
}

/**
 * The input holding the Console key the post step checks with: `check-auth-token` when it is set (a Flock
 * canarytoken-deploy key in `auth-token` can only create and download, so it cannot read the token back).
 */
export function checkKeyInput(inputs: InputReader): ConsoleKeyInput {
  return inputs.get('check-auth-token') ? 'check-auth-token' : 'auth-token'
}

/**
 * Why the post step could not read `token` back with the step's own key, or undefined when it can (or when the
 * reason is an outage, which the post step meets, or not, on its own). Run once the canary is planted, when no
 * `check-auth-token` was given: a Flock canarytoken-deploy key "can only create and download", and how a Console
 * refuses such a key's read is not documented. A refusal reads as one; should it answer "not found", the post
 * step would report a canary deleted during every job that uses the key. Either way, the post step is told not
 * to check, and the step warns now, naming the input that fixes it.
 */
async function cannotReadBack(backend: CanarytokenBackend, token: TokenRecord): Promise<string | undefined> {
  try {
    await backend.fetch({ id: token.id })
    return undefined
  } catch (error) {
    if (isNotFound(error) || (error instanceof ApiError && error.failure === 'unauthorized')) return reasonWithWhere(error)
    return undefined
  }
}

/**
 * What to change when the Console refused the check's key (as the dialect reads a refusal: 401, 403, or its
 * message in an answer of 200): the usual cause is a canarytoken-deploy key, which only creates and downloads.
 * Nothing for other failures, or on a Canarytokens server.
 */
function refusedKeyAdvice(error: unknown, backend: CanarytokenBackend, keyInput: ConsoleKeyInput): string {
  if (backend.name !== 'console' || !(error instanceof ApiError) || error.failure !== 'unauthorized') return ''
  return keyInput === 'check-auth-token'
    ? " The check needs a key that can read this token and its incidents, such as a Flock read-only key for the token's flock."
    : " If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock."
}

export const plantRunnerCanariesOperation = defineOperation<PlantParams>({
  name: 'plant-runner-canaries',
  tripwire: true,
  description:
    "Plants a Canarytoken AWS key on the runner itself: mints an `aws-id` token whose memo names the run, writes it as profile `aws-profile` to the AWS credentials and config files (never over an existing profile), and checks it when the job ends (the post step fails the job if it was used, then removes the profile). A Console outage warns and plants nothing unless `on-console-error: fail`.",
  backends: EVERY_BACKEND,
  requires: [],
  accepts: ['memo', 'flock-id', 'reuse', 'aws-profile', 'aws-region', 'export-env', 'on-console-error', 'check-on-exit', 'check-auth-token', 'keep-credentials', 'alert-email', 'alert-webhook'],
  outputs: PLANTED_OUTPUTS,
  async parse(inputs) {
    const onServer = chosenBackend(inputs) === 'canarytokens-server'
    if (onServer && inputs.get('flock-id')) throw new InputError("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.")
    refuseReuseOnServer(inputs, booleanInput(inputs, 'reuse'))
    requireAlertTarget(inputs, 'plant-runner-canaries')
    checkCheckKey(inputs, onServer)
    const params: PlantParams = {
      memo: memoFor(inputs),
      flockId: onServer ? undefined : flockIdInput(inputs),
      reuse: booleanInput(inputs, 'reuse'),
      profile: profileInput(inputs),
      region: regionInput(inputs),
      exportEnv: booleanInput(inputs, 'export-env'),
      onConsoleError: onConsoleErrorInput(inputs),
      check: booleanInput(inputs, 'check-on-exit', true),
      probe: !onServer && booleanInput(inputs, 'check-on-exit', true) && !inputs.get('check-auth-token'),
      remove: !booleanInput(inputs, 'keep-credentials'),
      paths: sharedFilePaths()
    }
    if (params.exportEnv) refuseToShadowEnvironmentCredentials(process.env)
    await checkProfileIsFree(params.paths, params.profile)
    return params
  },
  async run(params, context) {
    const plantedAt = Date.now()
    let minted: Minted
    try {
      minted = await mintRunnerCanary(context.backend, params)
    } catch (error) {
      if (params.onConsoleError === 'fail') throw error
      const reason = reasonWithWhere(error)
      context.log.warning(
        `plant-runner-canaries planted no runner canary: ${reason}. The job goes on without one (on-console-error: warn; set it to fail to stop the job instead).`
      )
      return {
        outputs: {},
        summary: {
          heading: 'Runner canary not planted',
          columns: ['Memo', 'Why'],
          rows: [[params.memo, reason]],
          notes: [`${serverOf(context.backend)} could not be reached or refused, so this job runs without a runner canary (on-console-error: warn).`]
        }
      }
    }
    const { token, reused, keys } = minted
    const files: PlantedFile[] = []
    let failure: string | undefined
    try {
      files.push(
        await appendProfile(params.paths.credentials, 'credentials', params.profile, [
          `aws_access_key_id = ${keys.accessKeyId}`,
          `aws_secret_access_key = ${keys.secretAccessKey}`
        ])
      )
      files.push(await appendProfile(params.paths.config, 'config', params.profile, [`region = ${params.region}`]))
    } catch (error) {
      failure =
        `writing AWS profile '${params.profile}' failed: ${reasonWithAttempts(error)}. The Canarytoken ${token.id} was ${reused ? 'reused' : 'created'} and stays on ${serverOf(context.backend, false)}` +
        (files.length > 0 ? '; the post step removes what was written.' : '.')
    }
    const unreadable = !failure && params.probe ? await cannotReadBack(context.backend, token) : undefined
    if (unreadable) {
      context.log.warning(
        `Runner canary ${token.id} is planted, but 'auth-token' cannot read it back (${unreadable}), so the post step will not check it. ` +
          `If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock. Its alerts still come from the Console.`
      )
    }
    const check = params.check && !unreadable

    const outputs: OperationResult['outputs'] = {
      canarytoken: token.id,
      memo: token.memo || params.memo,
      'aws-profile': params.profile,
      'credentials-file': params.paths.credentials,
      'access-key-id': keys.accessKeyId,
      reused,
      'manage-auth': token.manageAuth,
      'manage-url': token.manageUrl
    }
    const state: RunnerCanaryState = {
      version: 1,
      canarytoken: token.id,
      memo: token.memo || params.memo,
      profile: params.profile,
      check,
      remove: params.remove,
      onConsoleError: params.onConsoleError,
      // What the token had already seen: only a rise during this job is this job's alarm (it matters with `reuse`).
      triggeredBefore: token.triggeredCount ?? 0,
      plantedAt: plantedAt,
      files,
      // The post step's key to the token's history on a Canarytokens server (see runner-canary-state.ts).
      ...(token.manageAuth ? { manageAuth: token.manageAuth } : {})
    }
    const result: OperationResult = {
      outputs,
      summary: {
        heading: 'Runner canary planted',
        columns: ['Canarytoken', 'Memo', 'AWS profile', 'Credentials file', 'Config file', 'Region'],
        rows: [[token.id, state.memo, params.profile, params.paths.credentials, params.paths.config, params.region]],
        notes: [
          ...(reused ? ['An enabled aws-id Canarytoken with this memo was reused (reuse: true); no new token was made.'] : []),
          check
            ? 'When the job ends, the post step fails the job if these credentials were used during it.'
            : unreadable
              ? `The post step does not check the token: 'auth-token' cannot read it back (set 'check-auth-token' to a key that can); its alerts come from ${serverOf(context.backend, false)}.`
              : `The post step does not check the token (check-on-exit: false); its alerts come from ${serverOf(context.backend, false)}.`,
          params.remove ? 'The post step then removes the profile again.' : 'The profile stays on the runner (keep-credentials: true).'
        ]
      },
      failure
    }
    if (files.length > 0 && (check || params.remove)) result.state = { [RUNNER_CANARY_STATE]: JSON.stringify(state) }
    if (failure) return result
    if (params.exportEnv) {
      result.environment = { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_DEFAULT_REGION: params.region }
    }
    context.log.info(
      `${reused ? 'Reused' : 'Minted'} runner canary ${token.id} and planted it as AWS profile '${params.profile}' in ${params.paths.credentials} ` +
        `(region ${params.region} in ${params.paths.config})${params.exportEnv ? '; later steps also get it as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' : ''}.`
    )
    return result
  }
})

export const RUNNER_CANARY_OPERATIONS = [plantRunnerCanariesOperation]

// ------------------------------------------------------------------ the post step

export interface PostResult {
  /** The job fails with this (one ::error::). */
  failure?: string
  summary?: SummarySection
}

/** How far the Console's clock may be behind ours when telling this job's incidents from older ones. */
const CLOCK_SKEW_MS = 60_000
/** Incidents the error names; the summary shows up to MAX_SUMMARY_INCIDENTS. */
const MAX_ERROR_INCIDENTS = 3
const MAX_SUMMARY_INCIDENTS = 20

/** One incident in words: time, source address, AWS call, user agent (attacker's text: control characters shown as escapes, bounded). */
function incidentWords(incident: IncidentRecord): string {
  const bounded = (text: string) => truncateCodePoints(visibleControls(redact(text)), 200)
  return (
    `${isoTime(incident.created) || 'at an unknown time'} from ${bounded(incident.srcHost) || 'an unknown address'}` +
    `${incident.event ? `: ${bounded(incident.event)}` : ''}${incident.userAgent ? ` (user agent ${bounded(incident.userAgent)})` : ''}`
  )
}

/**
 * The Console's incidents of the token since it was planted (all of them for
 * a state without the time), newest first, at most MAX_SUMMARY_INCIDENTS.
 * Read only when the canary fired, so the post step stays one request when
 * nothing did.
 */
async function incidentsSince(backend: CanarytokenBackend, state: RunnerCanaryState): Promise<IncidentRecord[]> {
  const since = state.plantedAt === undefined ? undefined : state.plantedAt - CLOCK_SKEW_MS
  const found: IncidentRecord[] = []
  for await (const incident of backend.incidents(tokenRef(state))) {
    if (since === undefined || incident.created.getTime() >= since) found.push(incident)
  }
  return found.sort((a, b) => b.created.getTime() - a.created.getTime()).slice(0, MAX_SUMMARY_INCIDENTS)
}

/** The token as the backend is told about it: a Canarytokens server needs its manage auth with every call. */
function tokenRef(state: RunnerCanaryState): { id: string; manageAuth?: string } {
  return state.manageAuth ? { id: state.canarytoken, manageAuth: state.manageAuth } : { id: state.canarytoken }
}

/** The server in a sentence: 'the Console', or 'the Canarytokens server at https://...'. */
function serverOf(backend: CanarytokenBackend, capital = true): string {
  const name = backend.name === 'console' ? 'the Console' : backend.description
  return capital ? name.charAt(0).toUpperCase() + name.slice(1) : name
}

/** Who can turn a token off: a Console key holder, or whoever holds a Canarytokens server token's manage auth. */
function keyOf(backend: CanarytokenBackend): string {
  return backend.name === 'console' ? 'a Console key' : "the token's manage auth"
}

/** What the post step found: the token was used, or can no longer tell (disabled or deleted during the job). */
export interface Finding {
  what: 'triggered' | 'disabled' | 'deleted'
  /** The summary's State column. */
  status: string
  /** The ::error:: line's finding, without the memo. */
  error: string
  /** What to do, said after what the incidents show. */
  advice?: string
  heading: string
  notes: string[]
}

const AFTERWARDS =
  'Rotate every secret the job could reach, check the Console (incidents and audit log) for who did this, and review what this run installed and ran.'

/**
 * What the token says about this job: undefined when it was not used and
 * still watches. A rise in `triggered_count` means the credentials were used;
 * a token disabled or deleted during the job means something turned the
 * tripwire off, so whether they were used can no longer be told: both fail the
 * job, each in its own words. An answer without a readable `triggered_count`
 * proves nothing either way: it is an error (a warning unless
 * `on-console-error: fail`), never "not triggered".
 */
export async function checkRunnerCanary(backend: CanarytokenBackend, state: RunnerCanaryState): Promise<Finding | undefined> {
  const planted = `the AWS credentials planted in this job (profile '${state.profile}')`
  let token: TokenRecord
  try {
    token = await backend.fetch(tokenRef(state))
    registerSecret(token.awsKeys?.accessKeyId)
    registerSecret(token.awsKeys?.secretAccessKey)
  } catch (error) {
    if (isNotFound(error)) {
      return {
        what: 'deleted',
        status: 'deleted during the job',
        error:
          `Runner canary ${state.canarytoken} was deleted from ${serverOf(backend, false)} during this job, so nothing can tell whether anyone used ${planted}. ` +
          `Someone with ${keyOf(backend)} removed the tripwire while the job ran: treat this run as suspect until you know who and why.`,
        heading: 'Runner canary deleted during the job: it can no longer vouch for this run',
        notes: [
          'The Canarytoken was deleted while the job ran: use of the planted credentials after that raises no alert, so this run cannot be shown clean.',
          'A planned cleanup should never reach a runner canary of a running job; if nobody meant it, a stolen key may have been used to hide the tripwire.',
          AFTERWARDS
        ]
      }
    }
    throw error
  }
  const count = token.triggeredCount
  if (count === undefined) {
    throw new Error(`the answer of ${backend.description} for it carries no readable triggered_count, so whether anyone used ${planted} cannot be told`)
  }
  if (count > state.triggeredBefore) {
    const times = count - state.triggeredBefore
    return {
      what: 'triggered',
      status: `triggered ${times} time${times === 1 ? '' : 's'}`,
      error: `Runner canary ${state.canarytoken} was triggered ${times} time${times === 1 ? '' : 's'} during this job: ${planted} were used.`,
      advice: 'Treat this run as compromised: rotate every secret the job could reach and look for what ran in it.',
      heading: 'Runner canary triggered: treat this run as compromised',
      notes: [
        'The fake AWS credentials this job planted were used while it ran: something in the job (a dependency, an action, a script) read them and called AWS.',
        `Rotate every secret the job could reach, check the alert on ${serverOf(backend, false)} for where the call came from, and review what this run installed and ran.`,
        'The Canarytoken stays enabled, so copies of the keys still alert.'
      ]
    }
  }
  if (token.enabled === false) {
    return {
      what: 'disabled',
      status: 'disabled during the job',
      error:
        `Runner canary ${state.canarytoken} was disabled during this job; it was not triggered before that, but a disabled token raises no alert, so nothing can tell whether anyone used ${planted} since. ` +
        `Someone with ${keyOf(backend)} turned the tripwire off while the job ran: treat this run as suspect until you know who and why.`,
      heading: 'Runner canary disabled during the job: it can no longer vouch for this run',
      notes: [
        'The Canarytoken was disabled while the job ran and had not alerted: use of the planted credentials after that raises no alert, so this run cannot be shown clean.',
        'If nobody meant to disable it, a stolen key may have been used to hide the tripwire. Enable it again (enable-canarytoken) so copies of the keys alert.',
        AFTERWARDS
      ]
    }
  }
  return undefined
}

/**
 * The post step of plant-runner-canaries: (1) with `check`, fetch the token
 * and fail the job when it was triggered (or deleted or disabled: see checkRunnerCanary); (2) with
 * `remove`, take the profile out of both files, every other byte as it was.
 * The token stays enabled: keys copied during the run still alert later.
 */
export async function runnerCanaryPost(
  state: RunnerCanaryState,
  connect: () => CanarytokenBackend | Promise<CanarytokenBackend>,
  log: Log,
  keyInput: ConsoleKeyInput = 'auth-token'
): Promise<PostResult> {
  const result: PostResult = {}
  registerSecret(state.manageAuth)
  if (state.check) {
    const backend = await connect()
    try {
      if (backend.name === 'canarytokens-server' && !state.manageAuth) throw new Error('the saved state holds no manage auth for the token, which the Canarytokens server needs to show it')
      const found = await checkRunnerCanary(backend, state)
      if (found) {
        let seen: IncidentRecord[] = []
        let unread: string | undefined
        if (found.what === 'triggered') {
          try {
            seen = await incidentsSince(backend, state)
          } catch (error) {
            unread = reasonWithWhere(error)
          }
        }
        const named = seen.slice(0, MAX_ERROR_INCIDENTS).map(incidentWords)
        const saw =
          found.what !== 'triggered'
            ? ''
            : unread
              ? ` (the incidents could not be read: ${unread})`
              : seen.length > 0
                ? ` The incidents show: ${named.join('; ')}${seen.length > named.length ? `; and ${seen.length - named.length} more (see the job summary)` : ''}.`
                : ' No incident for it is recorded yet.'
        result.failure = `${found.error}${saw}${found.advice ? ` ${found.advice}` : ''} Memo: ${state.memo}`
        const row = [state.canarytoken, state.memo, state.profile, found.status]
        // A disabled or deleted token has no incidents of this job to show: its table has no incident columns.
        const withIncidents = found.what === 'triggered'
        const rows = !withIncidents
          ? [row]
          : seen.length > 0
            ? seen.map((incident) => [...row, isoTime(incident.created), incident.srcHost, incident.event ?? '', incident.userAgent ?? ''])
            : [[...row, '', '', '', '']]
        result.summary = {
          heading: found.heading,
          columns: ['Canarytoken', 'Memo', 'AWS profile', 'State', ...(withIncidents ? ['Time', 'Source address', 'AWS call', 'User agent'] : [])],
          rows,
          notes: [
            ...(seen.length > 0
              ? ["Each row is an incident recorded for the token since it was planted: where the call came from, which AWS call it was, and the caller's user agent (text the caller chose)."]
              : found.what === 'triggered' && unread
                ? [`The incidents could not be read here (${unread}): check them on the server.`]
                : []),
            ...found.notes
          ]
        }
      } else {
        log.info(`Runner canary ${state.canarytoken} was not triggered during this job.`)
      }
    } catch (error) {
      const message = `Could not check runner canary ${state.canarytoken}: ${reasonWithWhere(error)}.${refusedKeyAdvice(error, backend, keyInput)} Its alerts still come from ${serverOf(backend, false)}.`
      if (state.onConsoleError === 'fail') result.failure = message
      else log.warning(message)
    } finally {
      await backend.close()
    }
  }
  if (state.remove) {
    for (const file of state.files) {
      try {
        const removal = await removeProfile(file, state.profile)
        const what = removal.deletedFile
          ? `deleted ${file.path} (the action had created it)`
          : removal.outcome === 'restored'
            ? `${file.path} is as it was before the job`
            : removal.outcome === 'profile-removed'
              ? `${file.path} changed during the job; only the profile's section was cut`
              : `it was no longer in ${file.path}`
        log.info(`Removed AWS profile '${state.profile}' (${file.role}): ${what}.`)
      } catch (error) {
        log.warning(`Could not remove AWS profile '${state.profile}' from ${file.path}: ${reasonWithAttempts(error)}. Remove its section by hand.`)
      }
    }
    const folders = await removeCreatedFolders(state.files.flatMap((file) => file.createdFolders))
    if (folders.length > 0) log.info(`Deleted ${folders.join(', ')} (the action had created ${folders.length === 1 ? 'it' : 'them'}).`)
  }
  return result
}
