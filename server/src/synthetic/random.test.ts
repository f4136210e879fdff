import { describe, expect, it } from 'vitest'
import { createRandom, zipfSampler } from './random'

const draws = (seed: number, count: number) => {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => random.next())
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(42, 50)).toEqual(draws(42, 50))
    expect(draws(42, 50)).not.toEqual(draws(43, 50))
  })

  it('keeps its known outputs, so a seed gives the same data on every machine and in every release', () => {
    const random = createRandom(1)
    expect([random.int(0, 999_999), random.int(0, 999_999), random.int(0, 999_999)]).toEqual([
      425649, 790421, 691014,
    ])
    expect(random.uuid()).toBe('862c38f0-f747-46eb-b1bc-c746c031cfb8')
  })

  it('draws floats in [0, 1) and integers within both bounds, reaching each bound', () => {
    const random = createRandom(7)
    const ints = new Set<number>()
    for (let i = 0; i < 5_000; i++) {
      const value = random.next()
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
      ints.add(random.int(3, 6))
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6])
  })

  it('picks by weight and never picks a zero weight', () => {
    const random = createRandom(9)
    const counts = { a: 0, b: 0, never: 0 }
    for (let i = 0; i < 20_000; i++) {
      counts[
        random.weighted([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ] as const)
      ]++
    }
    expect(counts.never).toBe(0)
    expect(counts.a / counts.b).toBeGreaterThan(2.7)
    expect(counts.a / counts.b).toBeLessThan(3.3)
  })

  it('makes version-4-shaped UUIDs that do not repeat', () => {
    const random = createRandom(11)
    const ids = Array.from({ length: 10_000 }, () => random.uuid())
    for (const id of ids.slice(0, 100)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow('empty')
  })
})

describe('zipfSampler', () => {
  it('draws the head of the list most often and still reaches the tail', () => {
    const sample = zipfSampler(['first', 'second', 'third', 'last'], 1)
    const random = createRandom(5)
    const counts = new Map<string, number>()
    for (let i = 0; i < 20_000; i++) {
      const name = sample(random)
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
    // Weights 1, 1/2, 1/3, 1/4.
    expect(counts.get('first')! / counts.get('second')!).toBeCloseTo(2, 0)
    expect(counts.get('last')!).toBeGreaterThan(2_000)
    expect(counts.get('first')!).toBeGreaterThan(counts.get('third')!)
  })
})
