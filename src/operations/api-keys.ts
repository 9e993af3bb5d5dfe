import { basename } from 'node:path'
import { addApiKey, disableApi, downloadApiKey, enableApi, listApiKeys, removeApiKey, type ApiKey } from '../backends/console/api-keys.js'
import { ApiError } from '../http/errors.js'
import { addFlockApiKey, listFlockApiKeys, removeFlockApiKey } from '../backends/console/flock-api-keys.js'
import { InputError } from '../errors.js'
import { booleanInput, flockIdInput, type InputReader } from '../inputs.js'
import { unknownNameMessage } from '../near-miss.js'
import { registerSecret, withoutSecretFields } from '../secrets.js'
import { FILE_INPUTS, artifactRequest, parseFileOptions, saveDownload, type FileOptions } from './file-options.js'
import { alreadyDoneNotes, alreadyDoneSuffix } from './outcomes.js'
import { CONSOLE_ONLY, consoleOf, defineOperation, type OperationResult, type OutputValue, type SummarySection } from './types.js'

/** The key types the Console accepts, spelled as the reference spells them. */
export const GLOBAL_API_KEY_TYPES = ['read-only', 'analyst', 'admin'] as const
export const FLOCK_API_KEY_TYPES = ['read-only', 'canarytoken-deploy', 'breadcrumb-deploy', 'analyst', 'admin'] as const

const NEW_KEY_OUTPUTS = ['key-id', 'api-key', 'auth-token-type', 'note'] as const
const LIST_OUTPUTS = ['api-keys', 'count'] as const

/** What the Python client's configuration file is called when the Console names it nothing usable. */
const API_KEY_FILE_FALLBACK = 'canarytools.config'

/** `auth-token-type`, checked against the types this kind of key may have; undefined when not given. */
function keyTypeInput(inputs: InputReader, allowed: readonly string[], keyKind: string): string | undefined {
  const given = inputs.get('auth-token-type')
  if (given === '') return undefined
  // Case does not matter: the Console itself answers 'Admin' for a key made as 'admin'.
  const value = allowed.find((type) => type.toLowerCase() === given.toLowerCase())
  if (value === undefined) {
    const flockOnly = FLOCK_API_KEY_TYPES.find((type) => type === given.toLowerCase() && !allowed.includes(type))
    if (flockOnly) {
      throw new InputError(
        `Input 'auth-token-type': '${flockOnly}' is a Flock API key type; a ${keyKind} is ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}. For a key limited to one flock, use operation 'add-flock-api-key' with 'flock-id'.`
      )
    }
    throw new InputError(unknownNameMessage('auth-token-type', given, `a ${keyKind} type`, allowed))
  }
  return value
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value)
}

/** Never the token: a summary is read by everyone with access to the run. */
function keysSummary(heading: string, keys: readonly ApiKey[], notes?: string[]): SummarySection {
  return {
    heading,
    columns: ['Key id', 'Type', 'Note', 'Created', 'Created by'],
    rows: keys.map((key) => [text(key.key_id), text(key.auth_token_type), text(key.note), text(key.created), text(key.created_by)]),
    notes
  }
}

/**
 * Checks that the Console really handed over a key, and masks it. The
 * transport masked every `auth_token` already; registering it here too
 * keeps this guarantee next to the output that carries the key.
 */
function newKey(key: ApiKey | undefined, field: string): ApiKey & { auth_token: string } {
  if (!key || typeof key.auth_token !== 'string' || key.auth_token === '' || typeof key.key_id !== 'string') {
    throw new Error(`the Console answered "success" without a ${field} holding a key_id and an auth_token; list the keys to see whether one was added`)
  }
  registerSecret(key.auth_token)
  return key as ApiKey & { auth_token: string }
}

function newKeyResult(key: ApiKey & { auth_token: string }, heading: string): OperationResult {
  return {
    outputs: { 'key-id': key.key_id, 'api-key': key.auth_token, 'auth-token-type': key.auth_token_type, note: key.note },
    summary: keysSummary(heading, [key], [
      'The new key is in the step output api-key (masked in logs): store it as a secret, e.g. with gh secret set.'
    ])
  }
}

/** Listed keys for the `api-keys` output: without their tokens unless the user asked for them. */
export function listedKeys(keys: readonly ApiKey[], includeSecrets: boolean): unknown[] {
  if (includeSecrets) return [...keys]
  return keys.map((key) => withoutSecretFields(Object.fromEntries(Object.entries(key).filter(([field]) => field !== 'auth_token'))))
}

function keyList(keys: unknown, field: string): ApiKey[] {
  if (!Array.isArray(keys)) throw new Error(`the Console answered "success" without the ${field} list`)
  return keys as ApiKey[]
}

function listResult(keys: ApiKey[], includeSecrets: boolean, heading: string): OperationResult {
  const outputs: Record<string, OutputValue> = { 'api-keys': JSON.stringify(listedKeys(keys, includeSecrets)), count: keys.length }
  return { outputs, summary: { ...keysSummary(heading, keys), empty: 'No API keys.' } }
}

