import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { seededRandom } from '../../__fixtures__/random.js'

jest.unstable_mockModule('@actions/core', () => core)

/**
 * The trivially correct redaction: every secret as a string in an array,
 * each unit of the text marked hidden when an occurrence of any secret
 * covers it, each run of hidden units made '***'; again until no secret is
 * left (a '***' can make one that holds '*').
 */
function referenceRedact(secrets: string[], text: string): string {
  for (;;) {
    const hidden = Array.from({ length: text.length }, () => false)
    for (const secret of secrets) {
      for (let at = 0; at + secret.length <= text.length; at++) if (text.startsWith(secret, at)) hidden.fill(true, at, at + secret.length)
    }
    if (!hidden.includes(true)) return text
    let next = ''
    for (let unit = 0; unit < text.length; unit++) {
      if (!hidden[unit]) next += text[unit]
      else if (unit === 0 || !hidden[unit - 1]) next += '***'
    }
    text = next
  }
}

/** A fresh secrets.ts (its registered secrets are module state). */
async function freshSecrets(): Promise<typeof import('../../src/secrets.js')> {
  jest.resetModules()
  jest.unstable_mockModule('@actions/core', () => core)
  return import('../../src/secrets.js')
}

/** A fresh secrets.ts holding `secrets`, then fillers up to `count` in all (64 or more: the index of many). */
async function secretsWith(secrets: string[], count: number): Promise<typeof import('../../src/secrets.js')> {
  const module = await freshSecrets()
  for (const secret of secrets) module.registerSecret(secret)
  for (let filler = secrets.length; filler < count; filler++) module.registerSecret(`filler-secret-${filler}`)
  return module
}

