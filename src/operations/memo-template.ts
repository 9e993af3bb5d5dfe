import { InputError } from '../errors.js'
import { checkMemoLength, type InputReader } from '../inputs.js'

/**
 * Memo placeholders, filled from the workflow run. The values are the ones
 * `@actions/github`'s `context` holds, read here from the same GITHUB_*
 * variables it reads: importing `@actions/github` loads Octokit too, which
 * every step of every operation would pay for at start-up (about 0.1 s
 * measured) for a handful of environment variables.
 */
const PLACEHOLDER_SOURCES = {
  repository: 'GITHUB_REPOSITORY',
  sha: 'GITHUB_SHA',
  short_sha: 'GITHUB_SHA',
  ref: 'GITHUB_REF',
  ref_name: 'GITHUB_REF_NAME',
  workflow: 'GITHUB_WORKFLOW',
  job: 'GITHUB_JOB',
  run_id: 'GITHUB_RUN_ID',
  run_number: 'GITHUB_RUN_NUMBER',
  run_attempt: 'GITHUB_RUN_ATTEMPT',
  actor: 'GITHUB_ACTOR',
  event: 'GITHUB_EVENT_NAME',
  // GitHub gives steps no variable with the job's environment name; the workflow passes it on.
  environment: 'CANARY_ENVIRONMENT',
  date: ''
} as const

export type MemoPlaceholder = keyof typeof PLACEHOLDER_SOURCES

export const MEMO_PLACEHOLDERS = Object.keys(PLACEHOLDER_SOURCES) as MemoPlaceholder[]

/** `{name}`: letters, digits and `_` between single braces. Other braces are plain text. */
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g

export type RunContext = Partial<Record<MemoPlaceholder, string>>

/** The placeholders' values for this run; a placeholder whose variable is unset is left out. */
export function runContext(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): RunContext {
  const context: RunContext = {}
  for (const name of MEMO_PLACEHOLDERS) {
    const value = name === 'date' ? now.toISOString().slice(0, 10) : env[PLACEHOLDER_SOURCES[name]]
    if (value) context[name] = name === 'short_sha' ? value.slice(0, 7) : value
  }
  return context
}

function isPlaceholder(name: string): name is MemoPlaceholder {
  return Object.hasOwn(PLACEHOLDER_SOURCES, name)
}

/** The unknown placeholder names in `template` (checked before any request). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string).filter((name) => !isPlaceholder(name))
}

/**
 * Fills the placeholders of a memo. `where` names the input or manifest
 * entry for the error. An unknown placeholder, or one this run has no value
 * for, is an InputError naming it: a memo must never say less than asked.
 */
export function renderMemo(template: string, context: RunContext, where: string): string {
  const unknown = unknownPlaceholders(template)
  if (unknown.length > 0) {
    throw new InputError(
      `${where} uses the unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{${name}}`).join(', ')}; known: ${MEMO_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`
    )
  }
  return template.replace(PLACEHOLDER, (_text, name: MemoPlaceholder) => {
    const value = context[name]
    if (value === undefined) {
      const source = PLACEHOLDER_SOURCES[name]
      const hint = name === 'environment' ? ` (set ${source} in the step's env, e.g. to the job's environment name)` : ''
      throw new InputError(`${where} uses {${name}}, but this run has no value for it: ${source} is not set${hint}.`)
    }
    return value
  })
}

/** The `memo` input with its placeholders ({repository}, {sha}, ...) filled from the run. */
export function memoInput(inputs: InputReader, context: RunContext = runContext()): string {
  return checkMemoLength(renderMemo(inputs.get('memo'), context, "Input 'memo'"), "Input 'memo'")
}
