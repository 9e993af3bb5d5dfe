/**
 * The ids a listing has read, packed: each id's UTF-8 bytes (after a 2-byte
 * length) in one growing buffer, found through an open-addressing table of
 * their offsets. A Console that pages by offset can show a token twice, so
 * a walk must know every id it has read; a Set of strings keeps a string
 * and an entry per id on the heap (about 10 MiB of peak RSS at 100,000
 * tokens, most of what a listing keeps), this about a third of it, and the
 * collector never walks it. Exact: ids are compared byte for byte, the hash
 * only says where to look.
 */
export class IdSet {
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES)
  private used = 0
  /** Offset of an entry in `bytes`, or -1; a power of two long, at most half full. */
  private slots = new Int32Array(INITIAL_SLOTS).fill(-1)
  private count = 0
  /** Ids too long for a 2-byte length (none a Console makes). */
  private readonly long = new Set<string>()

  get size(): number {
    return this.count + this.long.size
  }

  /** Adds `id`; false when it was there already. */
  add(id: string): boolean {
    const length = Buffer.byteLength(id)
    if (length > MAX_PACKED_BYTES) {
      if (this.long.has(id)) return false
      this.long.add(id)
      return true
    }
    this.reserve(HEADER_BYTES + length)
    // Written after the last entry first: found, it is simply not kept.
    const start = this.used + HEADER_BYTES
    this.bytes.write(id, start, 'utf8')
    const hash = hashOf(this.bytes, start, length)
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const offset = this.slots[slot]!
      if (offset === -1) {
        this.bytes.writeUInt16LE(length, this.used)
        this.slots[slot] = this.used
        this.used = start + length
        this.count++
        if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2)
        return true
      }
      if (this.bytes.readUInt16LE(offset) === length && this.bytes.compare(this.bytes, start, start + length, offset + HEADER_BYTES, offset + HEADER_BYTES + length) === 0) return false
    }
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + extra))
    this.bytes.copy(grown, 0, 0, this.used)
    this.bytes = grown
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size).fill(-1)
    const mask = size - 1
    for (let offset = 0; offset < this.used; ) {
      const length = this.bytes.readUInt16LE(offset)
      let slot = hashOf(this.bytes, offset + HEADER_BYTES, length) & mask
      while (slots[slot] !== -1) slot = (slot + 1) & mask
      slots[slot] = offset
      offset += HEADER_BYTES + length
    }
    this.slots = slots
  }
}

const HEADER_BYTES = 2
const MAX_PACKED_BYTES = 0xffff
const INITIAL_BYTES = 16 * 1024
const INITIAL_SLOTS = 1024

/** FNV-1a over the bytes (32 bits, non-negative). */
function hashOf(bytes: Buffer, start: number, length: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < start + length; index++) hash = Math.imul(hash ^ bytes[index]!, 0x01000193)
  return hash >>> 0
}
