import { copyFile, mkdtemp } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { ArtifactRequest } from './types.js'

export interface UploadedArtifact {
  id?: number
  name: string
  size?: number
}

/**
 * Uploads files as one workflow artifact. `@actions/artifact` (with the
 * Azure SDK behind it) is loaded here, on demand, so operations that upload
 * nothing never pay for it at start-up.
 *
 * A single file is uploaded as itself, not zipped (`skipArchive`), so a
 * user downloads the token file. The artifact then takes the file's name, so
 * the file is staged under the artifact name (keeping its extension).
 */
export async function uploadArtifact(request: ArtifactRequest, stagingRoot: string): Promise<UploadedArtifact> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  const [onlyFile] = request.files
  if (request.files.length === 1 && onlyFile !== undefined) {
    const extension = extname(onlyFile)
    const name = extension && !request.name.endsWith(extension) ? `${request.name}${extension}` : request.name
    let file = onlyFile
    if (basename(onlyFile) !== name) {
      file = join(await mkdtemp(join(stagingRoot, 'canary-artifact-')), name)
      await copyFile(onlyFile, file)
    }
    const uploaded = await client.uploadArtifact(name, [file], join(file, '..'), { retentionDays: request.retentionDays, skipArchive: true })
    return { id: uploaded.id, name, size: uploaded.size }
  }
  const uploaded = await client.uploadArtifact(request.name, request.files, request.rootDirectory, { retentionDays: request.retentionDays })
  return { id: uploaded.id, name: request.name, size: uploaded.size }
}
