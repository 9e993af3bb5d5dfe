/**
 * The ids a listing has read, packed: each id's UTF-8 bytes (after a 2-byte
 * length) in fixed blocks of bytes, found through an open-addressing table
 * of their positions. A Console that pages by offset can show a token twice,
 * so a walk must know every id it has read; a Set of strings keeps a string
 * and an entry per id on the heap (about 10 MiB of peak RSS at 100,000
 * tokens, most of what a listing keeps), this about a third of it, and the
 * collector never walks it. Blocks, not one buffer doubled: a doubled
 * buffer's old copies stay allocated until the collector's next full run
 * (4 MiB of them at 100,000 ids). Exact: ids are compared byte for byte, the
 * hash only says where to look.
 */
export class IdSet {
  private readonly blocks: Buffer[] = []
  /** Bytes of entries in each block before the last (the rest of one is not an entry). */
  private readonly filled: number[] = []
  /** Bytes used in the last block. */
  private used = BLOCK_BYTES
  /** Position (block * BLOCK_BYTES + offset) of an entry, or -1; a power of two long, at most half full. */
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
    const block = this.reserve(HEADER_BYTES + length)
    // Written after the last entry first: found, it is simply not kept.
    const start = this.used + HEADER_BYTES
    block.write(id, start, 'utf8')
    const hash = hashOf(block, start, length)
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const position = this.slots[slot]!
      if (position === -1) {
        block.writeUInt16LE(length, this.used)
        this.slots[slot] = (this.blocks.length - 1) * BLOCK_BYTES + this.used
        this.used = start + length
        this.count++
        if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2)
        return true
      }
      const other = this.blocks[Math.floor(position / BLOCK_BYTES)]!
      const offset = position % BLOCK_BYTES
      if (other.readUInt16LE(offset) === length && sameBytes(block, start, other, offset + HEADER_BYTES, length)) return false
    }
  }

  /** The block with room for `bytes` more after `used`: the last one, or a new one. */
  private reserve(bytes: number): Buffer {
    if (this.used + bytes > BLOCK_BYTES) {
      if (this.blocks.length > 0) this.filled.push(this.used)
      this.blocks.push(Buffer.allocUnsafeSlow(BLOCK_BYTES))
      this.used = 0
    }
    return this.blocks[this.blocks.length - 1]!
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size).fill(-1)
    const mask = size - 1
    this.blocks.forEach((block, index) => {
      const end = index === this.blocks.length - 1 ? this.used : this.filled[index]!
      for (let offset = 0; offset < end; ) {
        const length = block.readUInt16LE(offset)
        let slot = hashOf(block, offset + HEADER_BYTES, length) & mask
        while (slots[slot] !== -1) slot = (slot + 1) & mask
        slots[slot] = index * BLOCK_BYTES + offset
        offset += HEADER_BYTES + length
      }
    })
    this.slots = slots
  }
}

const HEADER_BYTES = 2
const MAX_PACKED_BYTES = 0xffff
/** 256 KiB: room for any packed entry (at most 2 + 65,535 bytes); 8,192 of them before a position leaves an Int32. */
const BLOCK_BYTES = 256 * 1024
const INITIAL_SLOTS = 1024

function sameBytes(a: Buffer, aStart: number, b: Buffer, bStart: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (a[aStart + index] !== b[bStart + index]) return false
  return true
}

/** FNV-1a over the bytes (30 bits, so that it stays a small integer). */
function hashOf(bytes: Buffer, start: number, length: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < start + length; index++) hash = Math.imul(hash ^ bytes[index]!, 0x01000193)
  return hash & 0x3fffffff
}
