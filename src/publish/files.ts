import { randomBytes } from 'node:crypto'
import { constants, createWriteStream } from 'node:fs'
import { access, lstat, mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { InputError } from '../errors.js'

/** Longest file name we write, in UTF-8 bytes; most file systems stop at 255 bytes. */
const MAX_FILENAME_LENGTH = 200

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The real path of `target`, following symlinks in the part of it that
 * exists already (the rest will be created by us, as plain directories).
 */
async function realPathOfExistingPart(target: string): Promise<string> {
  let existing = target
  const missing: string[] = []
  for (;;) {
    try {
      return join(await realpath(existing), ...missing)
    } catch {
      const parent = dirname(existing)
      if (parent === existing) return target
      missing.unshift(existing.slice(parent.length).replace(/^[\\/]/, ''))
      existing = parent
    }
  }
}

/**
 * Resolves a user's path against `root` and proves it stays inside, symlinks
 * included: `../x`, an absolute path elsewhere, or a link out of the root are
 * all refused.
 */
export async function resolveInside(root: string, userPath: string, inputName: string): Promise<string> {
  const target = resolve(root, userPath)
  const realRoot = await realPathOfExistingPart(resolve(root))
  const realTarget = await realPathOfExistingPart(target)
  if (!isInside(resolve(root), target) || !isInside(realRoot, realTarget)) {
    throw new InputError(`Input '${inputName}' must point inside ${root}; '${userPath}' leads outside it.`)
  }
  return target
}

/**
 * Why we would refuse to write at `path` (an absolute path already proven
 * inside the root), or undefined when nothing is there or a regular file is.
 * A symlink at the target, dangling or not, is refused: writing through it
 * could land anywhere, and replacing it would silently change what it meant.
 * Checked before any request, so nothing is minted for a file we cannot write.
 */
export async function unwritableTarget(path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined)
  if (!info || info.isFile()) return undefined
  if (info.isSymbolicLink()) return 'is a symbolic link; name the file itself (a link is never written through or replaced)'
  return info.isDirectory() ? 'is a folder, not a file' : 'exists and is not a regular file'
}

/** Refuses, naming the input, a target file that is a symlink or not a regular file (see unwritableTarget). */
export async function checkWritableTarget(path: string, shown: string, inputName: string): Promise<void> {
  const problem = await unwritableTarget(path)
  if (problem) throw new InputError(`Input '${inputName}': '${shown}' ${problem}.`)
}

/**
 * Refuses, naming the input, a folder we could not create or write in: the
 * nearest part of it that exists must be a folder (a file there makes every
 * mkdir fail) and writable (a read-only file system, a folder of another
 * user). Checked before any request, so nothing is minted for a file that
 * cannot be written. `shown` is the folder as the user wrote it, relative to `root`.
 */
export async function checkWritableFolder(root: string, directory: string, shown: string, inputName: string): Promise<void> {
  let existing = directory
  for (;;) {
    const info = await stat(existing).catch(() => undefined)
    if (info) {
      const part = relative(root, existing) || '.'
      if (!info.isDirectory()) {
        const below = existing === directory ? '' : `; '${shown}' cannot be created in it`
        throw new InputError(`Input '${inputName}': '${part}' is a file, not a folder${below}.`)
      }
      try {
        await access(existing, constants.W_OK)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'not writable'
        throw new InputError(`Input '${inputName}': '${part}' cannot be written (${code}); name a folder the job can write.`)
      }
      return
    }
    const parent = dirname(existing)
    if (parent === existing) return
    existing = parent
  }
}

/** A file the user names for us to read: inside the workspace, a regular file, not too large. */
export async function readableFileInside(root: string, userPath: string, inputName: string, maxBytes: number): Promise<string> {
  const path = await resolveInside(root, userPath, inputName)
  let info
  try {
    info = await stat(path)
  } catch {
    throw new InputError(`Input '${inputName}': cannot read '${userPath}' (no such file in ${root}).`)
  }
  if (!info.isFile()) throw new InputError(`Input '${inputName}': '${userPath}' is not a file.`)
  if (info.size > maxBytes) {
    throw new InputError(`Input '${inputName}': '${userPath}' is ${info.size} bytes; at most ${maxBytes} are sent.`)
  }
  return path
}

