/** Letters and digits only, lower case: `create-canary-token`, `Create_CanaryToken` and `createcanarytoken` read alike. */
function squashed(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** Edit distance (insert, delete, substitute, swap of neighbours), enough for typos in short names. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (rows[i]?.[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      ;(rows[i] as number[])[j] = best
    }
  }
  return rows[a.length]?.[b.length] ?? 0
}

/**
 * The known name a mistyped one most likely meant: the same letters in
 * another case or with other separators, else the one closest by edit
 * distance when it is close enough (at most 2 edits, and fewer than a third
 * of the name, or one swap of neighbours). Undefined when nothing is that close.
 */
export function nearMiss(value: string, known: readonly string[]): string | undefined {
  if (!value) return undefined
  const wanted = squashed(value)
  const same = known.find((name) => squashed(name) === wanted)
  if (same !== undefined) return same
  let best: { name: string; edits: number } | undefined
  for (const name of known) {
    const candidate = squashed(name)
    const edits = distance(wanted, candidate)
    // Two neighbours swapped is a typo at any length ('dsn' for 'dns'), though one edit in three letters is not.
    const swapped = edits === 1 && wanted.length === candidate.length && [...wanted].sort().join('') === [...candidate].sort().join('')
    if (edits <= 2 && (swapped || edits * 3 < Math.max(wanted.length, 3)) && (!best || edits < best.edits)) best = { name, edits }
  }
  return best?.name
}

/** Suggestions of this kind that are worth showing at most. */
const MAX_SUGGESTIONS = 4

/**
 * The known names a wrong one may have meant: the near miss (nearMiss), else
 * every name that holds the typed word as one of its parts (`msword` ->
 * `doc-msword`, `msword-macro`; `aws` -> `aws-id`, `aws-s3`), at most a few.
 */
export function nearMisses(value: string, known: readonly string[]): string[] {
  const guess = nearMiss(value, known)
  if (guess !== undefined) return [guess]
  const word = squashed(value)
  if (word.length < 3) return []
  const holding = known.filter((name) => name.toLowerCase().split(/[^a-z0-9]+/).includes(word))
  return holding.length <= MAX_SUGGESTIONS ? holding : []
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
function quotedChoice(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`)
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '')
}

/** `; did you mean 'x'?` (or `'x' or 'y'`) when known names are close, else ''. */
export function didYouMean(value: string, known: readonly string[]): string {
  const guesses = nearMisses(value, known)
  return guesses.length === 0 ? '' : `; did you mean ${quotedChoice(guesses)}?`
}

/**
 * The refusal of a name that is not one of `known`: with a near miss, the
 * guess comes first and the (long) list after it, so the hint is read;
 * without one, the list and then what was given.
 */
export function unknownNameMessage(input: string, given: string, what: string, known: readonly string[]): string {
  const hint = didYouMean(given, known)
  if (hint) return `Input '${input}': '${given}' is not ${what}${hint} It must be one of: ${known.join(', ')}.`
  return `Input '${input}' must be one of: ${known.join(', ')}; '${given}' is not ${what}.`
}
