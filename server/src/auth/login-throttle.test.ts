import { describe, expect, it } from 'vitest'
import { lockSecondsAfter, usernameKey } from './login-throttle'

describe('lockSecondsAfter', () => {
  const config = { lockoutThreshold: 5, lockoutBaseSeconds: 60 }

  it('does not lock below the threshold', () => {
    expect([0, 1, 4].map((failures) => lockSecondsAfter(config, failures))).toEqual([0, 0, 0])
  })

  it('locks for the base time at the threshold and doubles with each further failure, up to an hour', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((failures) => lockSecondsAfter(config, failures))).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600,
    ])
  })

  it('never locks when the threshold is 0 (lockout switched off)', () => {
    expect(lockSecondsAfter({ ...config, lockoutThreshold: 0 }, 100)).toBe(0)
  })
})

describe('usernameKey', () => {
  it('is the same for every spelling of a name, so a lock cannot be dodged by case', () => {
    expect(usernameKey(' Maria.Lopez ')).toBe(usernameKey('maria.lopez'))
  })
})