/**
 * Characters a file name may keep; anything else becomes '_'. Letters,
 * combining marks and digits of any script are safe (`Pässwörter.docx`,
 * `パスワード.xlsx`); separators, control and format characters (bidi
 * overrides), quotes and shell punctuation are not.
 */
const UNSAFE_FILENAME_CHARACTERS = /[^\p{L}\p{M}\p{N}._ +()-]/gu

/** The longest prefix of `text` (whole characters) that fits in `bytes` UTF-8 bytes. */
function fitBytes(text: string, bytes: number): string {
  let result = ''
  for (const character of text) {
    if (Buffer.byteLength(result + character) > bytes) break
    result += character
  }
  return result
}

/**
 * Reduces an untrusted name (a server's Content-Disposition) to a plain base
 * name that cannot leave its directory: no separators, no `..`, no leading
 * dot, no control characters, bounded length.
 */
export function safeFilename(untrusted: string | undefined, fallback: string): string {
  const lastSegment = (untrusted ?? '').split(/[\\/]/).pop() ?? ''
  let name = lastSegment.replace(UNSAFE_FILENAME_CHARACTERS, '_').replace(/^[.\s-]+/, '').trim()
  // File systems count bytes (most stop at 255): bounded in UTF-8 bytes, cut between characters.
  if (Buffer.byteLength(name) > MAX_FILENAME_LENGTH) {
    const dot = name.lastIndexOf('.')
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
    name = fitBytes(name.slice(0, name.length - extension.length), MAX_FILENAME_LENGTH - Buffer.byteLength(extension)) + extension
  }
  return name === '' || /^_+$/.test(name) ? fallback : name
}

/** A file name the user gave: it must already be a plain base name; we refuse rather than guess. */
export function checkUserFilename(name: string, inputName: string): string {
  if (name !== safeFilename(name, '') || name === '.' || name === '..') {
    throw new InputError(
      `Input '${inputName}' must be a plain file name (letters of any script, digits, spaces, '.', '_', '-', '+', '(', ')'; no folders, no leading dot or dash, at most ${MAX_FILENAME_LENGTH} bytes), not '${name}'.`
    )
  }
  return name
}

/**
 * Writes `content` to `directory/name` atomically: into a temporary file in
 * the same directory first, renamed into place only when complete, so a
 * broken download never leaves a partial file where the user expects one.
 * `content` is a stream, bytes, or a function that writes the open file
 * itself (and resolves when it is done).
 */
export async function writeFileAtomically(
  directory: string,
  name: string,
  content: Readable | Buffer | ((file: FileHandle) => Promise<void>),
  options: { private?: boolean } = {}
): Promise<string> {
  const destination = join(directory, name)
  if (dirname(destination) !== directory.replace(new RegExp(`\\${sep}$`), '')) {
    throw new Error(`refusing to write '${name}' outside ${directory}`)
  }
  await mkdir(directory, { recursive: true })
  const existing = await lstat(destination).catch(() => undefined)
  if (existing && !existing.isFile()) {
    throw new Error(`${destination} exists and is not a regular file; not overwriting it`)
  }
  const temporary = join(directory, `.${name}.${randomBytes(6).toString('hex')}.partial`)
  try {
    // Credentials are readable by their owner only.
    const mode = options.private ? 0o600 : 0o644
    if (typeof content === 'function') {
      const file = await open(temporary, 'wx', mode)
      try {
        await content(file)
      } finally {
        await file.close()
      }
    } else {
      await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, createWriteStream(temporary, { flags: 'wx', mode }))
    }
    // No fsync first: it would cost a 100,000-token tokens-file (36 MB) about a tenth of the listing's time, and buys
    // nothing here: a machine that goes down ends the job, and the files are the job's (the next step, an artifact).
    // The rename alone means no reader, and no later step, ever sees a partial file under the name.
    await rename(temporary, destination)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return destination
}
