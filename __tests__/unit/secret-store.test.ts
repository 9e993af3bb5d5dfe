import { describe, expect, it } from '@jest/globals'
import { SecretStore } from '../../src/secret-store.js'
import { seededRandom } from '../../__fixtures__/random.js'

/** The lookups the store replaced, as strings in a Set: the reference it must agree with. */
class Reference {
  readonly set = new Set<string>()
  constructor(private readonly prefixUnits: number) {}
  add(text: string): boolean {
    if (this.set.has(text)) return false
    this.set.add(text)
    return true
  }
  /** The entries `text` holds (at least `prefixUnits` long), in insertion order. */
  foundIn(text: string): string[] {
    return [...this.set].filter((secret) => secret.length >= this.prefixUnits && text.includes(secret))
  }
}

function foundIn(store: SecretStore, text: string): string[] {
  const found = new Set<number>()
  for (let index = 0; index < text.length; index++) {
    store.visitAt(text, index, (entry, start, end) => {
      // Where the store says it is, it is.
      if (text.slice(start, end) !== store.text(entry)) throw new Error(`entry ${entry} is not at ${start}-${end} of ${JSON.stringify(text)}`)
      found.add(entry)
    })
  }
  return Array.from(found)
    .sort((a, b) => a - b)
    .map((entry) => store.text(entry))
}

describe('SecretStore', () => {
  it('is a set of exact strings in insertion order, surrogates and long ones included', () => {
    const store = new SecretStore(8)
    const values = ['abcdefgh', 'abcdefgh ', 'ABCDEFGH', '😀😀😀😀😀😀😀😀', '\ud800lone\udc00 surrogates', 'x'.repeat(100_000), 'kubeconfig\n' + 'y'.repeat(40_000), 'short']
    for (const value of values) expect(store.add(value)).toBe(true)
    for (const value of values) expect(store.add(value)).toBe(false)
    expect(store.size).toBe(values.length)
    expect([...store.texts()]).toEqual(values)
    for (const value of values) expect(store.has(value)).toBe(true)
    for (const absent of ['abcdefg', 'abcdefghi', 'x'.repeat(99_999), '']) expect(store.has(absent)).toBe(false)
  })

  it('finds secrets that share their first units (every AWS key of an account, every aws-id render) by windows of their own', () => {
    const store = new SecretStore(8)
    const reference = new Reference(8)
    const random = seededRandom(7)
    const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    const key = () => 'AKIAYVP4CIPP' + Array.from({ length: 8 }, () => base32[random(32)]).join('')
    const keys: string[] = []
    for (let index = 0; index < 3000; index++) {
      const id = key()
      keys.push(id)
      for (const secret of [id, `[default]\naws_access_key_id = ${id}\nregion = us-east-2\n`]) expect(store.add(secret)).toBe(reference.add(secret))
    }
    // Buckets by first units would hold 3000 of them each ('AKIAYVP4', '[default'): every window starting so would try them all.
    expect(store.fullestBucket).toBeLessThanOrEqual(8)
    for (let round = 0; round < 50; round++) {
      const text = `log: ${keys[random(keys.length)]!} and [default]\naws_access_key_id = ${keys[random(keys.length)]!}\nregion = us-east-2\n${key()}`
      expect(foundIn(store, text)).toEqual(reference.foundIn(text))
    }
  })

  it('finds what a Set finds, in insertion order, over thousands of secrets', () => {
    const store = new SecretStore(8)
    const reference = new Reference(8)
    let seed = 42
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return Math.floor((seed / 2 ** 31) * below) // the high bits: an LCG's low bits repeat within a few draws
    }
    // Few letters, so that secrets share prefixes, contain one another and overlap.
    const word = (length: number) => Array.from({ length }, () => 'abcé😀'[random(5)]).join('')
    const added: string[] = []
    for (let round = 0; round < 5000; round++) {
      const secret = random(4) === 0 && added.length > 0 ? added[random(added.length)]! + word(random(4)) : word(8 + random(12))
      expect(store.add(secret)).toBe(reference.add(secret))
      added.push(secret)
      if (round % 250 === 0) {
        const text = Array.from({ length: 6 }, () => (random(2) === 0 ? added[random(added.length)]! : word(random(30)))).join(word(random(3)))
        expect(foundIn(store, text)).toEqual(reference.foundIn(text))
      }
    }
    expect(store.size).toBe(reference.set.size)
    expect([...store.texts()]).toEqual([...reference.set])
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 4 }, () => added[random(added.length)]!).join(word(random(5)))
      expect(foundIn(store, text)).toEqual(reference.foundIn(text))
    }
  })
})
