import { didYouMean } from '../near-miss.js'
import { InputError } from '../errors.js'
import { COMMON_INPUTS, type InputName, type InputReader } from '../inputs.js'
import type { BackendName } from '../backends/types.js'
import type { Operation } from './types.js'

/**
 * THE operation table: name -> inputs it needs and reads, outputs it sets,
 * and its handler. The dispatcher, validation, action.yml (checked by a
 * test) and the README (generated) all come from here. Its rows live, whole,
 * in their families' modules (canarytokens.ts, api-keys.ts, ...); a step
 * loads only the family of the operation it runs (`findOperation`), one
 * `import()` each, so the bundler makes each family a chunk of its own and a
 * step compiles only what it runs (issue 17: fetch-canarytoken has no use for
 * the listing, seeding, incident or GitHub code). `loadOperations` loads
 * every family, for the checks and scripts that need the whole table.
 */
const FAMILIES = {
  canarytokens: async () => (await import('./canarytokens.js')).CANARYTOKEN_OPERATIONS,
  'api-keys': async () => (await import('./api-keys.js')).API_KEY_OPERATIONS,
  cleanup: async () => (await import('./cleanup.js')).CLEANUP_OPERATIONS,
  seed: async () => (await import('./seed.js')).SEED_OPERATIONS,
  'runner-canaries': async () => (await import('./runner-canaries.js')).RUNNER_CANARY_OPERATIONS,
  incidents: async () => (await import('./incidents.js')).INCIDENT_OPERATIONS
} satisfies Record<string, () => Promise<readonly Operation<unknown>[]>>

export type OperationFamily = keyof typeof FAMILIES

/**
 * Every operation's name and the family module its row lives in, in the
 * table's order (the README's). A unit test loads every family and checks
 * that this names exactly the rows each exports, so it cannot drift.
 */
export const OPERATION_FAMILIES: Readonly<Record<string, OperationFamily>> = {
  'create-canarytoken': 'canarytokens',
  'fetch-canarytoken': 'canarytokens',
  'update-canarytoken': 'canarytokens',
  'enable-canarytoken': 'canarytokens',
  'disable-canarytoken': 'canarytokens',
  'delete-canarytoken': 'canarytokens',
  'download-canarytoken': 'canarytokens',
  'remove-s3-canarytoken': 'canarytokens',
  'delete-apeeper-factory': 'canarytokens',
  'add-api-key': 'api-keys',
  'list-api-keys': 'api-keys',
  'remove-api-key': 'api-keys',
  'download-api-key': 'api-keys',
  'enable-api': 'api-keys',
  'disable-api': 'api-keys',
  'add-flock-api-key': 'api-keys',
  'list-flock-api-keys': 'api-keys',
  'remove-flock-api-key': 'api-keys',
  'list-canarytokens': 'cleanup',
  'cleanup-canarytokens': 'cleanup',
  'seed-canarytokens': 'seed',
  'plant-runner-canaries': 'runner-canaries',
  'list-incidents': 'incidents',
  'acknowledge-incidents': 'incidents',
  'delete-incidents': 'incidents',
  'report-incidents': 'incidents'
}

export const OPERATION_NAMES: readonly string[] = Object.keys(OPERATION_FAMILIES)

/** The rows of one family, as its module exports them. */
export function loadFamily(family: OperationFamily): Promise<readonly Operation<unknown>[]> {
  return FAMILIES[family]()
}

/** The whole table, every family loaded, in OPERATION_NAMES' order. */
export async function loadOperations(): Promise<readonly Operation<unknown>[]> {
  const rows = (await Promise.all(Object.keys(FAMILIES).map((family) => loadFamily(family as OperationFamily)))).flat()
  const order = new Map(OPERATION_NAMES.map((name, index) => [name, index]))
  return [...rows].sort((a, b) => (order.get(a.name) ?? order.size) - (order.get(b.name) ?? order.size))
}

/** The operation named, loading only its family; an unknown name gets the near miss from OPERATION_NAMES, loading nothing. */
export async function findOperation(name: string): Promise<Operation<unknown>> {
  const family = Object.hasOwn(OPERATION_FAMILIES, name) ? OPERATION_FAMILIES[name] : undefined
  const operation = family && (await loadFamily(family)).find((candidate) => candidate.name === name)
  if (!operation) {
    if (!name) throw new InputError(`Input 'operation' must be one of: ${OPERATION_NAMES.join(', ')}; it is empty.`)
    const hint = didYouMean(name, OPERATION_NAMES)
    // The guess first: it is what a reader needs, and the list is long.
    if (hint) throw new InputError(`Input 'operation': '${name}' is not an operation of this action${hint} It must be one of: ${OPERATION_NAMES.join(', ')}.`)
    throw new InputError(`Input 'operation' must be one of: ${OPERATION_NAMES.join(', ')}; '${name}' is not one of them.`)
  }
  return operation
}

