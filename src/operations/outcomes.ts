import { withoutFullStops } from '../text.js'

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

/**
 * A bulk change whose outcome list could not be written once the server had
 * changed: the changes stand, so the step's error says what was done, and
 * the log names every changed item (the file that would have is missing).
 */
export function unwrittenOutcomes(options: {
  /** 'acknowledged', 'disabled', ... */
  past: string
  noun: string
  /** The changed items' ids, and what they are called: 'incident key', 'Canarytoken'. */
  changedIds: readonly string[]
  idName: string
  matched: number
  failed: number
  dryRun: boolean
  reason: string
  log: { info(message: string): void }
}): string {
  const { past, noun, changedIds, idName, matched, failed, dryRun, reason, log } = options
  if (changedIds.length > 0) log.info(`${past.charAt(0).toUpperCase()}${past.slice(1)}, by ${idName}: ${changedIds.join(', ')}`)
  const done = dryRun
    ? `nothing was ${past} (dry run; ${counted(matched, `matched ${noun}`)})`
    : `${past} ${changedIds.length} of ${counted(matched, `matched ${noun}`)} (${failed} failed)`
  return `${done}, but writing the list of outcomes failed: ${withoutFullStops(reason)}`
}
