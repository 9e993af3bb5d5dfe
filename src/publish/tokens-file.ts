import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { resolveInside, writeFileAtomically } from './files.js'

/**
 * GitHub's limit: "Outputs can be a maximum of 1 MB per job ... Size is
 * approximated based on UTF-16 encoding" (older wording: "Outputs are
 * Unicode strings, and can be a maximum of 1 MB", per output). 10^6 bytes is
 * inside 1 MB whether MB means 10^6 or 2^20.
 */
export const JOB_OUTPUT_LIMIT_BYTES = 1_000_000

/**
 * The most the `tokens` output takes, counted as GitHub counts (UTF-16, two
 * bytes a code unit): half of a job's limit, so that it fits under both
 * readings and leaves the job room for its other outputs.
 */
export const TOKENS_OUTPUT_LIMIT_BYTES = JOB_OUTPUT_LIMIT_BYTES / 2

/** How GitHub sizes an output: UTF-16, which is what a JavaScript string's length counts. */
export function outputSize(text: string): number {
  return text.length * 2
}

/** Our folder under RUNNER_TEMP (downloads without a `path` go there too). */
const FOLDER = 'canary-console-action'

export interface TokenList {
  /** `tokens` and `tokens-file` (or the names given to writeItemList). */
  outputs: Record<string, string>
  /** Where the whole list is. */
  path: string
  /** Whether the `tokens` output holds it too. */
  inOutput: boolean
  /** For the job summary: where the list is. */
  note: string
  /** For the job summary, when it cannot show every row: where they all are. */
  fullList: string
  /** Set when the list is too large for the `tokens` output. */
  warning?: string
}

/** Where the list's file is told in the log: a warning when the `tokens` output cannot hold the list too. */
export interface TokenListLog {
  info(message: string): void
  warning(message: string): void
}

/**
 * Writes `value` as JSON to a new file in RUNNER_TEMP (atomically, named
 * after the operation so two steps of a job never share one) and decides
 * whether the `tokens` output can hold it too: a big Console's list stays
 * whole in the file at any size, and the output stays within GitHub's limit.
 * With `log`, says where the list went (a warning when `tokens` is empty).
 */
export async function writeTokenList(runnerTemp: string, operation: string, value: JsonList, log?: TokenListLog, options: TokenListOptions = {}): Promise<TokenList> {
  // A list that arrives as it is read goes through writeTokenBatches: which of the two a value is, is never guessed from its shape
  // (an async iterable of items would otherwise be taken for batches, and items that are arrays flattened into one list).
  if (isAsyncIterable(value)) throw new TypeError('writeTokenList takes a list held whole; a list that arrives in batches goes through writeTokenBatches')
  return logged(await writeList(runnerTemp, operation, jsonChunks(value), TOKEN_NAMES, options), log)
}

/** A list held whole, as writeTokenList takes it: an array, or a map of named entries (seed-canarytokens). */
export type JsonList = readonly unknown[] | Readonly<Record<string, unknown>>

/** writeTokenList for a listing's pages as they arrive (Batches): written as they come, never held whole. */
export async function writeTokenBatches(runnerTemp: string, operation: string, batches: Batches, log?: TokenListLog): Promise<TokenList> {
  return writeItemList(runnerTemp, operation, batches, TOKEN_NAMES, log)
}

/**
 * `withoutSecrets`: the list as the `tokens` output gets it, when the file
 * holds secrets the output must not (a Canarytokens server's manage auth per
 * token). The file is then written owner-only.
 */
export interface TokenListOptions {
  withoutSecrets?: unknown
}

/** How a list and its outputs are named in messages. */
export interface ListNames {
  /** The output that holds the list while it fits: `tokens`, `incidents`. */
  output: string
  /** The output that names the file: `tokens-file`, `incidents-file`. */
  file: string
  /** `token list`, `incident list`. */
  noun: string
}

const TOKEN_NAMES: ListNames = { output: 'tokens', file: 'tokens-file', noun: 'token list' }

/**
 * writeTokenList for a list that arrives in batches (a feed read page by
 * page): streamed to the file as the batches come, never held whole, with the
 * output set while it fits, as for tokens.
 */
export async function writeItemList(runnerTemp: string, operation: string, items: Batches, names: ListNames, log?: TokenListLog): Promise<TokenList> {
  return logged(await writeList(runnerTemp, operation, asyncJsonChunks(items), names), log)
}

function logged(list: TokenList, log?: TokenListLog): TokenList {
  if (list.warning) log?.warning(list.warning)
  else log?.info(`Wrote the list to ${list.path}.`)
  return list
}

