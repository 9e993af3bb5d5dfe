import type { AttemptAnswer, AttemptGate } from './transport.js'

/** The most requests bulk operations send at once (Thinkst's own delete_tokens_threaded.py runs 100 workers). */
export const MAX_CONCURRENCY = 100

/** Statuses that say "too much, slow down": rate limiting, and a Console that is overloaded. */
const THROTTLE_STATUSES = new Set([429, 503])

export interface AdaptiveConcurrencyOptions {
  /** The most attempts in flight before any throttling (default MAX_CONCURRENCY). */
  max?: number
  /** For tests. */
  now?: () => number
  /** Told when the limit changes (for the log). */
  onChange?: (message: string) => void
}

/**
 * The transport's gate: how many attempts may be in flight at once, adapted
 * to what the Console says (additive increase, multiplicative decrease, as
 * TCP does). Every attempt, retries included, passes through it, so the count
 * is exact whatever the pool around it does.
 *
 * - A 429 or 503 halves the limit (from the most that were in flight since
 *   the last change), once per burst: answers to attempts sent before that
 *   change do not halve it again.
 * - A `Retry-After` holds every new attempt until it has passed.
 * - Each run of `limit` successes (of attempts sent since the last decrease)
 *   raises the limit by one, back up to the ceiling.
 * - A 429 also lowers the ceiling to the halved limit: the Console said how
 *   much is too much, and a rate limit is its policy, which does not change
 *   within a step; probing above it again would only earn more 429s. A 503
 *   (an overload, which passes) leaves the ceiling where it was.
 *
 * A ceiling guessed from how many were in flight when a 429 came would be
 * wrong both ways: attempts reach the Console in another order than they
 * leave here, and answered ones are still counted here until read.
 */
export class AdaptiveConcurrency implements AttemptGate {
  private limitValue: number
  private ceilingValue: number
  private inFlight = 0
  /** The most in flight since the limit last went down. */
  private peak = 0
  private successes = 0
  /** Bumped on every decrease: an answer to an attempt from an older epoch does not decrease again. */
  private epoch = 0
  private pausedUntil = 0
  private waiters: (() => void)[] = []
  private pauseTimer: NodeJS.Timeout | undefined
  private readonly now: () => number

  constructor(private readonly options: AdaptiveConcurrencyOptions = {}) {
    this.limitValue = options.max ?? MAX_CONCURRENCY
    this.ceilingValue = this.limitValue
    this.now = options.now ?? Date.now
  }

  /** Attempts allowed in flight now. */
  get limit(): number {
    return this.limitValue
  }

  /** The most the limit may grow back to. */
  get ceiling(): number {
    return this.ceilingValue
  }

  get active(): number {
    return this.inFlight
  }

  async enter(): Promise<(answer: AttemptAnswer) => void> {
    for (;;) {
      const wait = this.pausedUntil - this.now()
      if (wait > 0) await this.pause(wait)
      else if (this.inFlight >= this.limitValue) await new Promise<void>((wake) => this.waiters.push(wake))
      else break
    }
    this.inFlight++
    this.peak = Math.max(this.peak, this.inFlight)
    const epoch = this.epoch
    let left = false
    return (answer) => {
      if (left) return
      left = true
      this.leave(epoch, answer)
    }
  }

  private leave(epoch: number, answer: AttemptAnswer): void {
    this.inFlight--
    if (answer.status !== undefined && THROTTLE_STATUSES.has(answer.status)) {
      if (epoch === this.epoch) {
        const used = Math.min(this.limitValue, this.peak)
        this.limitValue = Math.max(1, Math.floor(used / 2))
        this.epoch++
        this.peak = this.inFlight
        this.successes = 0
        // Said only when it slows something down: one request at a time stays one.
        if (this.limitValue < used) {
          const count = this.limitValue === 1 ? '1 request' : `${this.limitValue} requests`
          this.options.onChange?.(`The Console answered HTTP ${answer.status}: sending at most ${count} at once from now on.`)
        }
      }
      if (answer.status === 429) this.ceilingValue = Math.min(this.ceilingValue, this.limitValue)
      if (answer.retryAfterMs !== undefined && answer.retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, this.now() + answer.retryAfterMs)
    } else if (answer.status !== undefined && answer.status < 400 && epoch === this.epoch && this.limitValue < this.ceilingValue) {
      this.successes++
      if (this.successes >= this.limitValue) {
        this.successes = 0
        this.limitValue++
      }
    }
    this.wake(this.limitValue - this.inFlight)
  }

  /** Wakes the longest waiting; each checks again itself (one loop decides), so a wake-up too many costs a turn, never a slot. */
  private wake(count = this.waiters.length): void {
    for (const wake of this.waiters.splice(0, Math.max(0, count))) wake()
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((done) => {
      this.waiters.push(done)
      // One timer for every waiter: it wakes them all when the pause ends.
      if (!this.pauseTimer) {
        this.pauseTimer = setTimeout(() => {
          this.pauseTimer = undefined
          this.wake()
        }, ms)
      }
    })
  }
}
