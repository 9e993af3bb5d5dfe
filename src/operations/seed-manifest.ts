import { nearMiss } from '../near-miss.js'
import { readFile } from 'node:fs/promises'
import { InputError } from '../errors.js'
import { checkMemoLength, flockIdInput, inputsFrom, yamlErrorReason, type InputName, type InputReader } from '../inputs.js'
import { readableFileInside, resolveInside, unwritableTarget } from '../publish/files.js'
import { TOKEN_REQUEST_INPUTS, parseTokenRequest, type TokenRequest } from './canarytokens.js'
import { fileKindsOn, kindRuleOn, type CanarytokenKind } from './kinds.js'
import type { BackendName } from '../backends/types.js'
import { renderMemo, type RunContext } from './memo-template.js'
import type { RunEnvironment } from './types.js'

/**
 * AWS keys do not belong in a file in the repository; `aws-region` and
 * `aws-session-token` serve only them (aws-s3's automated bucket creation),
 * so they are refused with them. An entry may set every other create input.
 */
const NOT_IN_A_MANIFEST: readonly InputName[] = ['aws-access-key', 'aws-secret-key', 'aws-session-token', 'aws-region']
const NOT_IN_A_MANIFEST_REASON =
  'AWS credentials do not belong in a file in the repository, and aws-region and aws-session-token serve only them (the automated bucket creation of aws-s3). ' +
  'Create such a token with create-canarytoken, its keys from secrets; a manifest entry of kind aws-s3 takes s3-source-bucket and s3-log-bucket only'
const ENTRY_INPUTS = TOKEN_REQUEST_INPUTS.filter((input) => !NOT_IN_A_MANIFEST.includes(input))

const ENTRY_KEYS = new Set<string>(['name', 'kind', 'memo', 'file', 'template', ...ENTRY_INPUTS])
const MANIFEST_KEYS = new Set(['flock-id', 'tokens'])

/** Used in outputs and in template placeholders, so kept plain. */
const ENTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

const MAX_MANIFEST_BYTES = 1024 * 1024
const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
/** Enough for any release; a bound keeps a mistaken manifest from minting thousands. */
export const MAX_ENTRIES = 100

/** `{{ canarytoken.<name>.<field> }}` */
export const TEMPLATE_PLACEHOLDER = /\{\{\s*canarytoken\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\s*\}\}/g
/** Anything that starts like a placeholder, to catch malformed ones. */
const PLACEHOLDER_START = /\{\{\s*canarytoken\b[^}]*\}?\}?/g

/** The memo an entry gets when it names none: the build it was placed in, so an alert says which build leaked. */
export const DEFAULT_MEMO = '{repository}@{short_sha} run {run_id}'

export interface SeedEntry {
  name: string
  kind: CanarytokenKind
  memo: string
  /** What is sent to create its token. */
  request: TokenRequest
  /** Absolute path the token's file is written to. */
  file?: string
  /** The user's spelling of `file`, for outputs and the summary. */
  fileShown?: string
  /** Absolute paths of the template files this entry names. */
  templates: string[]
}

export interface TemplateFile {
  path: string
  shown: string
  content: string
  /** The entries whose placeholders it holds. */
  names: Set<string>
}

