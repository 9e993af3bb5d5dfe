import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { deleteCanarytoken } from '../../src/backends/console/canarytokens.js'
import { HttpTransport } from '../../src/http/transport.js'
import { mapWithConcurrency, MAX_CONCURRENCY } from '../../src/operations/bounded-pool.js'
import { AdaptiveConcurrency } from '../../src/http/gate.js'
import { findSecretValues } from '../../src/secrets.js'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { consoleDialect } from '../../src/backends/console/dialect.js'

type Leave = Awaited<ReturnType<AdaptiveConcurrency['enter']>>

/** Enters `count` times at once; resolves with the ones admitted so far (the rest stay waiting). */
async function enterMany(gate: AdaptiveConcurrency, count: number): Promise<{ admitted: Leave[]; waiting: Promise<Leave>[] }> {
  const admitted: Leave[] = []
  const waiting = Array.from({ length: count }, () =>
    gate.enter().then((leave) => {
      admitted.push(leave)
      return leave
    })
  )
  // Let every admission that can happen now happen.
  for (let turn = 0; turn < 5; turn++) await Promise.resolve()
  return { admitted, waiting }
}

/** Runs `count` successful attempts through the gate, as many at once as it lets in; resolves with the most it let in at once. */
async function runAttempts(gate: AdaptiveConcurrency, count: number): Promise<number> {
  let peak = 0
  await Promise.all(
    Array.from({ length: count }, async () => {
      const leave = await gate.enter()
      peak = Math.max(peak, gate.active)
      await new Promise((resolve) => setImmediate(resolve))
      leave({ status: 200 })
    })
  )
  return peak
}

const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await Promise.resolve()
}

describe('AdaptiveConcurrency', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it('admits up to its limit and lets the next one in when one leaves', async () => {
    const gate = new AdaptiveConcurrency({ max: 3 })
    const { admitted, waiting } = await enterMany(gate, 5)
    expect(admitted).toHaveLength(3)
    expect(gate.active).toBe(3)
    admitted[0]?.({ status: 200 })
    await settle()
    expect(admitted).toHaveLength(4)
    for (const leave of [...admitted]) leave({ status: 200 })
    await Promise.all(waiting)
    expect(admitted).toHaveLength(5)
  })

  it('starts at the ceiling of 100', () => {
    expect(new AdaptiveConcurrency().limit).toBe(MAX_CONCURRENCY)
    expect(MAX_CONCURRENCY).toBe(100)
  })

  it('halves once per burst on 429, and never grows back past the halved limit', async () => {
    const gate = new AdaptiveConcurrency()
    const { admitted } = await enterMany(gate, 20)
    expect(admitted).toHaveLength(20)
    // The Console took ten; the other ten were refused (their answers arrive in any order).
    const [accepted, refused] = [admitted.slice(0, 10), admitted.slice(10)]
    refused[5]?.({ status: 429 })
    expect(gate.limit).toBe(10)
    for (const leave of refused) leave({ status: 429 })
    // Later refusals of the same burst do not halve again.
    expect(gate.limit).toBe(10)
    expect(gate.ceiling).toBe(10)
    for (const leave of accepted) leave({ status: 200 })

    // A long run of successes grows it back to the ceiling, not past it.
    expect(await runAttempts(gate, 1000)).toBe(10)
    expect(gate.limit).toBe(10)
  })

  it('halves on 503 without a ceiling, then grows back one at a time', async () => {
    const gate = new AdaptiveConcurrency({ max: 16 })
    const { admitted } = await enterMany(gate, 16)
    admitted[0]?.({ status: 503 })
    expect(gate.limit).toBe(8)
    expect(gate.ceiling).toBe(16)
    for (const leave of admitted.slice(1)) leave({ status: 200 })
    // Eight successes at a limit of eight raise it to nine, and on to where it was.
    const { admitted: next } = await enterMany(gate, 8)
    for (const leave of next) leave({ status: 200 })
    expect(gate.limit).toBe(9)
    expect(await runAttempts(gate, 500)).toBe(16)
  })

  it('a 429 after a 503 caps growth where it halved to; a later 503 grows back to that cap', async () => {
    const gate = new AdaptiveConcurrency({ max: 32 })
    let { admitted } = await enterMany(gate, 32)
    admitted[0]?.({ status: 429 })
    for (const leave of admitted.slice(1)) leave({ status: 200 })
    expect([gate.limit, gate.ceiling]).toEqual([16, 16])
    ;({ admitted } = await enterMany(gate, 16))
    admitted[0]?.({ status: 503 })
    for (const leave of admitted.slice(1)) leave({ status: 200 })
    expect([gate.limit, gate.ceiling]).toEqual([8, 16])
    expect(await runAttempts(gate, 1000)).toBe(16)
  })

  it('says when it slows down, and only then', async () => {
    const said: string[] = []
    const gate = new AdaptiveConcurrency({ onChange: (message) => said.push(message) })
    let { admitted } = await enterMany(gate, 1)
    admitted[0]?.({ status: 429 })
    expect(said).toEqual([])
    ;({ admitted } = await enterMany(gate, 1))
    admitted[0]?.({ status: 200 })
    const busy = new AdaptiveConcurrency({ onChange: (message) => said.push(message) })
    ;({ admitted } = await enterMany(busy, 3))
    admitted[0]?.({ status: 503 })
    expect(said).toEqual(['The Console answered HTTP 503: sending at most 1 request at once from now on.'])
  })

  it('a failure that is not throttling (no answer, 4xx, 500) changes nothing', async () => {
    const gate = new AdaptiveConcurrency({ max: 4 })
    const { admitted } = await enterMany(gate, 3)
    admitted[0]?.({})
    admitted[1]?.({ status: 400 })
    admitted[2]?.({ status: 500 })
    expect(gate.limit).toBe(4)
  })

  it('holds every new attempt until Retry-After has passed', async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const gate = new AdaptiveConcurrency({ max: 4 })
    const { admitted } = await enterMany(gate, 2)
    admitted[0]?.({ status: 429, retryAfterMs: 2000 })
    admitted[1]?.({ status: 200 })
    const { admitted: later } = await enterMany(gate, 1)
    expect(later).toHaveLength(0)
    await jest.advanceTimersByTimeAsync(1999)
    expect(later).toHaveLength(0)
    await jest.advanceTimersByTimeAsync(1)
    expect(later).toHaveLength(1)
  })

  it('a leave function counts once, however often it is called', async () => {
    const gate = new AdaptiveConcurrency({ max: 2 })
    const { admitted } = await enterMany(gate, 2)
    admitted[0]?.({ status: 200 })
    admitted[0]?.({ status: 200 })
    expect(gate.active).toBe(1)
  })
})

