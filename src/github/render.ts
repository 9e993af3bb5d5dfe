import type { IncidentRecord } from '../backends/types.js'
import { codePointLength, codeSpan as markdownCodeSpan, truncateCodePoints, type CodeSpanOptions } from '../publish/markdown.js'
import { redact } from '../secrets.js'
import { isoTime } from '../text.js'
import { incidentMarkers, incidentTag, markerLength, tokenMarker } from './markers.js'

// The issues and comments report-incidents writes. Every field from an
// incident or a memo goes through codeSpan (publish/markdown.ts); the rest
// is ours. Bodies stay under GitHub's 65,536 code points with room to spare:
// the newest incidents are shown, the rest counted, and every incident's
// marker is written (continuation comments take what a body cannot).

/**
 * A field from outside as a code span, its secrets hidden first: whole, before
 * the span cuts it short (a cut across a secret would leave its start) or
 * escapes a `|` in it (`\|`, which redacting the body could no longer find).
 */
function codeSpan(untrusted: string, options?: CodeSpanOptions): string {
  return markdownCodeSpan(redact(untrusted), options)
}

/** GitHub refuses bodies over 65,536 code points; ours stay under this. */
export const BODY_BUDGET = 60_000
/** Rows a table shows at most: a person reads the newest; the Console has them all. */
export const MAX_TABLE_ROWS = 50
/** GitHub's title limit is 256 code points. */
const TITLE_LIMIT = 256

export interface TokenFacts {
  canarytoken: string
  kind: string
  memo: string
  flockId?: string
  /** The Console's origin, for the link. */
  consoleUrl: string
}

export function issueTitle(token: TokenFacts): string {
  const kind = codeSpan(token.kind || 'unknown kind', { maxLength: 40 })
  // Shortened until it fits whole: a code span cut short would let the rest of the memo out as markup.
  for (let length = 160; length > 0; length = Math.floor(length * 0.7)) {
    const memo = token.memo ? codeSpan(token.memo, { maxLength: length }) : 'a Canarytoken without memo'
    const title = redact(`Canarytoken triggered: ${memo} (${kind})`)
    if (codePointLength(title) <= TITLE_LIMIT) return title
  }
  return truncateCodePoints(redact(`Canarytoken triggered (${kind})`), TITLE_LIMIT)
}

function incidentRows(incidents: readonly IncidentRecord[]): string[] {
  return incidents.map((incident) =>
    [
      codeSpan(isoTime(incident.created), { inTable: true }),
      codeSpan(incident.srcHost, { inTable: true, maxLength: 100 }),
      codeSpan(incident.event ?? '', { inTable: true, maxLength: 300 }),
      codeSpan(incident.userAgent ?? '', { inTable: true, maxLength: 300 })
    ].join(' | ')
  ).map((cells) => `| ${cells} |`)
}

const TABLE_HEAD = ['| Time (UTC) | Source address | Event | User agent |', '| --- | --- | --- | --- |']

export interface Rendered {
  body: string
  /** Tags of the incidents this body marks. */
  tags: string[]
  /** Tags that did not fit: each goes into a continuation comment (renderContinuation). */
  overflow: string[]
}

/**
 * The table of `incidents` (newest first), as many rows as `budget` and
 * MAX_TABLE_ROWS allow, and a line counting the rest.
 */
function table(incidents: readonly IncidentRecord[], budget: number): string[] {
  const newest = [...incidents].sort((a, b) => b.created.getTime() - a.created.getTime())
  const rows = incidentRows(newest.slice(0, MAX_TABLE_ROWS))
  const lines = [...TABLE_HEAD]
  let used = codePointLength(lines.join('\n'))
  let shown = 0
  for (const row of rows) {
    const size = codePointLength(row) + 1
    if (used + size > budget) break
    lines.push(row)
    used += size
    shown++
  }
  const rest = incidents.length - shown
  if (rest > 0) lines.push('', `${rest} older incident${rest === 1 ? ' is' : 's are'} not shown here (GitHub limits a body's length); the Console has ${rest === 1 ? 'it' : 'them all'}.`)
  return lines
}

/** Splits `tags` into what fits a body beside `used` code points, and the rest. */
function fitTags(tags: readonly string[], used: number): { fitted: string[]; overflow: string[] } {
  let count = tags.length
  while (count > 0 && used + markerLength(count) > BODY_BUDGET) count = Math.floor(count * 0.9)
  return { fitted: tags.slice(0, count), overflow: tags.slice(count) }
}

