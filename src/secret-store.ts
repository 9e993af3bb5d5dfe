// The secrets a run has registered, kept outside the JavaScript heap. A
// listing of 100,000 Canarytokens registers over 13,000 of them (aws-id
// keys and renders, WireGuard configs): as strings in a Set they are a few
// hundred bytes a page that the garbage collector copies out of its young
// generation, page after page, and that steady survival alone makes V8
// double its young generation over a long run (about 10 MiB of peak RSS at
// 100,000 tokens). Here each secret's UTF-16 code units are copied into
// blocks of a typed array, found again through tables of entry numbers; a
// secret becomes a string again only when a text is redacted and holds it.

/** Code units a block holds; a longer secret gets a block of its own. */
const BLOCK_UNITS = 32 * 1024

/** FNV-1a over UTF-16 code units (32 bits). */
function hashUnits(units: ArrayLike<number>, start: number, length: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < start + length; index++) hash = Math.imul(hash ^ units[index]!, 0x01000193)
  return hash >>> 0
}

/** The same hash over a string's code units. */
function hashText(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < start + length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** A typed array twice as long (or `least`), with the old one's contents. */
function grown(array: Int32Array<ArrayBuffer>, least = 0): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(array.length * 2, least))
  bigger.set(array)
  return bigger
}

/** Offsets of an entry tried as its anchor (the window it is found by). */
const ANCHOR_CANDIDATES = 32

/**
 * A set of strings (exact, code unit for code unit) in insertion order,
 * with a lookup of the entries that occur in a text by its windows of
 * `prefixUnits` code units (for redacting many secrets). Each entry is found
 * by one window of its own, its anchor: of a few offsets tried, the one whose
 * bucket holds fewest entries so far. Not always its first units: secrets of
 * one kind often share their start (every AWS key of an account starts with
 * the same 12 characters, every aws-id render with `[default]`), and buckets
 * by first units would then hold all of them, each window that starts like
 * them trying every one.
 */
export class SecretStore {
  private readonly blocks: Uint16Array[] = []
  /** Code units used in the last block. */
  private used = BLOCK_UNITS
  private block = new Int32Array(256)
  private offset = new Int32Array(256)
  private length = new Int32Array(256)
  /** Entry numbers by hash of the whole entry, -1 when empty; a power of two long, at most half full. */
  private slots = new Int32Array(512).fill(-1)
  /** Per prefix bucket, its first and last entry (-1 when none) and how many it holds, and per entry the next in its bucket: insertion order. */
  private prefixFirst = new Int32Array(512).fill(-1)
  private prefixLast = new Int32Array(512).fill(-1)
  private prefixLoad = new Int32Array(512)
  private prefixNext = new Int32Array(256)
  /** Per entry, the offset of its anchor window. */
  private anchor = new Int32Array(256)
  private count = 0

  constructor(
    /** Entries shorter than this (in code units) are not indexed by prefix. */
    private readonly prefixUnits: number
  ) {}

  get size(): number {
    return this.count
  }

  /** The most entries a window of a text can have to try (the fullest bucket): what keeps looking up many secrets cheap. */
  get fullestBucket(): number {
    let most = 0
    for (const load of this.prefixLoad) most = Math.max(most, load)
    return most
  }

  has(text: string): boolean {
    return this.find(text) !== -1
  }

  /** Adds `text`; false when it was there already. */
  add(text: string): boolean {
    if (this.find(text) !== -1) return false
    const entry = this.count
    if (entry === this.block.length) {
      this.block = grown(this.block)
      this.offset = grown(this.offset)
      this.length = grown(this.length)
      this.prefixNext = grown(this.prefixNext)
      this.anchor = grown(this.anchor)
    }
    const units = this.place(text.length)
    const start = this.used
    for (let index = 0; index < text.length; index++) units[start + index] = text.charCodeAt(index)
    this.block[entry] = this.blocks.length - 1
    this.offset[entry] = start
    this.length[entry] = text.length
    this.used += text.length
    this.count++
    this.insert(entry)
    this.prefixNext[entry] = -1
    if (text.length >= this.prefixUnits) this.placeAnchor(entry, text)
    if (this.count * 2 > this.slots.length) this.rehash()
    return true
  }