const addApiKeyOperation = defineOperation<{ authTokenType: string; note: string }>({
  name: 'add-api-key',
  description:
    'Creates a Global API key (`auth-token-type`: read-only, analyst or admin) and gives it as the output `api-key`, masked, for the next step to store.',
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: ['auth-token-type', 'note'],
  accepts: [],
  outputs: NEW_KEY_OUTPUTS,
  parse(inputs) {
    const authTokenType = keyTypeInput(inputs, GLOBAL_API_KEY_TYPES, 'Global API key')
    // `requires` has caught this already when main runs; kept so parse alone never sends an empty type.
    if (!authTokenType) throw new InputError("Operation 'add-api-key' needs input 'auth-token-type'.")
    return { authTokenType, note: inputs.get('note') }
  },
  async run({ authTokenType, note }, context) {
    const answer = await addApiKey(consoleOf(context).transport, authTokenType, note)
    const key = newKey(answer.global_api_key, 'global_api_key')
    context.log.info(`Added Global API key ${key.key_id} (${text(key.auth_token_type) || authTokenType}).`)
    return newKeyResult(key, 'Added Global API key')
  }
})

const listApiKeysOperation = defineOperation<{ includeSecrets: boolean }>({
  name: 'list-api-keys',
  description: 'Lists the Global API keys as JSON, without their tokens unless `include-secrets: true`.',
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: [],
  accepts: ['include-secrets'],
  outputs: LIST_OUTPUTS,
  parse: (inputs) => ({ includeSecrets: booleanInput(inputs, 'include-secrets') }),
  async run({ includeSecrets }, context) {
    const keys = keyList((await listApiKeys(consoleOf(context).transport)).global_api_keys, 'global_api_keys')
    context.log.info(`Listed ${keys.length} Global API key${keys.length === 1 ? '' : 's'}.`)
    return listResult(keys, includeSecrets, 'Global API keys')
  }
})

const removeApiKeyOperation = defineOperation<{ keyId: string }>({
  name: 'remove-api-key',
  description: 'Deletes a Global API key by its `key-id`: anything still using it gets 401 from then on.',
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: ['key-id'],
  accepts: [],
  outputs: ['key-id', 'response'],
  parse: (inputs) => ({ keyId: inputs.get('key-id') }),
  async run({ keyId }, context) {
    const { alreadyDone, ...answer } = await removeApiKey(consoleOf(context).transport, keyId)
    context.log.info(`Removed Global API key ${keyId}${alreadyDoneSuffix(alreadyDone)}.`)
    return {
      outputs: { 'key-id': keyId, response: alreadyDone ? undefined : JSON.stringify(withoutSecretFields(answer)) },
      summary: { heading: 'Removed Global API key', columns: ['Key id'], rows: [[keyId]], notes: alreadyDoneNotes(alreadyDone) }
    }
  }
})

const downloadApiKeyOperation = defineOperation<{ keyId: string; file: FileOptions }>({
  name: 'download-api-key',
  description:
    "Writes a Global API key's configuration file for Thinkst's Python client into `path` (owner-only, masked); uploads it with `artifact-name`.",
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: ['key-id'],
  accepts: FILE_INPUTS,
  outputs: ['key-id', 'file-path', 'artifact-id', 'artifact-name'],
  parse: async (inputs, env) => ({ keyId: inputs.get('key-id'), file: await parseFileOptions(inputs, env) }),
  async run({ keyId, file }, context) {
    // The file holds the key: masked line by line and written owner-only.
    const saved = await saveDownload(await downloadApiKey(consoleOf(context).transport, keyId), file, API_KEY_FILE_FALLBACK, true)
    if (saved.serverFilename && basename(saved.path) !== saved.serverFilename) {
      context.log.info(`The Console named the file '${saved.serverFilename}'; saved as '${basename(saved.path)}'.`)
    }
    context.log.info(`Wrote the configuration file of key ${keyId} (${saved.bytes} bytes) to ${saved.path}`)
    return {
      outputs: { 'key-id': keyId, 'file-path': saved.path },
      summary: {
        heading: 'Downloaded Global API key configuration',
        columns: ['Key id', 'File'],
        rows: [[keyId, saved.path]],
        notes: ['The file holds the key: it is readable by its owner only. Do not commit it or upload it anywhere public.']
      },
      artifact: artifactRequest(file, [saved.path])
    }
  }
})

/** The real Console takes enable only while the API is on; once off, only its Global Settings page turns it on. */
const API_OFF_HINT = "If the Console's API is turned off, only its Global Settings page can turn it back on."

const enableApiOperation = defineOperation<Record<string, never>>({
  name: 'enable-api',
  description: "Turns on the Console's API.",
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: [],
  accepts: [],
  outputs: ['response'],
  parse: () => ({}),
  async run(_params, context) {
    let answer
    try {
      answer = await enableApi(consoleOf(context).transport)
    } catch (error) {
      if (error instanceof ApiError && error.failure === 'unauthorized') {
        throw new ApiError(`${error.message} ${API_OFF_HINT}`, error.failure, error.status, error.serverMessage, error.attempts)
      }
      throw error
    }
    context.log.info("Turned on the Console's API.")
    return {
      outputs: { response: JSON.stringify(withoutSecretFields(answer)) },
      summary: { heading: 'Console API', columns: ['API'], rows: [['enabled']] }
    }
  }
})

