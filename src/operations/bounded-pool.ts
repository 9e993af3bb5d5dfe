import { chosenBackend, integerInput, type InputReader } from '../inputs.js'

import { ApiError, reasonWithAttempts } from '../http/errors.js'
import { MAX_CONCURRENCY } from '../http/gate.js'

export { MAX_CONCURRENCY }

/** `concurrency` when it is not set, against the Console. */
export const CONSOLE_CONCURRENCY = 20
/**
 * `concurrency` when it is not set, against a Canarytokens server:
 * canarytokens.org is a free service others share, so a seed goes gently
 * (set `concurrency` higher against a server of your own).
 */
export const CANARYTOKENS_SERVER_CONCURRENCY = 2

/** The `concurrency` input: how many items a bulk operation works on at once (the gate may allow fewer). */
export function concurrencyInput(inputs: InputReader): number {
  const fallback = chosenBackend(inputs) === 'canarytokens-server' ? CANARYTOKENS_SERVER_CONCURRENCY : CONSOLE_CONCURRENCY
  return integerInput(inputs, 'concurrency', { min: 1, max: MAX_CONCURRENCY, fallback }) as number
}

/**
 * Runs `work` on every item with at most `concurrency` at once, in order of
 * the items, and resolves with the results in the same order once all are
 * done. `work` must not throw (it returns the outcome, failures included), so
 * one failure never stops the others. A dozen lines did not earn a dependency.
 */
export async function mapWithConcurrency<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item, index: number) => Promise<Result>
): Promise<Result[]> {
  const results = new Array<Result>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as Item, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  return results
}


/** One item of a bulk change; its outcome is recorded on it. */
export interface ChangeItem {
  outcome: string
  message?: string
}

export interface ChangeEachOptions<Item> {
  /** Whether a failure means the thing was already gone (the goal holds): the item is `skipped` with this message. */
  gone?: (error: unknown) => string | undefined
  /** Told about each failure, e.g. to log it. */
  failed?: (item: Item, message: string) => void
}

/**
 * Changes every item, `concurrency` at a time, recording each outcome on
 * it: `changed` with what `change` says it did, `skipped` when it was
 * already gone, `failed` with the reason (and its attempts). A refused auth
 * token refuses every request: after the first refusal no new request is
 * started, and the items left are `failed` as "not tried", so every item is
 * reported and none is silently left out.
 */
export async function changeEach<Item extends ChangeItem>(
  items: Item[],
  concurrency: number,
  change: (item: Item) => Promise<string>,
  options: ChangeEachOptions<Item> = {}
): Promise<void> {
  let refusedBy: string | undefined
  await mapWithConcurrency(items, concurrency, async (item) => {
    if (refusedBy) {
      Object.assign(item, { outcome: 'failed', message: `not tried: ${refusedBy}` })
      return
    }
    try {
      Object.assign(item, { outcome: 'changed', message: await change(item) })
    } catch (error) {
      const gone = options.gone?.(error)
      if (gone !== undefined) {
        Object.assign(item, { outcome: 'skipped', message: gone })
        return
      }
      const message = reasonWithAttempts(error)
      if (error instanceof ApiError && error.failure === 'unauthorized') refusedBy ??= message
      Object.assign(item, { outcome: 'failed', message })
      options.failed?.(item, message)
    }
  })
}