/**
 * Names the first missing required input, for the server the step drives:
 * the Console needs `console` and `auth-token`; a Canarytokens server needs
 * `canarytokens-server`, and every call for one token there needs the
 * token's own key (`manage-auth`) beside its id.
 */
export function checkRequiredInputs(operation: Operation<unknown>, inputs: InputReader, backend: BackendName = 'console'): void {
  const connection: InputName[] = backend === 'console' ? ['console', 'auth-token'] : ['canarytokens-server']
  if (backend === 'console' && !inputs.get('console')) {
    throw new InputError(
      `Operation '${operation.name}' needs a server: set 'console' (with 'auth-token') for a Canary Console, or 'canarytokens-server' for canarytokens.org or a self-hosted Canarytokens server.`
    )
  }
  for (const name of [...connection, ...operation.requires]) {
    if (!inputs.get(name)) throw new InputError(`Operation '${operation.name}' needs input '${name}'.`)
  }
  if (backend === 'canarytokens-server' && operation.requires.includes('canarytoken') && !inputs.get('manage-auth')) {
    throw new InputError(
      `Operation '${operation.name}' on a Canarytokens server needs input 'manage-auth': the token's own key, which the step that created it gave as its 'manage-auth' output (the server knows a token only with it).`
    )
  }
}

/** Inputs that were set but that this operation does not read: worth a warning, they are likely a typo or a mix-up. */
export function ignoredInputs(operation: Operation<unknown>, inputs: InputReader, allInputs: readonly InputName[], defaults: Partial<Record<InputName, string>>): InputName[] {
  const read = new Set<InputName>([...COMMON_INPUTS, ...operation.requires, ...operation.accepts, ...(operation.requires.includes('canarytoken') ? (['manage-auth'] as InputName[]) : [])])
  // A default that is an expression (`${{ github.token }}`) reaches every step filled in: it was not set by the user.
  const filledByRunner = (name: InputName) => (defaults[name] ?? '').startsWith('${{')
  return allInputs.filter((name) => !read.has(name) && !filledByRunner(name) && inputs.get(name) !== '' && inputs.get(name) !== (defaults[name] ?? ''))
}

const BACKEND_NAMES: Record<BackendName, string> = { console: 'the Canary Console', 'canarytokens-server': 'a Canarytokens server' }

/** Refuses, before any request, an operation the chosen server cannot carry out, saying why. */
export function checkBackend(operation: Operation<unknown>, backend: BackendName): void {
  if (operation.backends.includes(backend)) return
  const works = operation.backends.map((name) => BACKEND_NAMES[name]).join(' and ')
  throw new InputError(`Operation '${operation.name}' works on ${works} only, not on ${BACKEND_NAMES[backend]}${operation.backendNote ? `: ${operation.backendNote}` : ''}.`)
}

/** Events whose workflows GitHub runs without the repository's secrets when they come from a fork. */
const SECRETLESS_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment'])

/**
 * Why a tripwire operation should do nothing, instead of failing, in this
 * run: the secrets it needs are empty where GitHub withholds them (a pull
 * request from a fork, or from Dependabot). Undefined when it should run
 * (or fail as usual: `on-console-error: fail`, or an event that gets secrets).
 */
export function withheldSecrets(operation: Operation<unknown>, inputs: InputReader, backend: BackendName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!operation.tripwire || inputs.get('on-console-error') === 'fail' || !SECRETLESS_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return undefined
  const missing: InputName[] =
    backend === 'console'
      ? (['console', 'auth-token'] as InputName[]).filter((name) => !inputs.get(name))
      : !inputs.get('alert-email') && !inputs.get('alert-webhook')
        ? ['alert-email', 'alert-webhook']
        : []
  if (missing.length === 0) return undefined
  return (
    `${operation.name} did nothing: ${missing.map((name) => `'${name}'`).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} empty, as GitHub leaves secrets out of ` +
    `${env.GITHUB_EVENT_NAME} runs from forks (and Dependabot). The job goes on without a runner canary (on-console-error: warn; set it to fail to stop the job instead).`
  )
}
