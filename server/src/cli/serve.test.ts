import { describe, expect, it } from 'vitest'
import { browserUrl, shouldSeedDemo } from './serve'

describe('shouldSeedDemo', () => {
  it('seeds the embedded database when it has no CoC yet, with or without --demo', () => {
    expect(shouldSeedDemo({ engine: 'pglite', hasCoc: false, demoFlag: false })).toBe(true)
    expect(shouldSeedDemo({ engine: 'pglite', hasCoc: false, demoFlag: true })).toBe(true)
  })

  it('seeds PostgreSQL only when asked with --demo', () => {
    expect(shouldSeedDemo({ engine: 'postgres', hasCoc: false, demoFlag: false })).toBe(false)
    expect(shouldSeedDemo({ engine: 'postgres', hasCoc: false, demoFlag: true })).toBe(true)
  })

  it('never seeds a database that already holds a CoC, whatever the engine or flag', () => {
    for (const engine of ['pglite', 'postgres'] as const) {
      for (const demoFlag of [false, true])
        expect(shouldSeedDemo({ engine, hasCoc: true, demoFlag })).toBe(false)
    }
  })
})

describe('browserUrl', () => {
  it('shows localhost for loopback and all-interface binds', () => {
    expect(browserUrl('127.0.0.1', 3000)).toBe('http://localhost:3000')
    expect(browserUrl('0.0.0.0', 8080)).toBe('http://localhost:8080')
    expect(browserUrl('::', 3000)).toBe('http://localhost:3000')
  })

  it('shows any other host as bound, with brackets around IPv6', () => {
    expect(browserUrl('10.0.0.5', 3000)).toBe('http://10.0.0.5:3000')
    expect(browserUrl('fd00::5', 3000)).toBe('http://[fd00::5]:3000')
  })
})