describe('redact against a plain array of secrets, unit by unit', () => {
  // Few secrets (tried one by one) and many (looked up by prefix) must redact alike.
  for (const count of [5, 63, 64, 65, 300]) {
    it(`agrees with ${count} registered secrets`, async () => {
      const { registerSecret, redact, SHORTEST_SECRET } = await freshSecrets()
      const next = seededRandom(count * 7919)
      // A tiny alphabet with '*' and a surrogate pair: secrets share prefixes, contain and overlap one another, and can be made by a '***'.
      const letters = ['a', 'b', '*', '😀', 'é']
      const word = (length: number) => Array.from({ length }, () => letters[next(letters.length)]).join('')
      const registered: string[] = []
      while (registered.length < count) {
        const secret = registered.length > 0 && next(3) === 0 ? registered[next(registered.length)]!.slice(next(3)) + word(next(4)) : word(SHORTEST_SECRET + next(10))
        const before = registered.length
        registerSecret(secret)
        if (!registered.includes(secret) && Array.from(secret).length >= SHORTEST_SECRET) registered.push(secret)
        expect(registered.length).toBeGreaterThanOrEqual(before)
      }
      for (let round = 0; round < 400; round++) {
        const text = Array.from({ length: 1 + next(5) }, () => (next(2) === 0 ? registered[next(registered.length)]! : word(next(12)))).join(word(next(3)))
        expect([text, redact(text)]).toEqual([text, referenceRedact(registered, text)])
      }
    })
  }

  it('hides two secrets that overlap whole, in either order, with many secrets as with few', async () => {
    // The end of one is the start of the other: replacing either first would leave the rest of the other readable.
    const first = 'SECRET-ONE-TAIL'
    const second = 'ONE-TAIL-SECRET-TWO'
    const text = `key SECRET-ONE-TAIL-SECRET-TWO; again ONE-TAIL-SECRET-TWO and SECRET-ONE-TAILSECRET-ONE-TAIL end`
    for (const count of [2, 100]) {
      for (const order of [[first, second], [second, first]]) {
        const { redact } = await secretsWith(order, count)
        expect([count, order, redact(text)]).toEqual([count, order, 'key ***; again *** and *** end'])
      }
    }
  })

  it('hides a run of occurrences of one secret as one, overlapping or touching', async () => {
    const { registerSecret, redact } = await freshSecrets()
    registerSecret('abababab')
    registerSecret('abcabcab')
    // abcabcab at 2 and at 5 overlap (the second starts inside the first).
    expect(redact('x abcabcabcab y')).toBe('x *** y')
    expect(redact(`x ${'ab'.repeat(10_000)} y abababa`)).toBe('x *** y abababa')
  })

  it('keeps looking while each *** makes another secret, with many secrets as with few', async () => {
    // INNER goes first, which makes ab***cdefgh, whose *** makes q***rstuvw: three rounds.
    const chain = ['INNER-secret-value', 'ab***cdefgh', 'q***rstuvw']
    const text = 'left qabINNER-secret-valuecdefghrstuvw right'
    for (const count of [3, 100]) {
      const { redact } = await secretsWith(chain, count)
      expect([count, redact(text)]).toEqual([count, 'left *** right'])
      expect(referenceRedact(chain, text)).toBe('left *** right')
    }
  })

  it('finds a starred secret made by a *** far into a long text, whichever side it reaches', async () => {
    for (const count of [2, 100]) {
      const { redact } = await secretsWith(['Winter2024*', '*yyyyyyyy'], count)
      // Each *** put in makes the next Winter2024* (its first '*' is the secret's last character), one round per
      // repetition, the stars piling up; the one on the right is there from the start.
      const text = `memo: ${'Winter2024'.repeat(12)}* then ${'x'.repeat(5000)} *yyyyyyyy end`
      const redacted = redact(text)
      expect([count, redacted]).toEqual([count, referenceRedact(['Winter2024*', '*yyyyyyyy'], text)])
      expect(redacted).toMatch(new RegExp(`^memo: \\*{12,} then x{5000} \\*\\*\\* end$`))
      expect(redacted).not.toContain('Winter')
    }
  })

  it('withholds the lines of a text made to keep forming a secret, rather than take a round per repetition', async () => {
    for (const count of [2, 100]) {
      const { redact, WITHHELD, WITHHELD_LINE } = await secretsWith(['Winter2024*'], count)
      // 15 repetitions are hidden in 15 rounds; at 16 the cap is reached; 100,000 would take as many rounds over 1 MB.
      expect(redact(`a ${'Winter2024'.repeat(15)}* b`)).toMatch(/^a \*+ b$/)
      expect(redact(`a ${'Winter2024'.repeat(16)}* b`)).toBe(WITHHELD_LINE)
      // Only the line it is on: an issue body's markers, an error's first line stay.
      const text = `operation failed\nuser agent: ${'Winter2024'.repeat(100_000)}* b\n<!-- marker TAG1 -->`
      expect(redact(text)).toBe(`operation failed\n${WITHHELD_LINE}\n<!-- marker TAG1 -->`)
      for (const withheld of [WITHHELD, WITHHELD_LINE]) expect([withheld, withheld.includes('*'), withheld.includes('Winter')]).toEqual([withheld, false, false])
    }
  })

  it('withholds the whole text when a secret would be left across the lines it kept', async () => {
    const { registerSecret, redact, WITHHELD } = await freshSecrets()
    registerSecret('Winter2024*')
    registerSecret('line one\n[withheld')
    expect(redact(`line one\n${'Winter2024'.repeat(50)}*`)).toBe(WITHHELD)
  })

  it('finds a starred secret that a *** forms on its right', async () => {
    // Qsecret-A1 goes first; its *** then ends in the *yyyyyyyy that follows: the window must reach past the ***.
    for (const count of [2, 100]) {
      const { redact } = await secretsWith(['Qsecret-A1', '*yyyyyyyy'], count)
      const text = 'x Qsecret-A1yyyyyyyy z'
      expect([count, redact(text)]).toEqual([count, referenceRedact(['Qsecret-A1', '*yyyyyyyy'], text)])
      expect(redact(text)).toBe('x ***** z')
    }
  })

  it('redacts a secret that a replacement makes, with many secrets as with few', async () => {
    const inner = 'INNER-secret-value'
    const outer = 'ab***cdefgh'
    const text = `ab${inner}cdefgh`
    for (const count of [2, 100]) {
      const { redact } = await secretsWith([inner, outer], count)
      expect([count, redact(text)]).toEqual([count, referenceRedact([inner, outer], text)])
    }
  })
})