  /** Entry `entry` as a string. */
  text(entry: number): string {
    const units = this.blocks[this.block[entry]!]!
    const start = this.offset[entry]!
    const end = start + this.length[entry]!
    let text = ''
    // Bounded pieces: a long secret (a kubeconfig) would be too many arguments at once.
    for (let from = start; from < end; from += 8192) text += String.fromCharCode(...units.subarray(from, Math.min(end, from + 8192)))
    return text
  }

  /** Every entry as a string, in insertion order. */
  *texts(): Generator<string> {
    for (let entry = 0; entry < this.count; entry++) yield this.text(entry)
  }

  /**
   * Calls `visit` with each entry (all of them at least `prefixUnits` long)
   * that occurs in `text` with its anchor window at `index`, and where that
   * occurrence starts and ends; looked up at every index of a text, this
   * visits every occurrence of every entry once.
   */
  visitAt(text: string, index: number, visit: (entry: number, start: number, end: number) => void): void {
    if (index + this.prefixUnits > text.length) return
    const bucket = hashText(text, index, this.prefixUnits) & (this.prefixFirst.length - 1)
    for (let entry = this.prefixFirst[bucket]!; entry !== -1; entry = this.prefixNext[entry]!) {
      const start = index - this.anchor[entry]!
      if (start >= 0 && this.occursAt(entry, text, start)) visit(entry, start, start + this.length[entry]!)
    }
  }

  /** Links `entry` into the least loaded bucket among its candidate windows (the first of them on a tie). */
  private placeAnchor(entry: number, text: string): void {
    const mask = this.prefixFirst.length - 1
    const last = text.length - this.prefixUnits
    const step = Math.max(1, Math.floor(last / (ANCHOR_CANDIDATES - 1)))
    let best = 0
    let bestBucket = hashText(text, 0, this.prefixUnits) & mask
    for (let offset = step; offset <= last && this.prefixLoad[bestBucket]! > 0; offset += step) {
      const bucket = hashText(text, offset, this.prefixUnits) & mask
      if (this.prefixLoad[bucket]! < this.prefixLoad[bestBucket]!) {
        best = offset
        bestBucket = bucket
      }
    }
    this.anchor[entry] = best
    this.link(entry, bestBucket)
  }

  private occursAt(entry: number, text: string, index: number): boolean {
    const length = this.length[entry]!
    if (index + length > text.length) return false
    const units = this.blocks[this.block[entry]!]!
    const start = this.offset[entry]!
    for (let unit = 0; unit < length; unit++) if (units[start + unit] !== text.charCodeAt(index + unit)) return false
    return true
  }

  /** Room for `length` code units: the rest of the last block, or a new one. */
  private place(length: number): Uint16Array {
    if (this.used + length > BLOCK_UNITS || this.blocks.length === 0) {
      this.blocks.push(new Uint16Array(Math.max(BLOCK_UNITS, length)))
      this.used = 0
    }
    return this.blocks[this.blocks.length - 1]!
  }

  private find(text: string): number {
    const mask = this.slots.length - 1
    for (let slot = hashText(text, 0, text.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!
      if (entry === -1) return -1
      if (this.length[entry] === text.length && this.occursAt(entry, text, 0)) return entry
    }
  }

  private insert(entry: number): void {
    const mask = this.slots.length - 1
    const units = this.blocks[this.block[entry]!]!
    let slot = hashUnits(units, this.offset[entry]!, this.length[entry]!) & mask
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask
    this.slots[slot] = entry
  }

  private link(entry: number, bucket: number): void {
    const last = this.prefixLast[bucket]!
    if (last === -1) this.prefixFirst[bucket] = entry
    else this.prefixNext[last] = entry
    this.prefixLast[bucket] = entry
    this.prefixLoad[bucket]!++
  }

  /** Twice the slots and prefix buckets, every entry placed again (prefix buckets keep insertion order). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1)
    this.prefixFirst = new Int32Array(this.prefixFirst.length * 2).fill(-1)
    this.prefixLast = new Int32Array(this.prefixLast.length * 2).fill(-1)
    this.prefixLoad = new Int32Array(this.prefixLoad.length * 2)
    for (let entry = 0; entry < this.count; entry++) {
      this.insert(entry)
      this.prefixNext[entry] = -1
      if (this.length[entry]! >= this.prefixUnits) {
        const units = this.blocks[this.block[entry]!]!
        this.link(entry, hashUnits(units, this.offset[entry]! + this.anchor[entry]!, this.prefixUnits) & (this.prefixFirst.length - 1))
      }
    }
  }
}
