import * as core from '@actions/core'
import type { SummarySection } from '../operations/types.js'
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

/** Writes the section to the job summary; a run without one (a local run) skips it quietly. */
export async function publishSummary(section: SummarySection): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = section.rows.slice(0, MAX_SUMMARY_ROWS)
  const summary = core.summary
    .addHeading(escapeHtml(section.heading), 3)
    .addTable([section.columns.map((column) => ({ data: escapeHtml(column), header: true })), ...rows.map((row) => row.map(cell))])
  if (section.rows.length > rows.length) {
    summary.addRaw(`<p>${section.rows.length - rows.length} more rows are not shown; ${cell(section.fullList ?? 'the step outputs hold them all')}.</p>`, true)
  }
  for (const note of section.notes ?? []) summary.addRaw(`<p>${cell(note)}</p>`, true)
  await summary.write()
}
