import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { FileHandle } from 'node:fs/promises'
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
  return logged(await writeList(runnerTemp, operation, value, TOKEN_NAMES, options), log)
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
  return logged(await writeList(runnerTemp, operation, items, names), log)
}

function logged(list: TokenList, log?: TokenListLog): TokenList {
  if (list.warning) log?.warning(list.warning)
  else log?.info(`Wrote the list to ${list.path}.`)
  return list
}

async function writeList(runnerTemp: string, operation: string, value: unknown, names: ListNames, options: TokenListOptions = {}): Promise<TokenList> {
  let directory: string
  try {
    directory = await resolveInside(runnerTemp, FOLDER, names.file)
  } catch {
    throw new Error(`${join(runnerTemp, FOLDER)} leads outside RUNNER_TEMP (a symlink?); the ${names.noun} was not written`)
  }
  const separate = options.withoutSecrets !== undefined
  const output = new OutputHead()
  let bytes = 0
  const path = await writeFileAtomically(
    directory,
    `${operation}-${randomBytes(4).toString('hex')}.json`,
    async (file) => {
      const list = new ListFile(file, separate ? undefined : output)
      await writeJson(list, value)
      bytes = list.bytes
    },
    { private: separate }
  )
  if (separate) for (const piece of jsonPieces(options.withoutSecrets)) output.add(piece)
  const size = output.size
  const inOutput = size <= TOKENS_OUTPUT_LIMIT_BYTES
  const fullList = `the file named by the '${names.file}' output (${path}) holds them all`
  if (inOutput) {
    return { outputs: { [names.output]: output.text(), [names.file]: path }, path, inOutput, fullList, note: `The list is in the '${names.output}' output and in ${path} (the '${names.file}' output).` }
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

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/**
 * `JSON.stringify(value)` in pieces: an array's `[`, each item's text with
 * a `,` between them, and `]`; anything else whole. Joined, they are
 * exactly JSON.stringify(value) (an item it would write as `null` is `null`).
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (!Array.isArray(value)) {
    yield JSON.stringify(value) ?? 'null'
    return
  }
  yield '['
  let first = true
  for (const item of value) {
    if (!first) yield ','
    first = false
    yield JSON.stringify(item) ?? 'null'
  }
  yield ']'
}

/** A list as it arrives: its items in batches (a listing's pages), each an array or another iterable, read once, in order. */
export type Batches = AsyncIterable<Iterable<unknown>>

/** Writes `value` (Batches, or any JSON value) to `list` as one JSON text, piece by piece. */
async function writeJson(list: ListFile, value: unknown): Promise<void> {
  if (!isAsyncIterable(value)) {
    for (const piece of jsonPieces(value)) if (list.add(piece)) await list.flush()
    return list.end()
  }
  list.add('[')
  let first = true
  for await (const batch of value as Batches) {
    // An item passed where a batch belongs (a string is iterable too) would be written as its parts.
    if (typeof batch !== 'object' || batch === null || !(Symbol.iterator in batch)) throw new TypeError('a list written as it arrives must come in batches of items (arrays or other iterables)')
    // Each item's text goes into the file's buffer as it is made: nothing of a batch is gathered.
    for (const item of batch) {
      if (!first && list.add(',')) await list.flush()
      first = false
      if (list.add(JSON.stringify(item) ?? 'null')) await list.flush()
    }
  }
  if (list.add(']')) await list.flush()
  return list.end()
}

/** The start of a list's JSON, for its output while the whole fits (TOKENS_OUTPUT_LIMIT_BYTES, counted as GitHub counts). */
class OutputHead {
  /** UTF-16 bytes of everything added. */
  size = 0
  /** Undefined once the list is too large for the output (it will be empty). */
  private pieces: string[] | undefined = []

  add(piece: string): void {
    this.size += outputSize(piece)
    if (this.size > TOKENS_OUTPUT_LIMIT_BYTES) this.pieces = undefined
    else this.pieces?.push(piece)
  }

  text(): string {
    return this.pieces?.join('') ?? ''
  }
}

/** Bytes gathered before a write to the file. */
const FILE_BUFFER_BYTES = 64 * 1024

/**
 * A list's file, written through two buffers reused from the first write
 * to the last: each piece's text is encoded straight into one while the
 * other is being written (so the listing goes on while the disk works), and
 * 100,000 tokens (36 MB of JSON) never become chunk strings or buffers of
 * their own (a listing's pieces die young; chunks gathered from them did not).
 */
class ListFile {
  /** UTF-8 bytes written. */
  bytes = 0
  private buffer = Buffer.allocUnsafeSlow(FILE_BUFFER_BYTES)
  /** The buffer being written, and that write. */
  private other = Buffer.allocUnsafeSlow(FILE_BUFFER_BYTES)
  private writing: Promise<void> = Promise.resolve()
  private used = 0
  /** A piece that may not fit in what is left of the buffer: written by the next flush. */
  private pending: string | undefined

  constructor(
    private readonly file: FileHandle,
    /** Told every piece, when the output is made from the file's text. */
    private readonly output?: OutputHead
  ) {}

  /** Adds a piece; true when `flush()` must be awaited before the next one. */
  add(piece: string): boolean {
    this.output?.add(piece)
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    if (this.pending !== undefined || this.used + piece.length * 3 > this.buffer.length) {
      if (this.pending !== undefined) throw new Error('ListFile.add: flush() was not awaited')
      this.pending = piece
      return true
    }
    this.put(piece)
    return false
  }

  /** Starts writing what the buffer holds (once the previous write is done) and takes the piece that did not fit. */
  async flush(): Promise<void> {
    await this.writing
    const full = this.buffer.subarray(0, this.used)
    ;[this.buffer, this.other] = [this.other, this.buffer]
    this.used = 0
    this.writing = this.writeOut(full)
    const piece = this.pending
    this.pending = undefined
    if (piece === undefined) return
    if (piece.length * 3 <= this.buffer.length) this.put(piece)
    else {
      // Longer than a buffer: written on its own, after what came before it.
      await this.writing
      const bytes = Buffer.from(piece, 'utf8')
      this.bytes += bytes.length
      this.writing = this.writeOut(bytes)
    }
  }

  /** Writes everything added so far; resolves when it is on disk. */
  async end(): Promise<void> {
    await this.flush()
    if (this.used > 0) await this.flush()
    await this.writing
  }

  private put(piece: string): void {
    const written = this.buffer.write(piece, this.used, 'utf8')
    this.used += written
    this.bytes += written
  }

  /** Writes `bytes` after what came before; a failure surfaces where the write is next awaited (and never goes unhandled meanwhile). */
  private writeOut(bytes: Buffer): Promise<void> {
    const write = (async () => {
      for (let offset = 0; offset < bytes.length; ) offset += (await this.file.write(bytes, offset, bytes.length - offset)).bytesWritten
    })()
    write.catch(() => undefined)
    return write
  }
}
