import { describe, expect, it } from '@jest/globals'
import { SecretStore } from '../../src/secret-store.js'

/** The lookups the store replaced, as strings in a Set and a Map of prefixes: the reference it must agree with. */
class Reference {
  readonly set = new Set<string>()
  constructor(private readonly prefixUnits: number) {}
  add(text: string): boolean {
    if (this.set.has(text)) return false
    this.set.add(text)
    return true
  }
  foundIn(text: string): string[] {
    const byPrefix = new Map<string, string[]>()
    for (const secret of this.set) {
      if (secret.length < this.prefixUnits) continue
      const prefix = secret.slice(0, this.prefixUnits)
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), secret])
    }
    const found = new Set<string>()
    for (let index = 0; index + this.prefixUnits <= text.length; index++) {
      for (const secret of byPrefix.get(text.slice(index, index + this.prefixUnits)) ?? []) if (text.startsWith(secret, index)) found.add(secret)
    }
    return [...found]
  }
}

function foundIn(store: SecretStore, text: string): string[] {
  const found = new Set<number>()
  for (let index = 0; index < text.length; index++) store.addFoundAt(text, index, found)
  return Array.from(found, (entry) => store.text(entry))
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

  it('finds what a Set and a Map of prefixes find, in the same order, over thousands of secrets', () => {
    const store = new SecretStore(8)
    const reference = new Reference(8)
    let seed = 42
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % below
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