const disableApiOperation = defineOperation<Record<string, never>>({
  name: 'disable-api',
  description:
    "Turns off the Console's API: every key, this one included, stops working. Runs only with `confirm: disable-api`.",
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: [],
  accepts: ['confirm'],
  outputs: ['response'],
  parse(inputs) {
    const confirm = inputs.get('confirm')
    if (confirm !== 'disable-api') {
      throw new InputError(
        `Operation 'disable-api' turns off the API for the whole Console: every API key stops working, and turning it back on may need the Console's Global Settings page. Set input 'confirm: disable-api' to run it${confirm ? `; 'confirm' is '${confirm}'` : ''}.`
      )
    }
    return {}
  },
  async run(_params, context) {
    const answer = await disableApi(consoleOf(context).transport)
    context.log.warning("Turned off the Console's API: every API key now gets refused until it is turned on again.")
    return {
      outputs: { response: JSON.stringify(withoutSecretFields(answer)) },
      summary: { heading: 'Console API', columns: ['API'], rows: [['disabled']], notes: [API_OFF_HINT] }
    }
  }
})

const addFlockApiKeyOperation = defineOperation<{ flockId: string; note: string; authTokenType?: string }>({
  name: 'add-flock-api-key',
  description:
    'Creates a Flock API key for `flock-id` (optional `auth-token-type`: read-only, canarytoken-deploy, breadcrumb-deploy, analyst, admin) and gives it as the output `api-key`, masked.',
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: ['flock-id', 'note'],
  accepts: ['auth-token-type'],
  outputs: NEW_KEY_OUTPUTS,
  parse: (inputs) => ({
    flockId: flockIdInput(inputs) as string,
    note: inputs.get('note'),
    authTokenType: keyTypeInput(inputs, FLOCK_API_KEY_TYPES, 'Flock API key')
  }),
  async run({ flockId, note, authTokenType }, context) {
    const answer = await addFlockApiKey(consoleOf(context).transport, flockId, note, authTokenType)
    const key = newKey(answer.flock_api_key, 'flock_api_key')
    context.log.info(`Added Flock API key ${key.key_id} (${text(key.auth_token_type) || 'default type'}) for ${flockId}.`)
    return newKeyResult(key, `Added Flock API key for ${flockId}`)
  }
})

const listFlockApiKeysOperation = defineOperation<{ flockId: string; includeSecrets: boolean }>({
  name: 'list-flock-api-keys',
  description: "Lists a flock's API keys as JSON, without their tokens unless `include-secrets: true`.",
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: ['flock-id'],
  accepts: ['include-secrets'],
  outputs: LIST_OUTPUTS,
  parse: (inputs) => ({ flockId: flockIdInput(inputs) as string, includeSecrets: booleanInput(inputs, 'include-secrets') }),
  async run({ flockId, includeSecrets }, context) {
    const keys = keyList((await listFlockApiKeys(consoleOf(context).transport, flockId)).flock_api_keys, 'flock_api_keys')
    context.log.info(`Listed ${keys.length} Flock API key${keys.length === 1 ? '' : 's'} of ${flockId}.`)
    return listResult(keys, includeSecrets, `Flock API keys of ${flockId}`)
  }
})

const removeFlockApiKeyOperation = defineOperation<{ removeAuthToken: string }>({
  name: 'remove-flock-api-key',
  description: 'Deletes a Flock API key, named by the key itself (`remove-auth-token`, from a secret; masked).',
  backends: CONSOLE_ONLY,
  backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
  requires: ['remove-auth-token'],
  accepts: [],
  outputs: ['response'],
  parse: (inputs) => ({ removeAuthToken: inputs.get('remove-auth-token') }),
  async run({ removeAuthToken }, context) {
    const { alreadyDone, ...answer } = await removeFlockApiKey(consoleOf(context).transport, removeAuthToken)
    context.log.info(`Removed the Flock API key${alreadyDoneSuffix(alreadyDone)}.`)
    return {
      outputs: { response: alreadyDone ? undefined : JSON.stringify(withoutSecretFields(answer)) },
      summary: {
        heading: 'Removed Flock API key',
        columns: ['Key', 'Result'],
        rows: [['the key given in remove-auth-token', 'removed']],
        notes: alreadyDoneNotes(alreadyDone)
      }
    }
  }
})

export const API_KEY_OPERATIONS = [
  addApiKeyOperation,
  listApiKeysOperation,
  removeApiKeyOperation,
  downloadApiKeyOperation,
  enableApiOperation,
  disableApiOperation,
  addFlockApiKeyOperation,
  listFlockApiKeysOperation,
  removeFlockApiKeyOperation
]
