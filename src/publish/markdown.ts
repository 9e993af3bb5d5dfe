// Text from outside (incident fields an attacker wrote: user agents, URLs,
// hostnames; memos from branch names) in GitHub-flavoured Markdown: shown as
// it was, but never markup. Everything untrusted goes into a code span,
// where GitHub renders no mention, link, autolink, image, HTML or issue
// reference; the span is fenced with more backticks than the text holds, so
// the text cannot close it; line breaks and other control characters are
// shown as escapes, so the text can neither end the table row nor start a
// line of its own (our exactly-once markers are whole lines: see
// github/markers.ts); a `|` is escaped inside tables, where GFM would read
// it as a cell border even in a code span.

import { codePointLength, truncateCodePoints } from '../text.js'

export { codePointLength, truncateCodePoints }

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Control characters (C0, DEL, C1), line and paragraph separators, and the
 * bidirectional and invisible formatting characters that could make text
 * read as something else, as visible escapes (`\n`, `\u202e`, `\u{e0041}`):
 * the Arabic letter mark (bidi), soft hyphen, fillers that draw as nothing,
 * and the tag characters and supplementary variation selectors, which hide
 * whole sentences from a person reading the issue but not from an agent (or
 * a search) reading its text. An emoji's variation selector (U+FE0F) stays.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- every character is escaped on its own
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu

export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (character) => {
    const code = character.codePointAt(0) as number
    return NAMED_ESCAPES[character] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`)
  })
}

export interface CodeSpanOptions {
  /** Inside a GFM table cell: `|` is escaped (GFM reads it as a cell border even in a code span). */
  inTable?: boolean
  /** At most this many code points of the text are shown (default 1,000); a cut is marked with `…`. */
  maxLength?: number
}

/**
 * Untrusted text as an inline code span that shows it as it was. Empty text
 * is an empty string (an empty table cell).
 */
export function codeSpan(untrusted: string, options: CodeSpanOptions = {}): string {
  if (untrusted === '') return ''
  let text = truncateCodePoints(visibleControls(untrusted), options.maxLength ?? 1000)
  if (options.inTable) text = text.replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  // A space inside each end: CommonMark strips exactly one on each side, so text that starts or ends with a backtick or a space shows whole.
  return `${fence} ${text} ${fence}`
}
