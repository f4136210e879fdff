import { describe, expect, it } from 'vitest'
import { safeRedirectTarget } from './session'

describe('safeRedirectTarget', () => {
  it('returns to a page of this app after sign-in', () => {
    expect(safeRedirectTarget('/admin/projects?organizationId=1')).toBe('/admin/projects?organizationId=1')
  })

  it('never sends the user to another site', () => {
    for (const target of [
      '//evil.example/path',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      undefined,
      42,
    ]) {
      expect(safeRedirectTarget(target)).toBe('/')
    }
  })
})
