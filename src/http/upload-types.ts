import { extname } from 'node:path'

/**
 * The MIME type each file sent with create carries, from its extension. The
 * reference sends `-F 'web_image=@x.png; type=image/png'` (and the like for
 * `doc` and `pdf`), and Thinkst's Python client refuses to upload without a
 * type, so every part names one.
 */
export const UPLOAD_MIME_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.exe': 'application/octet-stream',
  '.dll': 'application/octet-stream'
}

/** The MIME type for a file by its extension, or undefined when the extension is not one we know. */
export function uploadMimeType(path: string): string | undefined {
  return UPLOAD_MIME_TYPES[extname(path).toLowerCase()]
}