describe('the transport through the gate, against a Console that throttles above 10 requests in flight', () => {
  const AUTH = 'unit-throttle-token-5e6f7a8b9c0d1e2f'
  let emulator: ConsoleEmulator | undefined
  let transport: HttpTransport | undefined

  afterEach(async () => {
    await transport?.close()
    await emulator?.stop()
  })

  it('deletes every token, retrying the refused ones, and sends no more than 10 at once after the first 429', async () => {
    emulator = new ConsoleEmulator({ authToken: AUTH, latencyMs: 20, maxInFlight: 10, retryAfterSeconds: 1 })
    const url = await emulator.start()
    emulator.seedTokens(800)
    const ids = emulator.listTokens().map((token) => token.canarytoken)
    const changes: string[] = []
    transport = new HttpTransport({
      baseUrl: new URL(url),
      dialect: consoleDialect(AUTH),
      timeoutMs: 10_000,
      userAgent: 'test',
      onSecret: () => undefined,
      findSecrets: findSecretValues,
      gate: new AdaptiveConcurrency({ onChange: (message) => changes.push(message) })
    })
    const t = transport
    const results = await mapWithConcurrency(ids, 20, async (id) => {
      try {
        await deleteCanarytoken(t, id)
        return 'deleted'
      } catch (error) {
        return String(error)
      }
    })
    expect(results.filter((result) => result !== 'deleted')).toEqual([])
    expect(emulator.listTokens()).toHaveLength(0)
    const report = emulator.throttleReport()
    // The throttle did refuse (else this proves nothing), only in the first burst, and never again.
    expect(report.refused).toBeGreaterThan(0)
    expect(report.refused).toBeLessThanOrEqual(10)
    expect(report.arrivedAfterWait).toBeGreaterThan(0)
    expect(report.peakAfterWait).toBeLessThanOrEqual(10)
    expect(changes[0]).toMatch(/HTTP 429: sending at most \d+ requests at once/)
  })
})

describe('the emulator throttling above maxInFlight', () => {
  const AUTH = 'unit-throttle-token-5e6f7a8b9c0d1e2f'
  let emulator: ConsoleEmulator | undefined

  afterEach(async () => {
    await emulator?.stop()
  })

  // A second of latency: all twelve arrive while the first ten are in flight, however busy the machine.
  it('refuses at once, with 429, an nginx page and Retry-After, and changes nothing for a refused request', async () => {
    emulator = new ConsoleEmulator({ authToken: AUTH, latencyMs: 1000, maxInFlight: 10, retryAfterSeconds: 2 })
    const url = await emulator.start()
    const ids = emulator.seedTokens(12).map((token) => token.canarytoken)
    const finished: number[] = []
    const answers = await Promise.all(
      ids.map(async (canarytoken) => {
        const answer = await fetch(new URL('/api/v1/canarytoken/delete', url), { method: 'POST', headers: { 'x-canary-auth-token': AUTH }, body: new URLSearchParams({ canarytoken }) })
        finished.push(answer.status)
        return { canarytoken, status: answer.status, type: answer.headers.get('content-type'), retryAfter: answer.headers.get('retry-after'), body: await answer.text() }
      })
    )
    const refused = answers.filter((answer) => answer.status === 429)
    expect(refused).toHaveLength(2)
    // Refused without the latency the accepted ones wait: their answers come first.
    expect(finished.slice(0, 2)).toEqual([429, 429])
    for (const answer of refused) {
      expect(answer.type).toBe('text/html')
      expect(answer.retryAfter).toBe('2')
      expect(answer.body).toContain('<center>nginx</center>')
    }
    // The refused tokens are still there; the others are gone.
    expect(emulator.listTokens().map((token) => token.canarytoken).sort()).toEqual(refused.map((answer) => answer.canarytoken).sort())
    expect(emulator.throttleReport()).toMatchObject({ refused: 2, peakInFlight: 11, arrivedAfterWait: 0, peakAfterWait: 0 })
  })
})
