import { didYouMean } from '../near-miss.js'
import { InputError } from '../errors.js'
import { COMMON_INPUTS, type InputName, type InputReader } from '../inputs.js'
import { API_KEY_OPERATIONS } from './api-keys.js'
import { CANARYTOKEN_OPERATIONS } from './canarytokens.js'
import { CLEANUP_OPERATIONS } from './cleanup.js'
import { INCIDENT_OPERATIONS } from './incidents.js'
import { RUNNER_CANARY_OPERATIONS } from './runner-canaries.js'
import { SEED_OPERATIONS } from './seed.js'
import type { BackendName } from '../backends/types.js'
import type { Operation } from './types.js'

/**
 * THE operation table: name -> inputs it needs and reads, outputs it sets,
 * and its handler. The dispatcher, validation, action.yml (checked by a
 * test) and the README (generated) all come from here.
 *
 * Next step for start-up (issue 17; proposed, not built, so that rows being
 * added on other branches merge as they are): load only the chosen
 * operation's family. Every row stays where it is, whole (name, description,
 * backends, requires, accepts, outputs, parse, run); what changes is how the
 * step reaches it:
 * - a generated `operations/table.generated.ts` holds each row's metadata
 *   and the family module it lives in (`{ name, family: 'canarytokens',
 *   backends, backendNote, requires, accepts, outputs }`), written by a script
 *   from these rows after tsc (like `npm run readme`), with a test that fails,
 *   naming the command, when it is stale;
 * - main.ts checks the inputs against that metadata (findOperation,
 *   checkRequiredInputs, checkBackend, ignoredInputs: the same functions, fed
 *   metadata), then `await FAMILIES[row.family]()`, one `import()` per family
 *   module, so ncc makes each family a chunk and a step compiles only its own;
 *   the real row (parse, run) is found in it by name;
 * - this OPERATIONS array stays for the tests, action.yml and README checks.
 * Today the whole table is 0.24 MB of the 0.75 MB loaded at start-up (undici's
 * Agent is most of the rest); a family chunk would be a fraction of it.
 */
export const OPERATIONS: readonly Operation<unknown>[] = [...CANARYTOKEN_OPERATIONS, ...API_KEY_OPERATIONS, ...CLEANUP_OPERATIONS, ...SEED_OPERATIONS, ...RUNNER_CANARY_OPERATIONS, ...INCIDENT_OPERATIONS]

export const OPERATION_NAMES = OPERATIONS.map((operation) => operation.name)

export function findOperation(name: string): Operation<unknown> {
  const operation = OPERATIONS.find((candidate) => candidate.name === name)
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
