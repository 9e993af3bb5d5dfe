// What an operation hands to publishing: outputs, a summary section, files to upload.

export type OutputValue = string | number | boolean

/** A job summary section: a heading, a table, notes below it. */
export interface SummarySection {
  heading: string
  columns: string[]
  rows: string[][]
  /** How many rows there are in all, when `rows` holds only the first ones (a long listing keeps no more than the summary shows). */
  totalRows?: number
  notes?: string[]
  /** Where all rows are when the summary cannot show them all (e.g. "the file named by the 'tokens-file' output holds them all"). */
  fullList?: string
  /** Said instead of a table when there are no rows (default: "Nothing to show."). */
  empty?: string
}

/** Files to upload as one workflow artifact once the operation succeeded. */
export interface ArtifactRequest {
  name: string
  retentionDays?: number
  files: string[]
  rootDirectory: string
}

