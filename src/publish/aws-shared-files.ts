import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { access, appendFile, lstat, mkdir, open, readFile, realpath, rmdir, stat, truncate, unlink } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { writeFileAtomically } from './files.js'

/**
 * The AWS shared credentials and config files, as the AWS CLI and SDKs find
 * them: `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` (with `~`
 * expanded), else `~/.aws/credentials` and `~/.aws/config`. These two files
 * are the only places outside the workspace this action ever writes to.
 *
 * Every edit keeps the bytes it did not add: a profile is appended to the
 * end of an existing file (never rewritten), and removed again by cutting
 * exactly what was appended. Files are read as latin1, one character per
 * byte, so text offsets are byte offsets whatever the file's encoding.
 */

export type SharedFileRole = 'credentials' | 'config'

export interface SharedFilePaths {
  credentials: string
  config: string
}

function expandHome(path: string, home: string): string {
  if (path === '~') return home
  if (path.startsWith('~/')) return join(home, path.slice(2))
  return isAbsolute(path) ? path : resolve(path)
}

/** Where the AWS CLI would look, for this environment. */
export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): SharedFilePaths {
  return {
    credentials: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home),
    config: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home)
  }
}

/** One `[section]` of an INI file: its name (trimmed, inner spaces collapsed) and where it lies, header line included. */
export interface IniSection {
  name: string
  /** Offset of the header line's first character. */
  start: number
  /** Offset just past the section: the next header line, or the end of the text. */
  end: number
}

/**
 * A header line as botocore's configparser reads it, and a little more
 * (leading blanks, a trailing comment), so that anything an AWS tool could
 * take for a profile is seen.
 */
