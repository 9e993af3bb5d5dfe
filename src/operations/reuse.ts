import { setTimeout as sleep } from 'node:timers/promises'
import type { ConsoleBackend } from '../backends/console/index.js'
import type { CanarytokenBackend, CreateRequest, TokenRecord } from '../backends/types.js'
import { isNotFound } from '../http/errors.js'
import { errorMessage } from '../errors.js'

export interface MadeToken {
  token: TokenRecord
  /** An existing token with this kind, memo and flock was returned instead of a new one. */
  reused: boolean
}

/**
 * How long a run that just created a token waits before a last look, when
 * its first look right after the create says other runs overlap it (or that
 * the Console's search does not show its own new token yet). Longer than the
 * gap between two runs' searches and creates on a loaded Console, so that
 * every overlapping create has landed when it looks. A run that overlaps no
 * other never waits (see createOrReuse).
 */
export const SECOND_LOOK_MS = 1000

/** The order every run agrees on: oldest `created` first, ties broken by token id. */
export function reuseOrder(a: TokenRecord, b: TokenRecord): number {
  const byTime = (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0)
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The token every run with this kind, memo and flock converges on. */
export function reuseWinner(tokens: readonly TokenRecord[]): TokenRecord | undefined {
  return [...tokens].sort(reuseOrder)[0]
}

async function reuseExisting(console: ConsoleBackend, existing: TokenRecord): Promise<MadeToken> {
  // Read it back whole: a search result need not carry every field (e.g. aws-id keys).
  return { token: await console.fetch(existing), reused: true }
}

/**
 * Creates a token, or with `reuse` returns the one token of this kind whose
 * memo is exactly this memo (in the same flock, when one is named).
 *
 * The Console has no lock, so overlapping runs (a matrix, parallel jobs) can
 * each find nothing and each create. They converge instead: every run that
 * created looks again, every run picks the same winner from what it sees
 * (the oldest `created`, ties by token id), and a run whose own new token
 * lost deletes it and returns the winner as reused.
 *
 * The second look comes right after the create, without a pause, and is
 * enough when it shows this run's own token and nothing else. Why: the
 * Console stamps `created` (microseconds; we keep milliseconds) as it stores
 * a token, and a search answers from what is stored. Our look was sent after
 * our create's answer came back, so a sibling it does not show was stored
 * after that: later than ours by at least that answer's and our look's trip,
 * so ours is older. That sibling's run then looks too, sees ours, and steps
 * back. So a run that sees no sibling is the winner in every
 * run's eyes and returns at once: a create with `reuse` that overlaps no
 * other run costs one search before and one after, and no wait.
 *
 * When the look finds a sibling, runs do overlap, and only then is it worth
 * waiting (SECOND_LOOK_MS) for a last look, so that every create of the
 * overlap has landed and all runs decide from the same tokens (this covers
 * a Console whose search lags its creates a little). The same wait is taken
 * when the look does not show our own token (a search that lags: it cannot
 * vouch for what is not there) or our token's `created` cannot be read (no
 * time order to rely on). Finding an existing token costs one search and one
 * fetch. With `enabledOnly`, a disabled token (which alerts no one) is never
 * returned nor counted.
 */
export async function createOrReuse(
  backend: CanarytokenBackend,
  request: CreateRequest,
  reuse: boolean,
  { enabledOnly = false, wait = sleep }: { enabledOnly?: boolean; wait?: (ms: number) => Promise<unknown> } = {}
): Promise<MadeToken> {
  if (!reuse) return { token: await backend.create(request), reused: false }
  // Reuse needs a listing: the table lets `reuse` reach the Console only.
  // By name, not instanceof, so the Console's modules load only for the Console (see consoleOf).
  if (backend.name !== 'console') throw new Error(`'reuse: true' needs a server that can list tokens; ${backend.description} cannot`)
  const console = backend as ConsoleBackend
  const search = () =>
    console.find({ kind: request.kind, memoEquals: request.memo, flockId: request.flockId, ...(enabledOnly ? { active: true } : {}) })
  const existing = reuseWinner(await search())
  if (existing) return reuseExisting(console, existing)

  // A create whose answer was lost is settled by searching for it; when other
  // runs made the same token meanwhile, this run cannot tell which is its own,
  // so it takes the winner as its answer and, below, retires every loser itself.
  let ownUnknown = false
  const pickAmongSeveral = (tokens: TokenRecord[]): TokenRecord => {
    ownUnknown = true
    return reuseWinner(tokens) as TokenRecord
  }
  const own = await console.create(request, { pickAmongSeveral })
  let seen = await search()
  const overlapping = seen.some((token) => token.id !== own.id) || !seen.some((token) => token.id === own.id) || own.created === undefined
  if (overlapping) {
    await wait(SECOND_LOOK_MS)
    seen = await search()
  }
  const found = seen.filter((token) => token.id !== own.id)
  const winner = reuseWinner([own, ...found]) as TokenRecord
  if (ownUnknown) {
    // Every token but the winner goes, by the rule every run follows; the run that made one may be deleting it too.
    for (const loser of found.filter((token) => token.id !== winner.id)) await deleteLoser(console, loser.id, winner)
  }
  if (winner.id === own.id) return { token: own, reused: false }

  // Another run made the same token first: ours goes, theirs is the answer.
  await deleteLoser(console, own.id, winner, true)
  return reuseExisting(console, winner)
}

/** Deletes a token that lost to `winner`; one already gone was deleted by another run following the same rule. */
async function deleteLoser(console: ConsoleBackend, loser: string, winner: TokenRecord, ownToken = false): Promise<void> {
  try {
    await console.delete({ id: loser })
  } catch (error) {
    if (isNotFound(error)) return
    throw new Error(
      `another run made the Canarytoken ${winner.id} with this memo at the same time, so ${ownToken ? `the one this run made (${loser})` : loser} ` +
        `should go, but deleting it failed (${errorMessage(error)}); delete ${loser} with delete-canarytoken`
    )
  }
}