export interface SeedManifest {
  entries: SeedEntry[]
  templates: TemplateFile[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Entry errors say which entry: the one thing a reader of a long manifest needs. */
function entryError(name: string, problem: string): InputError {
  // The shared kind rules speak of inputs; in a manifest they are keys of the entry.
  const text = problem.replace(/\b[Ii]nput '/g, "key '").replace(/\.$/, '')
  return new InputError(`Manifest entry '${name}': ${text}${text.endsWith('?') ? '' : '.'}`)
}

/** ` (did you mean 'file'?)` for a key one typo away from a known one. */
function guessed(key: string, known: ReadonlySet<string>): string {
  const guess = nearMiss(key, [...known])
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`
}

function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).trim()
  return undefined
}

/** An entry's keys read like the create inputs, so the create rules check them unchanged. */
function entryReader(
  entry: Record<string, unknown>,
  defaults: Partial<Record<InputName, string>>,
  stringifyYaml: (value: unknown) => string
): InputReader {
  return {
    get(name) {
      const value = entry[name]
      if (name === 'extra-params' && isRecord(value)) return stringifyYaml(value).trim()
      return scalarText(value) ?? defaults[name] ?? ''
    }
  }
}

async function pathInside(env: RunEnvironment, name: string, key: string, userPath: string): Promise<string> {
  try {
    return await resolveInside(env.workspace, userPath, key)
  } catch (error) {
    if (error instanceof InputError) throw entryError(name, `'${key}' must point inside the workspace; '${userPath}' leads outside it`)
    throw error
  }
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value as string[]
  return undefined
}

/**
 * Reads and checks the whole manifest before any request: known kinds and
 * their rules, unique names, one token per kind + memo + flock, `file` and
 * `template` paths inside the workspace (symlinks included), memo
 * placeholders known and filled, template placeholders naming entries.
 */
export async function readManifest(manifestPath: string, env: RunEnvironment, context: RunContext, backend: BackendName = 'console'): Promise<SeedManifest> {
  const path = await readableFileInside(env.workspace, manifestPath, 'manifest', MAX_MANIFEST_BYTES)
  // Loaded here, not at start-up: only seeding (and extra-params) read YAML.
  const { parse: parseYaml, stringify: stringifyYaml } = await import('yaml')
  let document: unknown
  const source = await readFile(path, 'utf8')
  try {
    document = parseYaml(source)
  } catch (error) {
    throw new InputError(`Input 'manifest': ${manifestPath} is not valid YAML (${yamlErrorReason(error, source)}).`)
  }
  if (!isRecord(document)) throw new InputError(`Input 'manifest': ${manifestPath} must be a mapping with a 'tokens' list.`)
  for (const key of Object.keys(document)) {
    if (!MANIFEST_KEYS.has(key)) {
      throw new InputError(`Input 'manifest': unknown key '${key}' at the top of ${manifestPath}${guessed(key, MANIFEST_KEYS)}; known: ${[...MANIFEST_KEYS].join(', ')}.`)
    }
  }
  const tokens = document.tokens
  if (!Array.isArray(tokens) || tokens.length === 0) throw new InputError(`Input 'manifest': ${manifestPath} needs a non-empty 'tokens' list.`)
  if (tokens.length > MAX_ENTRIES) throw new InputError(`Input 'manifest': ${manifestPath} has ${tokens.length} entries; at most ${MAX_ENTRIES} are seeded in one step.`)
  const defaultFlock = document['flock-id']
  if (defaultFlock !== undefined && typeof defaultFlock !== 'string') throw new InputError(`Input 'manifest': 'flock-id' must be a flock id such as flock:default.`)
  if (typeof defaultFlock === 'string') {
    try {
      flockIdInput(inputsFrom({ 'flock-id': defaultFlock }))
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.message.replace(/^Input 'flock-id'/, `Input 'manifest': 'flock-id' at the top of ${manifestPath}`))
      throw error
    }
  }
  const defaults: Partial<Record<InputName, string>> = defaultFlock ? { 'flock-id': defaultFlock } : {}

  const entries: SeedEntry[] = []
  const names = new Set<string>()
  const identities = new Map<string, string>()
  const writtenFiles = new Map<string, string>()
  const templatePaths = new Map<string, { shown: string; names: string[] }>()

  for (const [index, raw] of tokens.entries()) {
    if (!isRecord(raw)) throw new InputError(`Input 'manifest': entry ${index + 1} of 'tokens' must be a mapping with name and kind.`)
    const name = typeof raw.name === 'string' ? raw.name : ''
    if (!ENTRY_NAME.test(name)) {
      throw new InputError(`Input 'manifest': entry ${index + 1} needs a 'name' of letters, digits, '-' and '_' (starting with a letter or digit)${name ? `, not '${name}'` : ''}.`)
    }
    if (names.has(name)) throw entryError(name, 'the name is used by another entry; names must be unique')
    names.add(name)
    for (const key of Object.keys(raw)) {
      if ((NOT_IN_A_MANIFEST as readonly string[]).includes(key)) throw entryError(name, `key '${key}' is refused in a manifest: ${NOT_IN_A_MANIFEST_REASON}`)
      if (!ENTRY_KEYS.has(key)) throw entryError(name, `unknown key '${key}'${guessed(key, ENTRY_KEYS)}; known: ${[...ENTRY_KEYS].join(', ')}`)
    }
    for (const key of Object.keys(raw)) {
      const value = raw[key]
      if (key === 'template' || (key === 'extra-params' && isRecord(value))) continue
      if (scalarText(value) === undefined) throw entryError(name, `'${key}' must be a single value`)
    }
    const where = raw.memo === undefined ? `Manifest entry '${name}': the default memo` : `Manifest entry '${name}': 'memo'`
    const memo = checkMemoLength(
      raw.memo === undefined ? `${renderMemo(DEFAULT_MEMO, context, where)}: ${name}` : renderMemo(String(raw.memo), context, where),
      where
    )
    if (!memo.trim()) throw entryError(name, "'memo' must not be empty")

    // The same parser as create-canarytoken's inputs: an entry cannot accept what the input refuses.
    let request: TokenRequest
    try {
      request = await parseTokenRequest(entryReader(raw, defaults, stringifyYaml), memo, env, backend)
    } catch (error) {
      if (error instanceof InputError) throw entryError(name, error.message)
      throw error
    }
    const { kind, flockId } = request
    const rule = kindRuleOn(kind, backend)
    const identity = JSON.stringify([kind, flockId ?? '', memo])
    const twin = identities.get(identity)
    if (twin) throw entryError(name, `it has the same kind, flock and memo as entry '${twin}', so both would be one token; give one a different memo`)
    identities.set(identity, name)

    const entry: SeedEntry = { name, kind, memo, request, templates: [] }
    if (raw.file !== undefined) {
      if (!rule.file) throw entryError(name, `kind '${kind}' has no file to write; 'file' works with ${fileKindsOn(backend).join(', ')}`)
      const shown = String(raw.file)
      entry.file = await pathInside(env, name, 'file', shown)
      const problem = await unwritableTarget(entry.file)
      if (problem) throw entryError(name, `'file' ${shown} ${problem}`)
      entry.fileShown = shown
      const other = writtenFiles.get(entry.file)
      if (other) throw entryError(name, `'file' ${shown} is also written by entry '${other}'`)
      writtenFiles.set(entry.file, name)
    }
    if (raw.template !== undefined) {
      const list = stringList(raw.template)
      if (!list) throw entryError(name, "'template' must be a path or a list of paths")
      for (const shown of list) {
        const absolute = await pathInside(env, name, 'template', shown)
        const known = templatePaths.get(absolute) ?? { shown, names: [] }
        known.names.push(name)
        templatePaths.set(absolute, known)
        entry.templates.push(absolute)
      }
    }
    entries.push(entry)
  }

  const templates: TemplateFile[] = []
  for (const [path, { shown, names: owners }] of templatePaths) {
    const owner = owners[0] as string
    if (writtenFiles.has(path)) throw entryError(owner, `'template' ${shown} is also the 'file' of entry '${writtenFiles.get(path)}'`)
    // Filled in place: a link to the template would be read through, then refused at the write, after minting.
    const problem = await unwritableTarget(path)
    if (problem) throw entryError(owner, `'template' ${shown} ${problem}`)
    try {
      await readableFileInside(env.workspace, shown, 'template', MAX_TEMPLATE_BYTES)
    } catch (error) {
      if (error instanceof InputError) throw entryError(owner, `'template' ${shown}: ${error.message.replace(/^Input 'template': /, '')}`)
      throw error
    }
    const content = await readFile(path, 'utf8')
    const used = new Set<string>()
    for (const match of content.matchAll(TEMPLATE_PLACEHOLDER)) {
      const referenced = match[1] as string
      if (!names.has(referenced)) throw entryError(owner, `'template' ${shown} uses ${match[0]}, but no entry is named '${referenced}'`)
      used.add(referenced)
    }
    for (const match of content.matchAll(PLACEHOLDER_START)) {
      if (!new RegExp(TEMPLATE_PLACEHOLDER.source).test(match[0])) {
        throw entryError(owner, `'template' ${shown} has a malformed placeholder '${match[0].slice(0, 60)}'; write {{ canarytoken.<name>.<field> }}`)
      }
    }
    if (used.size === 0) throw entryError(owner, `'template' ${shown} holds no {{ canarytoken.<name>.<field> }} placeholder`)
    templates.push({ path, shown, content, names: used })
  }
  return { entries, templates }
}
