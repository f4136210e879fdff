// A small seeded PRNG (sfc32, seeded through splitmix32) so synthetic data is the same for the same seed on
// every machine and Node version: Math.random can't be seeded.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T
  /** A random (version 4 layout) UUID drawn from this generator. */
  uuid(): string
  /** An independent generator derived from this one (for a sub-stream whose length may vary). */
  fork(): Random
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

export function createRandom(seed: number): Random {
  const seeder = splitmix32(seed)
  let a = seeder()
  let b = seeder()
  let c = seeder()
  let d = seeder()
  const nextUint32 = (): number => {
    const result = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + result) >>> 0
    return result
  }
  // sfc32's first outputs are weakly mixed: discard a few, as its author recommends.
  for (let i = 0; i < 12; i++) nextUint32()

  const random: Random = {
    next: () => nextUint32() / 4294967296,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    chance: (probability) => random.next() < probability,
    pick(items) {
      if (items.length === 0) throw new Error('Cannot pick from an empty list')
      return items[Math.floor(random.next() * items.length)] as (typeof items)[number]
    },
    weighted(choices) {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
      let target = random.next() * total
      for (const [value, weight] of choices) {
        target -= weight
        if (target < 0) return value
      }
      const last = choices[choices.length - 1]
      if (!last) throw new Error('Cannot pick from an empty list')
      return last[0]
    },
    uuid() {
      const hex = [nextUint32(), nextUint32(), nextUint32(), nextUint32()]
        .map((word) => word.toString(16).padStart(8, '0'))
        .join('')
      const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    },
    fork: () => createRandom(nextUint32()),
  }
  return random
}

/**
 * A sampler for a long list ordered from most to least common: item k is drawn with weight 1 / (k + offset),
 * a Zipf-like curve close to how US first and last names are distributed.
 */
export function zipfSampler<T>(items: readonly T[], offset = 3): (random: Random) => T {
  if (items.length === 0) throw new Error('Cannot sample from an empty list')
  const cumulative: number[] = []
  let total = 0
  for (let k = 0; k < items.length; k++) {
    total += 1 / (k + offset)
    cumulative.push(total)
  }
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if ((cumulative[middle] as number) > target) high = middle
      else low = middle + 1
    }
    return items[low] as T
  }
}
