// Counting text as people and GitHub do: by Unicode code point, never by UTF-16 unit.

/** The number of Unicode code points: how GitHub counts a body's length (Ruby's String#length). */
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
