import { describe, expect, it } from '@jest/globals'
import { IdSet } from '../../src/operations/id-set.js'

/** A deterministic stream of pseudo-random numbers (xorshift32). */
function randoms(seed: number): () => number {
  let state = seed
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

describe('IdSet', () => {
  it('answers exactly as a Set of strings over many ids, repeats and growth included', () => {
    const next = randoms(0x2545f491)
    const ids = new IdSet()
    const reference = new Set<string>()
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
    const made: string[] = []
    for (let round = 0; round < 60_000; round++) {
      // One id in four repeats an earlier one; lengths vary (0 to 40 characters).
      const id =
        made.length > 0 && next() < 0.25
          ? made[Math.floor(next() * made.length)]!
          : Array.from({ length: Math.floor(next() * 41) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
      made.push(id)
      const added = !reference.has(id)
      reference.add(id)
      expect(ids.add(id)).toBe(added)
    }
    expect(ids.size).toBe(reference.size)
    for (const id of reference) expect(ids.add(id)).toBe(false)
    expect(ids.size).toBe(reference.size)
  })

  it('tells apart ids that differ only in length, by one byte, or in characters outside ASCII', () => {
    const ids = new IdSet()
    for (const id of ['', 'a', 'aa', 'ab', 'ba', 'é', 'e\u0301', '😀', 'a\u0000', 'a\u0000b']) expect(ids.add(id)).toBe(true)
    for (const id of ['', 'a', 'aa', 'ab', 'ba', 'é', 'e\u0301', '😀', 'a\u0000', 'a\u0000b']) expect(ids.add(id)).toBe(false)
    expect(ids.size).toBe(10)
  })

  it('stays exact across many blocks, with ids that leave the end of a block unused', () => {
    const ids = new IdSet()
    // About 1,000 bytes each: a 256 KiB block takes 261 and leaves a tail of unused bytes.
    const id = (index: number) => `${index}-${'x'.repeat(997 - String(index).length)}`
    for (let index = 0; index < 5000; index++) expect(ids.add(id(index))).toBe(true)
    for (let index = 0; index < 5000; index++) expect(ids.add(id(index))).toBe(false)
    expect(ids.add('')).toBe(true)
    expect(ids.add('x')).toBe(true)
    expect(ids.size).toBe(5002)
  })

  it('keeps an id too long to pack as well, exactly', () => {
    const ids = new IdSet()
    const long = 'x'.repeat(70_000)
    expect(ids.add(long)).toBe(true)
    expect(ids.add(long)).toBe(false)
    expect(ids.add(`${long}y`)).toBe(true)
    expect(ids.add('x')).toBe(true)
    expect(ids.size).toBe(3)
  })
})
