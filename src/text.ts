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

/** A date as ISO 8601 text; empty for an invalid one (a server's hit without a time), which toISOString would throw on. */
export function isoTime(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}
