import { InputError } from '../errors.js'
import { checkMemoLength, type InputReader } from '../inputs.js'
import { nearMisses } from '../near-miss.js'

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

/**
 * `{short-sha}`, `{run-id}`: a placeholder written with hyphens. Such braces are
 * plain text by the rule above, but one that reads as a known placeholder is
 * refused with it: the memo would otherwise say `{short-sha}` instead of the commit.
 */
const HYPHENATED = /\{([A-Za-z0-9_]*-[A-Za-z0-9_-]*)\}/g

/** The unknown placeholder names in `template` (checked before any request). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string).filter((name) => !isPlaceholder(name))
  const hyphenated = [...template.matchAll(HYPHENATED)].map((match) => match[1] as string)
  const squashed = (text: string) => text.toLowerCase().replace(/[-_]/g, '')
  return [...unknown, ...hyphenated.filter((name) => MEMO_PLACEHOLDERS.some((known) => squashed(known) === squashed(name)))]
}

/** The placeholders an unknown one may have meant: a near miss, else those it begins (`{run}`: run_id, run_number, run_attempt). */
function meant(name: string): string[] {
  const near = nearMisses(name, MEMO_PLACEHOLDERS)
  if (near.length > 0) return near
  const start = name.toLowerCase()
  return start.length >= 3 ? MEMO_PLACEHOLDERS.filter((known) => known.startsWith(start)) : []
}

/** `{repo} (did you mean {repository}?)` */
function withGuess(name: string): string {
  const guesses = meant(name).map((known) => `{${known}}`)
  if (guesses.length === 0) return `{${name}}`
  const choice = guesses.length > 1 ? `${guesses.slice(0, -1).join(', ')} or ${guesses.at(-1)}` : guesses[0]
  return `{${name}} (did you mean ${choice}?)`
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
      `${where} uses the unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map(withGuess).join(', ')}; known: ${MEMO_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`
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