/**
 * The body: its text redacted, then the marker lines, redacted apart. The
 * markers are ours (the token's id, hashes of incident keys) and are how the
 * next run finds its issues and knows what is on them, so a text that redact
 * withholds (see secrets.ts) never takes them along, and `tags` are only ever
 * returned for markers written as they are: should redacting change them,
 * nothing is written.
 */
function assemble(lines: string[], tags: string[], leading: string[] = []): string {
  const content = redact(lines.join('\n'))
  const markers = [...leading, ...incidentMarkers(tags)].join('\n')
  if (markers === '') return `${content}\n`
  if (redact(markers) !== markers) throw new Error('an issue marker holds a value registered as a secret, so the issue is not written; nothing is acknowledged')
  return `${content}\n\n${markers}`
}

const FOOTER = '<sub>Filed by canary-console-action from the Console\'s incidents. Everything in code is shown as the Console recorded it: an attacker wrote it.</sub>'

/** A new issue for the token, with its incidents; `follows` is the token's earlier, closed issue. */
export function renderIssue(token: TokenFacts, incidents: readonly IncidentRecord[], follows?: number): Rendered {
  const head = [
    `A Canarytoken fired: ${incidents.length === 1 ? 'one incident' : `${incidents.length} incidents`} on the Console. Someone used or opened what this token guards.`,
    '',
    '| Canarytoken | |',
    '| --- | --- |',
    `| Id | ${codeSpan(token.canarytoken, { inTable: true })} |`,
    `| Kind | ${codeSpan(token.kind, { inTable: true })} |`,
    `| Memo | ${codeSpan(token.memo, { inTable: true, maxLength: 2000 })} |`,
    `| Flock | ${codeSpan(token.flockId ?? '', { inTable: true })} |`,
    `| Console | [${new URL(token.consoleUrl).host}](${new URL(token.consoleUrl).origin}/) |`,
    '',
    ...(follows !== undefined ? [`This token's earlier issue #${follows} was closed; these incidents came after it.`, ''] : []),
    '### Incidents',
    ''
  ]
  return renderWithTable(head, incidents, [tokenMarker(token.canarytoken)])
}

/** A comment on the token's open issue with its new incidents. */
export function renderComment(incidents: readonly IncidentRecord[]): Rendered {
  const head = [`${incidents.length === 1 ? 'One more incident' : `${incidents.length} more incidents`} on this Canarytoken:`, '']
  return renderWithTable(head, incidents)
}

function renderWithTable(head: string[], incidents: readonly IncidentRecord[], leading: string[] = []): Rendered {
  const tags = incidents.map((incident) => incidentTag(incident.id))
  const headSize = codePointLength([...head, FOOTER, ...leading].join('\n')) + 16
  // The table takes at most half the body; the markers (every incident's) the rest, as far as they fit.
  const lines = [...head, ...table(incidents, Math.min(BODY_BUDGET / 2, BODY_BUDGET - headSize - markerLength(Math.min(tags.length, 2000)))), '', FOOTER]
  const { fitted, overflow } = fitTags(tags, codePointLength(lines.join('\n')) + codePointLength(leading.join('\n')) + 2)
  return { body: assemble(lines, fitted, leading), tags: fitted, overflow }
}

/** A comment that only records more incidents (those a long table counted) for exactly-once reporting. */
export function renderContinuation(tags: readonly string[]): Rendered {
  const lines = [`(${tags.length === 1 ? 'One more incident' : `${tags.length} more incidents`} of the table above, recorded so that no run reports ${tags.length === 1 ? 'it' : 'them'} again.)`]
  const { fitted, overflow } = fitTags(tags, codePointLength(lines.join('\n')) + 2)
  return { body: assemble(lines, fitted), tags: fitted, overflow }
}

/** What a duplicate issue (two runs overlapped) is left saying: no markers, so nothing reads it as the token's issue. */
export function duplicateBody(winner: number): string {
  return `Two runs reported this Canarytoken at the same time; its incidents are on #${winner}. Closed as a duplicate.`
}

/** What a comment that turned out to repeat an earlier one is left saying (no markers). */
export const REPEATED_COMMENT = 'These incidents were already reported above (two runs overlapped).'
