/** What a removal reports when a retry found the thing gone: an earlier attempt, whose answer was lost, did it. */
export const ALREADY_DONE = 'an earlier attempt had already done it (its answer was lost; the retry found nothing left to remove)'

/** The log suffix for a removal: empty, or why there was nothing left to remove. */
export function alreadyDoneSuffix(alreadyDone: boolean | undefined): string {
  return alreadyDone ? `: ${ALREADY_DONE}` : ''
}

/** The summary note for a removal, if any. */
export function alreadyDoneNotes(alreadyDone: boolean | undefined): string[] | undefined {
  return alreadyDone ? [`${ALREADY_DONE.charAt(0).toUpperCase()}${ALREADY_DONE.slice(1)}.`] : undefined
}

/** A count as English: `1 Canarytoken`, `2 Canarytokens`, `1 page`. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`
}
