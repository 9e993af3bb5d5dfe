import * as core from '@actions/core'
import type { SummarySection } from './types.js'
import { redact } from '../secrets.js'
import { truncateCodePoints, visibleControls } from './markdown.js'

/** Rows beyond this are left out of the job summary (it has a size limit), with a note saying so. */
export const MAX_SUMMARY_ROWS = 300
/** Code points of a cell shown (after redaction, so no cut leaves part of a secret): a memo is a sentence, and a hostile server's megabyte one would crowd out every other row. */
export const MAX_CELL = 1000
/**
 * Bytes of table rows a section holds at most: GitHub refuses a step's whole summary above 1 MiB, so rows past
 * this are left out with the note that says so, and the heading and notes keep their room.
 */
export const MAX_TABLE_BYTES = 768 * 1024

/** Escapes text for the job summary, which is HTML: memos and names come from users and the Console. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** A cell of text from outside: HTML-escaped, its control characters (line breaks, bidi overrides) shown as escapes. */
function cell(text: string): string {
  return escapeHtml(visibleControls(truncateCodePoints(redact(text), MAX_CELL)))
}

/**
 * The section's table as HTML, written here rather than by core.summary's
 * addTable (which leaves an empty cell as an unclosed `<td>`). Columns that
 * are empty in every row are left out: they say nothing.
 */
export function tableHtml(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return table(columns, rows).html
}

/** The table of as many of `rows` as fit in MAX_TABLE_BYTES, and how many that is. */
function table(columns: readonly string[], rows: readonly (readonly string[])[]): { html: string; shownRows: number } {
  const shown = columns.map((_, index) => rows.some((row) => (row[index] ?? '') !== ''))
  const head = columns.filter((_, index) => shown[index]).map((column) => `<th>${escapeHtml(column)}</th>`)
  const body: string[] = []
  let bytes = 0
  for (const row of rows) {
    const html = `<tr>${columns.flatMap((_, index) => (shown[index] ? [`<td>${cell(row[index] ?? '')}</td>`] : [])).join('')}</tr>`
    bytes += Buffer.byteLength(html)
    if (bytes > MAX_TABLE_BYTES && body.length > 0) break
    body.push(html)
  }
  return { html: `<table><tr>${head.join('')}</tr>${body.join('')}</table>`, shownRows: body.length }
}

/** Writes the section to the job summary; a run without one (a local run) skips it quietly. */
export async function publishSummary(section: SummarySection): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = section.rows.slice(0, MAX_SUMMARY_ROWS)
  const summary = core.summary.addHeading(escapeHtml(section.heading), 3)
  // No header row over an empty table: say what the emptiness means.
  let shownRows = 0
  if (rows.length === 0) summary.addRaw(`<p>${cell(section.empty ?? 'Nothing to show.')}</p>`, true)
  else {
    const made = table(section.columns, rows)
    shownRows = made.shownRows
    summary.addRaw(made.html, true)
  }
  const total = Math.max(section.totalRows ?? 0, section.rows.length)
  if (total > shownRows) {
    summary.addRaw(`<p>${total - shownRows} more rows are not shown; ${cell(section.fullList ?? 'the step outputs hold them all')}.</p>`, true)
  }
  for (const note of section.notes ?? []) summary.addRaw(`<p>${cell(note)}</p>`, true)
  await summary.write()
}