const SECTION_HEADER = /^[ \t]*\[([^\]\r\n]*)\][ \t]*(?:[#;][^\r\n]*)?\r?$/gm

export function iniSections(text: string): IniSection[] {
  const headers = [...text.matchAll(SECTION_HEADER)].map((match) => ({ name: (match[1] ?? '').trim().replace(/\s+/g, ' '), start: match.index }))
  return headers.map((header, index) => ({ ...header, end: headers[index + 1]?.start ?? text.length }))
}

/** `key = value` pairs of one section's body (comments and blank lines skipped; the first value of a key wins). */
export function iniValues(text: string, section: IniSection): Record<string, string> {
  const values: Record<string, string> = {}
  const body = text.slice(section.start, section.end).split(/\r?\n/).slice(1)
  for (const line of body) {
    const pair = iniPair(line)
    if (pair) values[pair[0]] ??= pair[1]
  }
  return values
}

/**
 * One line's `key = value` (or `key: value`): the key before the first `=` or
 * `:`, the value after it, each without the blanks (spaces, tabs) around it;
 * undefined for a blank line, a comment or a line without either. Read by
 * index, not by a regular expression: one with a lazy key before blanks took
 * time quadratic in a line of spaces (a user's own file, but a run must not
 * stall on it).
 */
function iniPair(line: string): [string, string] | undefined {
  let start = 0
  while (isBlank(line, start)) start++
  const first = line[start]
  if (first === undefined || '=:#;'.includes(first) || /\s/.test(first)) return undefined
  let at = start
  while (at < line.length && line[at] !== '=' && line[at] !== ':') at++
  if (at === line.length) return undefined
  let keyEnd = at
  while (keyEnd > start && isBlank(line, keyEnd - 1)) keyEnd--
  let valueStart = at + 1
  while (isBlank(line, valueStart)) valueStart++
  let valueEnd = line.length
  while (valueEnd > valueStart && isBlank(line, valueEnd - 1)) valueEnd--
  const value = line.slice(valueStart, valueEnd)
  // As the expression read it: `.` takes no line terminator, so a value holding one (a stray \r) was no pair.
  if (/[\r\u2028\u2029]/.test(value)) return undefined
  return [line.slice(start, keyEnd), value]
}

function isBlank(line: string, index: number): boolean {
  return line[index] === ' ' || line[index] === '\t'
}

/**
 * The section names under which each file holds `profile`. The credentials
 * file names profiles bare; the config file writes `[profile name]`, except
 * `[default]`. A bare `[name]` in the config file is counted too: some tools
 * have read it as the profile, and a real credential must never be shadowed.
 */
export function profileSectionNames(role: SharedFileRole, profile: string): string[] {
  return role === 'credentials' ? [profile] : [profile, `profile ${profile}`]
}

/** The header line the action writes for `profile`, as the AWS CLI writes it. */
export function profileHeader(role: SharedFileRole, profile: string): string {
  return role === 'config' && profile !== 'default' ? `[profile ${profile}]` : `[${profile}]`
}

/** The sections of `text` that stand for `profile` in a file of this role. */
export function profileSections(text: string, role: SharedFileRole, profile: string): IniSection[] {
  const names = profileSectionNames(role, profile)
  return iniSections(text).filter((section) => names.includes(section.name))
}

/** The file's bytes as text (latin1), or undefined when there is no file. Anything else at the path is an error. */
export async function readSharedFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'latin1')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** What the action added to one file: enough to take exactly that away again, and nothing secret. */
export interface PlantedFile {
  role: SharedFileRole
  path: string
  /** The action created the file (so it deletes it when it is empty again). */
  createdFile: boolean
  /** Folders the action created for the file, deepest first (removed again when empty). */
  createdFolders: string[]
  /** How many bytes were appended, and their SHA-256: the planted block itself holds secrets and is never kept. */
  appendedBytes: number
  appendedSha256: string
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** Folders `mkdir -p` would create for `folder`, outermost first. */
async function missingFolders(folder: string): Promise<string[]> {
  const missing: string[] = []
  for (let current = folder; ; current = dirname(current)) {
    try {
      await lstat(current)
      return missing.reverse()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      missing.push(current)
      if (dirname(current) === current) return missing.reverse()
    }
  }
}

/**
 * Throws unless `appendProfile` could write the file: the file itself when
 * it exists, else the nearest folder that exists. Checked before the Console
 * is asked, so a read-only home fails as early as a bad input.
 */
export async function checkWritable(path: string): Promise<void> {
  const missing = await missingFolders(dirname(path))
  const exists = await lstat(path).then(
    () => true,
    () => false
  )
  await access(exists ? path : dirname(missing[0] ?? path), constants.W_OK)
}

/**
 * Appends a profile block (`lines`, without header) to the file, or creates
 * the file (owner-only, 0600, in owner-only folders, 0700) when there is none.
 * Refuses when the profile is there already: checked again right before
 * writing, since the first check came before the Console was asked.
 */
export async function appendProfile(path: string, role: SharedFileRole, profile: string, lines: string[]): Promise<PlantedFile> {
  const existing = await readSharedFile(path)
  if (existing !== undefined && profileSections(existing, role, profile).length > 0) {
    throw new Error(`profile '${profile}' appeared in ${path} while the Console was asked; nothing was written to it`)
  }
  const newline = existing?.includes('\r\n') ? '\r\n' : '\n'
  const block = [profileHeader(role, profile), ...lines].join(newline) + newline
  if (existing === undefined) {
    const folders = await missingFolders(dirname(path))
    for (const folder of folders) await mkdir(folder, { mode: 0o700 })
    const bytes = Buffer.from(block, 'latin1')
    try {
      // wx: never through a file (or symlink) that appeared meanwhile.
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600)
      try {
        await handle.writeFile(bytes)
      } catch (error) {
        // Half a profile (a full disk) is never left behind: the file is ours, it goes.
        await unlink(path).catch(() => undefined)
        throw error
      } finally {
        await handle.close()
      }
    } catch (error) {
      await removeCreatedFolders(folders)
      throw error
    }
    return { role, path, createdFile: true, createdFolders: folders.reverse(), appendedBytes: bytes.length, appendedSha256: sha256(bytes) }
  }
  // A blank line between the last section and ours, and a line end first when the file lacks one.
  const separator = existing === '' ? '' : existing.endsWith('\n') ? newline : newline + newline
  const bytes = Buffer.from(separator + block, 'latin1')
  // Appended in place: the file keeps its owner, mode and any symlink pointing to it.
  try {
    await appendFile(path, bytes)
  } catch (error) {
    // Half a block (a full disk) would break the file for every AWS tool: cut back to the bytes it had.
    const reason = (thrown: unknown) => (thrown instanceof Error ? thrown.message : String(thrown))
    await truncate(path, existing.length).catch((undo: unknown) => {
      throw new Error(`${reason(error)}; cutting ${path} back to its ${existing.length} bytes failed too (${reason(undo)}): remove the half-written [${profile}] section by hand`)
    })
    throw error
  }
  return { role, path, createdFile: false, createdFolders: [], appendedBytes: bytes.length, appendedSha256: sha256(bytes) }
}

export type RemovalOutcome =
  /** The file ends with exactly what was appended: cut, every other byte as it was. */
  | 'restored'
  /** The file changed after planting: the profile's sections were cut, the rest kept. */
  | 'profile-removed'
  /** The profile is no longer in the file (or the file is gone). */
  | 'not-found'

export interface Removal {
  outcome: RemovalOutcome
  /** The file itself was deleted (the action had created it and it was empty again). */
  deletedFile: boolean
}

/** Removes what `appendProfile` added; deletes the file when the action created it and it is empty again. */
export async function removeProfile(planted: PlantedFile, profile: string): Promise<Removal> {
  const removal: Removal = { outcome: 'not-found', deletedFile: false }
  const bytes = await readFile(planted.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (bytes === undefined) return removal
  let remaining: number | string | undefined
  const keep = bytes.length - planted.appendedBytes
  if (keep >= 0 && sha256(bytes.subarray(keep)) === planted.appendedSha256) {
    removal.outcome = 'restored'
    remaining = keep
  } else {
    const text = bytes.toString('latin1')
    // Only sections headed the way the action wrote them: a bare [name] in the config file is not ours.
    const header = profileHeader(planted.role, profile).slice(1, -1)
    const ours = iniSections(text).filter((section) => section.name === header)
    if (ours.length > 0) {
      removal.outcome = 'profile-removed'
      let rest = ''
      let from = 0
      for (const section of ours) {
        rest += text.slice(from, section.start)
        from = section.end
      }
      remaining = rest + text.slice(from)
    }
  }
  if (remaining === undefined) return removal
  const emptyAfter = typeof remaining === 'number' ? remaining === 0 : remaining.trim() === ''
  if (planted.createdFile && emptyAfter) {
    await unlink(planted.path)
    removal.deletedFile = true
  } else if (typeof remaining === 'number') {
    // Truncated in place: the bytes before it are never rewritten.
    await truncate(planted.path, remaining)
  } else {
    await replaceFile(planted.path, Buffer.from(remaining, 'latin1'))
  }
  return removal
}

/**
 * Replaces a file's content all at once: a new file beside the real one (a
 * symlink's target: the link stays), with its mode, renamed over it. A write
 * that fails (a full disk) leaves the file as it was, never cut short: these
 * are the user's own credentials.
 */
async function replaceFile(path: string, bytes: Buffer): Promise<void> {
  const target = await realpath(path)
  const { mode, uid, gid } = await stat(target)
  await writeFileAtomically(dirname(target), basename(target), async (file) => {
    await file.chown(uid, gid).catch(() => undefined)
    await file.chmod(mode & 0o7777)
    await file.writeFile(bytes)
  }, { private: true })
}

/**
 * Removes the folders the action created, deepest first, each only when it
 * is empty (rmdir, never recursive): a folder something else now uses stays,
 * and so do its parents.
 */
export async function removeCreatedFolders(folders: readonly string[]): Promise<string[]> {
  const removed: string[] = []
  const blocked = new Set<string>()
  for (const folder of [...new Set(folders)].sort((a, b) => b.length - a.length)) {
    if ([...blocked].some((inner) => inner.startsWith(`${folder}${sep}`))) continue
    try {
      await rmdir(folder)
      removed.push(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') blocked.add(folder)
    }
  }
  return removed
}