async function writeList(
  runnerTemp: string,
  operation: string,
  source: Iterable<string> | AsyncIterable<string>,
  names: ListNames,
  options: TokenListOptions = {}
): Promise<TokenList> {
  let directory: string
  try {
    directory = await resolveInside(runnerTemp, FOLDER, names.file)
  } catch {
    throw new Error(`${join(runnerTemp, FOLDER)} leads outside RUNNER_TEMP (a symlink?); the ${names.noun} was not written`)
  }
  // Streamed: 100,000 tokens are 35 MB of JSON, which is never held whole (nor twice, as text and bytes).
  let bytes = 0
  let size = 0
  const head: string[] = []
  const separate = options.withoutSecrets !== undefined
  const chunks = async function* (): AsyncGenerator<string> {
    for await (const chunk of source) {
      bytes += Buffer.byteLength(chunk)
      if (!separate) {
        size += outputSize(chunk)
        if (size <= TOKENS_OUTPUT_LIMIT_BYTES) head.push(chunk)
      }
      yield chunk
    }
  }
  const path = await writeFileAtomically(directory, `${operation}-${randomBytes(4).toString('hex')}.json`, Readable.from(chunks(), { highWaterMark: 1 }), { private: separate })
  if (separate) {
    for (const chunk of jsonChunks(options.withoutSecrets)) {
      size += outputSize(chunk)
      if (size <= TOKENS_OUTPUT_LIMIT_BYTES) head.push(chunk)
    }
  }
  const inOutput = size <= TOKENS_OUTPUT_LIMIT_BYTES
  const fullList = `the file named by the '${names.file}' output (${path}) holds them all`
  if (inOutput) {
    return { outputs: { [names.output]: head.join(''), [names.file]: path }, path, inOutput, fullList, note: `The list is in the '${names.output}' output and in ${path} (the '${names.file}' output).` }
  }
  const shown = `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  return {
    outputs: { [names.output]: '', [names.file]: path },
    path,
    inOutput,
    fullList,
    note: `The whole list is in ${path} (the '${names.file}' output); at ${shown} it is too large for the '${names.output}' output, which is empty.`,
    warning:
      `The ${names.noun} is ${shown} of JSON, too large for the '${names.output}' output (GitHub keeps at most 1 MB of outputs per job, counted in UTF-16; ` +
      `'${names.output}' takes at most half of that), so '${names.output}' is empty: read the file named by the '${names.file}' output (${path}).`
  }
}

/** Chunk size when streaming a list. */
const CHUNK_CHARACTERS = 64 * 1024

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/** `JSON.stringify(value)` in pieces: an array item by item, gathered into chunks of about 64 KiB. */
export function* jsonChunks(value: unknown): Generator<string> {
  if (!Array.isArray(value)) {
    yield JSON.stringify(value) ?? 'null'
    return
  }
  const chunks = new ChunkBuilder()
  for (const item of value) {
    const chunk = chunks.add(item)
    if (chunk !== undefined) yield chunk
  }
  yield chunks.end()
}

/** A list as it arrives: its items in batches (a listing's pages), each an array. */
export type Batches = AsyncIterable<readonly unknown[]>

/** jsonChunks for an array that arrives in batches: never held whole. */
export async function* asyncJsonChunks(batches: Batches): AsyncGenerator<string> {
  const chunks = new ChunkBuilder()
  for await (const batch of batches) {
    // A batch that is not an array (an item passed where a batch belongs) would be written as its parts.
    if (!Array.isArray(batch)) throw new TypeError('a list written as it arrives must come in arrays of items')
    for (const item of batch) {
      const chunk = chunks.add(item)
      if (chunk !== undefined) yield chunk
    }
  }
  yield chunks.end()
}

/**
 * A JSON array's text in chunks of about CHUNK_CHARACTERS. The items' texts
 * are joined once per chunk (appending them one by one would make a rope of
 * small strings that every later reader of the chunk has to flatten again).
 */
class ChunkBuilder {
  private parts: string[] = ['[']
  private length = 1
  private items = 0

  /** Adds an item; returns a full chunk when one is ready. */
  add(item: unknown): string | undefined {
    const text = JSON.stringify(item) ?? 'null'
    if (this.items++ > 0) this.parts.push(',')
    this.parts.push(text)
    this.length += text.length + 1
    return this.full()
  }

  private full(): string | undefined {
    if (this.length < CHUNK_CHARACTERS) return undefined
    const chunk = this.parts.join('')
    this.parts = []
    this.length = 0
    return chunk
  }

  /** The rest, closing the array. */
  end(): string {
    this.parts.push(']')
    return this.parts.join('')
  }
}
