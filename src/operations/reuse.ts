import { setTimeout as sleep } from 'node:timers/promises'
import { createCanarytoken, deleteCanarytoken, fetchCanarytoken, findCanarytokens, type Canarytoken } from '../backends/console/canarytokens.js'
import type { HttpTransport, FileParams, Params } from '../http/transport.js'
import { isNotFound } from '../http/errors.js'
import { errorMessage } from '../errors.js'

export interface MadeToken {
  token: Canarytoken
  /** The Console's answer (create's, or fetch's for a reused token). */
  answer: unknown
  /** An existing token with this kind, memo and flock was returned instead of a new one. */
  reused: boolean
}

/**
 * How long a run that just created a token waits before its second look.
 * Longer than the gap between two runs' searches and creates on a loaded
 * Console, so a create that landed just after the first look is seen.
 */
export const SECOND_LOOK_MS = 1000

/** The order every run agrees on: oldest `created` first, ties broken by token id. */
export function reuseOrder(a: Canarytoken, b: Canarytoken): number {
  const byTime = Number(a.created ?? 0) - Number(b.created ?? 0)
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime
  return a.canarytoken < b.canarytoken ? -1 : a.canarytoken > b.canarytoken ? 1 : 0
}

/** The token every run with this kind, memo and flock converges on. */
export function reuseWinner(tokens: readonly Canarytoken[]): Canarytoken | undefined {
  return [...tokens].sort(reuseOrder)[0]
}

type CreateRequest = Params & { kind: string; memo: string; flock_id?: string }

async function reuseExisting(transport: HttpTransport, existing: Canarytoken): Promise<MadeToken> {
  // Read it back whole: a search result need not carry every field (e.g. aws-id keys).
  const answer = await fetchCanarytoken(transport, existing.canarytoken)
  return { token: answer.token, answer, reused: true }
}

/**
 * Creates a token, or with `reuse` returns the one token of this kind whose
 * memo is exactly this memo (in the same flock, when one is named).
 *
 * The Console has no lock, so overlapping runs (a matrix, parallel jobs) can
 * each find nothing and each create. They converge instead: a run that
 * created searches the memo again, a moment later (SECOND_LOOK_MS), so a
 * create that landed just after its first search, in the same second or
 * not, is seen; every run picks the same winner from what it sees (the
 * oldest, ties by token id); a run whose own new token lost deletes it and
 * returns the winner as reused. Only a create path pays the pause; finding
 * an existing token costs one search and one fetch. With `enabledOnly`, a
 * disabled token (which alerts no one) is never returned nor counted.
 */
export async function createOrReuse(
  transport: HttpTransport,
  params: CreateRequest,
  files: FileParams,
  reuse: boolean,
  { enabledOnly = false }: { enabledOnly?: boolean } = {}
): Promise<MadeToken> {
  if (!reuse) {
    const answer = await createCanarytoken(transport, params, files)
    return { token: answer.canarytoken, answer, reused: false }
  }
  const search = () =>
    findCanarytokens(transport, { kind: params.kind, memoEquals: params.memo, flockId: params.flock_id, ...(enabledOnly ? { active: true } : {}) })
  const existing = reuseWinner(await search())
  if (existing) return reuseExisting(transport, existing)

  // A create whose answer was lost is settled by searching for it; when other
  // runs made the same token meanwhile, this run cannot tell which is its own,
  // so it takes the winner as its answer and, below, retires every loser itself.
  let ownUnknown = false
  const pickAmongSeveral = (tokens: Canarytoken[]): Canarytoken => {
    ownUnknown = true
    return reuseWinner(tokens) as Canarytoken
  }
  const created = await createCanarytoken(transport, params, files, { pickAmongSeveral })
  const own = created.canarytoken
  await sleep(SECOND_LOOK_MS)
  const found = (await search()).filter((token) => token.canarytoken !== own.canarytoken)
  const winner = reuseWinner([own, ...found]) as Canarytoken
  if (ownUnknown) {
    // Every token but the winner goes, by the rule every run follows; the run that made one may be deleting it too.
    for (const loser of found.filter((token) => token.canarytoken !== winner.canarytoken)) await deleteLoser(transport, loser.canarytoken, winner)
  }
  if (winner.canarytoken === own.canarytoken) return { token: own, answer: created, reused: false }

  // Another run made the same token first: ours goes, theirs is the answer.
  await deleteLoser(transport, own.canarytoken, winner, true)
  return reuseExisting(transport, winner)
}

/** Deletes a token that lost to `winner`; one already gone was deleted by another run following the same rule. */
async function deleteLoser(transport: HttpTransport, loser: string, winner: Canarytoken, ownToken = false): Promise<void> {
  try {
    await deleteCanarytoken(transport, loser)
  } catch (error) {
    if (isNotFound(error)) return
    throw new Error(
      `another run made the Canarytoken ${winner.canarytoken} with this memo at the same time, so ${ownToken ? `the one this run made (${loser})` : loser} ` +
        `should go, but deleting it failed (${errorMessage(error)}); delete ${loser} with delete-canarytoken`
    )
  }
}
