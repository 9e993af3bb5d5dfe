import { createHash } from 'node:crypto'

// Exactly-once reporting: every issue and comment report-incidents writes
// carries markers, HTML comments GitHub does not render, each a whole line
// of its own:
//
//   <!-- canary-console-action:token <canarytoken id> -->
//   <!-- canary-console-action:incidents <tag> <tag> ... -->
//
// A tag stands for one Console incident key (a hash: keys are ~50
// characters, tags 12, so thousands fit in a body). They are read back
// from the issue listing and the comments, never from search (an index
// that lags minutes behind). Untrusted text is never a line of its own in
// what we write (publish/markdown.ts shows line breaks as escapes inside
// code spans), so an attacker's user agent cannot forge a marker.

const PREFIX = 'canary-console-action'
const TOKEN_MARKER = new RegExp(`^<!-- ${PREFIX}:token ([A-Za-z0-9][A-Za-z0-9_.:-]{0,199}) -->$`, 'm')
const INCIDENTS_MARKER = new RegExp(`^<!-- ${PREFIX}:incidents ([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*) -->$`, 'gm')

/** A Console incident key as a marker tag: 12 characters of its SHA-256 (72 bits; collisions are not a concern at any Console's scale). */
export function incidentTag(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, 12)
}

export function tokenMarker(canarytoken: string): string {
  return `<!-- ${PREFIX}:token ${canarytoken} -->`
}

/** Marker lines for these tags, at most `perLine` tags a line (lines stay short enough for any editor). */
export function incidentMarkers(tags: readonly string[], perLine = 200): string[] {
  const lines: string[] = []
  for (let start = 0; start < tags.length; start += perLine) lines.push(`<!-- ${PREFIX}:incidents ${tags.slice(start, start + perLine).join(' ')} -->`)
  return lines
}

/** Characters the marker lines of `count` tags take (for body budgets). */
export function markerLength(count: number, perLine = 200): number {
  const lines = Math.ceil(count / perLine)
  return count * 13 + lines * (`<!-- ${PREFIX}:incidents  -->`.length + 1)
}

/** The token a body's token marker names, if it has one. */
export function markedToken(body: string | null | undefined): string | undefined {
  return TOKEN_MARKER.exec(body ?? '')?.[1]
}

/** Every incident tag a body's markers name. */
export function markedIncidents(body: string | null | undefined): string[] {
  const tags: string[] = []
  for (const match of (body ?? '').matchAll(INCIDENTS_MARKER)) tags.push(...(match[1] as string).split(' '))
  return tags
}
