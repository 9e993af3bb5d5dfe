import * as core from '@actions/core'
import type { SummarySection } from './types.js'
import { redact } from '../secrets.js'

/** Rows beyond this are left out of the job summary (it has a size limit), with a note saying so. */
export const MAX_SUMMARY_ROWS = 300

/** Escapes text for the job summary, which is HTML: memos and names come from users and the Console. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

function cell(text: string): string {
  return escapeHtml(redact(text))
}

/**
 * The section's table as HTML, written here rather than by core.summary's
 * addTable (which leaves an empty cell as an unclosed `<td>`). Columns that
 * are empty in every row are left out: they say nothing.
 */
export function tableHtml(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const shown = columns.map((_, index) => rows.some((row) => (row[index] ?? '') !== ''))
  const head = columns.filter((_, index) => shown[index]).map((column) => `<th>${escapeHtml(column)}</th>`)
  const body = rows.map((row) => `<tr>${columns.flatMap((_, index) => (shown[index] ? [`<td>${cell(row[index] ?? '')}</td>`] : [])).join('')}</tr>`)
  return `<table><tr>${head.join('')}</tr>${body.join('')}</table>`
}

/** Writes the section to the job summary; a run without one (a local run) skips it quietly. */
export async function publishSummary(section: SummarySection): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = section.rows.slice(0, MAX_SUMMARY_ROWS)
  const summary = core.summary.addHeading(escapeHtml(section.heading), 3)
  // No header row over an empty table: say what the emptiness means.
  if (rows.length === 0) summary.addRaw(`<p>${cell(section.empty ?? 'Nothing to show.')}</p>`, true)
  else summary.addRaw(tableHtml(section.columns, rows), true)
  const total = Math.max(section.totalRows ?? 0, section.rows.length)
  if (total > rows.length) {
    summary.addRaw(`<p>${total - rows.length} more rows are not shown; ${cell(section.fullList ?? 'the step outputs hold them all')}.</p>`, true)
  }
  for (const note of section.notes ?? []) summary.addRaw(`<p>${cell(note)}</p>`, true)
  await summary.write()
}
