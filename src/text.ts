// Counting text as people and GitHub do: by Unicode code point, never by UTF-16 unit.

/**
 * The number of Unicode code points: characters as people count them (an
 * emoji is one, not the two UTF-16 units `string.length` counts), and as the
 * servers do: the Console and a Canarytokens server check memos with Python's
 * len(), GitHub a body's length with Ruby's String#length. Every length we
 * check or report uses this.
 */
export function codePointLength(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) index++
    }
    count++
  }
  return count
}

/** At most `max` code points of `text`, never splitting a surrogate pair; `…` marks a cut. */
export function truncateCodePoints(text: string, max: number): string {
  if (codePointLength(text) <= max) return text
  let result = ''
  let count = 0
  for (const character of text) {
    if (count >= max - 1) break
    result += character
    count++
  }
  return `${result}…`
}

/** A date as ISO 8601 text; empty for an invalid one (a server's hit without a time), which toISOString would throw on. */
export function isoTime(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/**
 * A log line starting with `::` is a command to the runner, and so is one
 * holding `##[` anywhere (the runner's older form, `##[stop-commands]token`,
 * still parsed), and info lines carry text from the Console (hostnames,
 * memos, messages): a hostile answer must not be able to issue one
 * (`::stop-commands::` would switch off the masks we add later). The runner
 * trims what .NET counts as white space before looking for `::`: JavaScript's
 * \s and U+0085 (NEL, which \s lacks). The other levels are commands
 * already, which @actions/core escapes. The white space after a line break
 * holds no line break itself: `\s*` would run on through every following
 * line of a text of line breaks at each of them, time quadratic in their number.
 */
export function defuseCommands(message: string): string {
  return message.replace(LINE_THEN_COMMAND, '$1$2: :').replace(/##\[/g, '# #[')
}

/** A line's start, its leading white space (no line break), then `::`. */
const LINE_THEN_COMMAND = /(^|[\r\n])([\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*)::/g

/**
 * The text without the full stops it ends with, to join sentences into one. By index, not `/\.+$/`: that tries
 * each dot of a run as a start and runs on to the run's end, time quadratic in a run of dots before a word
 * (100,000: 10 s), and the text holds a server's message.
 */
export function withoutFullStops(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 0x2e) end--
  return text.slice(0, end)
}
