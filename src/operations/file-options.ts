import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DownloadedBody } from '../http/transport.js'
import { InputError } from '../errors.js'
import { integerInput, type InputName, type InputReader } from '../inputs.js'
import { checkUserFilename, checkWritableFolder, checkWritableTarget, resolveInside, safeFilename, writeFileAtomically } from '../publish/files.js'
import { registerCredentialText } from '../secrets.js'
import type { ArtifactRequest, RunEnvironment } from './types.js'

/** The inputs that say where a downloaded file goes and whether it is uploaded. */
export const FILE_INPUTS: readonly InputName[] = ['path', 'filename', 'artifact-name', 'retention-days']

export interface FileOptions {
  /** Absolute, checked to be inside the workspace (or our RUNNER_TEMP folder). */
  directory: string
  /** The user's name for the file, if any; otherwise the server's, made safe. */
  filename?: string
  artifact?: { name: string; retentionDays?: number }
}

/** Characters GitHub refuses in artifact names. */
const ARTIFACT_NAME_FORBIDDEN = /["<>|*?:\\/\r\n]/

/** The folder under RUNNER_TEMP that downloads go to when the user names no `path`. */
const DEFAULT_FOLDER = 'canary-console-action'

/** Our folder under RUNNER_TEMP, refused if something (a symlink) leads it elsewhere. */
async function defaultDirectory(runnerTemp: string): Promise<string> {
  try {
    return await resolveInside(runnerTemp, DEFAULT_FOLDER, 'path')
  } catch {
    throw new InputError(
      `The default download folder ${join(runnerTemp, DEFAULT_FOLDER)} leads outside RUNNER_TEMP (a symlink?); set 'path' to a folder in the workspace.`
    )
  }
}

export async function parseFileOptions(inputs: InputReader, env: RunEnvironment): Promise<FileOptions> {
  const userPath = inputs.get('path')
  const directory = userPath ? await resolveInside(env.workspace, userPath, 'path') : await defaultDirectory(env.runnerTemp)
  if (userPath) await checkWritableFolder(env.workspace, directory, userPath, 'path')
  const filename = inputs.get('filename') ? checkUserFilename(inputs.get('filename'), 'filename') : undefined
  if (filename) await checkWritableTarget(join(directory, filename), userPath ? `${userPath}/${filename}` : join(directory, filename), 'filename')
  const artifact = parseArtifactOptions(inputs, env)
  return artifact ? { directory, filename, artifact } : { directory, filename }
}

/** `artifact-name` and `retention-days`, checked; `undefined` when no artifact is asked for. */
export function parseArtifactOptions(inputs: InputReader, env: RunEnvironment): FileOptions['artifact'] {
  const artifactName = inputs.get('artifact-name')
  const retentionDays = integerInput(inputs, 'retention-days', { min: 1, max: 90 })
  if (!artifactName) {
    if (retentionDays !== undefined) throw new InputError("Input 'retention-days' applies to artifacts only; set 'artifact-name' too.")
    return undefined
  }
  if (ARTIFACT_NAME_FORBIDDEN.test(artifactName)) {
    throw new InputError(`Input 'artifact-name' must not contain any of " : < > | * ? \\ / or line breaks.`)
  }
  if (!env.artifactRuntime) {
    throw new InputError(
      "Input 'artifact-name' needs the GitHub Actions runner (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set): artifacts can only be uploaded from a workflow run. Leave 'artifact-name' empty to only write the file."
    )
  }
  return { name: artifactName, retentionDays }
}

/** Refuses file inputs for an operation run without `download: true`. */
export function refuseFileInputsWithoutDownload(inputs: InputReader): void {
  for (const name of FILE_INPUTS) {
    if (inputs.get(name)) throw new InputError(`Input '${name}' applies to downloads only; set 'download: true' too.`)
  }
}

export interface SavedFile {
  path: string
  /** The name the server suggested, before it was made safe (for the log). */
  serverFilename?: string
  bytes: number
}

/** Credential files are small; this bounds what is held in memory to mask it. */
const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024

/**
 * Writes a downloaded file where the user said, atomically. A credential
 * file is read whole first so every secret in it is masked before the file
 * exists anywhere the rest of the job could print it from.
 */
export async function saveDownload(download: DownloadedBody, options: FileOptions, fallbackName: string, credentials: boolean): Promise<SavedFile> {
  const name = options.filename ?? safeFilename(download.filename, fallbackName)
  if (credentials) {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of download.body) {
      size += (chunk as Buffer).length
      if (size > MAX_CREDENTIAL_FILE_BYTES) {
        download.body.destroy()
        throw new Error(`the credential file is larger than ${MAX_CREDENTIAL_FILE_BYTES} bytes; refusing to handle it`)
      }
      chunks.push(chunk as Buffer)
    }
    const content = Buffer.concat(chunks)
    if (!content.includes(0)) registerCredentialText(content.toString('utf8'))
    const path = await writeFileAtomically(options.directory, name, content, { private: true })
    return { path, serverFilename: download.filename, bytes: content.length }
  }
  const path = await writeFileAtomically(options.directory, name, download.body)
  return { path, serverFilename: download.filename, bytes: (await stat(path)).size }
}

export function artifactRequest(options: FileOptions, files: string[]): ArtifactRequest | undefined {
  if (!options.artifact) return undefined
  return { name: options.artifact.name, retentionDays: options.artifact.retentionDays, files, rootDirectory: options.directory }
}
