/**
 * A seeded source of whole numbers for the tests' random cases: Park and
 * Miller's minimal standard generator (seed * 48271 mod 2^31 - 1), exact in
 * a double (the product stays below 2^47), with a period of 2^31 - 2 for any
 * seed it accepts. Each draw takes the state's high part (`below` times the
 * state over the modulus), not its low bits.
 */
export function seededRandom(seed: number): (below: number) => number {
  const modulus = 2_147_483_647
  if (!Number.isInteger(seed) || seed < 1 || seed >= modulus) throw new Error(`seededRandom: the seed must be a whole number from 1 to ${modulus - 1}, not ${seed}`)
  let state = seed
  return (below) => {
    state = (state * 48_271) % modulus
    return Math.floor((state / modulus) * below)
  }
}
