import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, setReauthenticationHandler } from './client'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

const expired = () => json(401, { error: { code: 'unauthenticated', message: 'Sign in to continue' } })

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    setReauthenticationHandler(null)
    vi.unstubAllGlobals()
  })

  it('sends JSON with the session cookie and drops empty query values', async () => {
    fetchMock.mockResolvedValueOnce(json(200, [{ id: 'p1' }]))
    await expect(
      api.get('/api/projects', { organizationId: 'o1', projectType: undefined, q: '' }),
    ).resolves.toEqual([{ id: 'p1' }])
    fetchMock.mockResolvedValueOnce(json(201, { id: 'o2' }))
    await api.post('/api/organizations', { name: 'Harbor' })

    const [getUrl, getInit] = fetchMock.mock.calls[0]!
    expect(getUrl).toBe('/api/projects?organizationId=o1')
    expect(getInit?.credentials).toBe('same-origin')
    const [, postInit] = fetchMock.mock.calls[1]!
    expect(postInit?.body).toBe('{"name":"Harbor"}')
    expect(postInit?.headers).toMatchObject({ 'Content-Type': 'application/json' })
  })

  it('turns the error shape into an ApiError whose field issues match form paths', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        error: {
          code: 'invalid_input',
          message: 'Invalid input',
          details: [
            { path: 'body.memberships.0.role', message: 'is required' },
            { path: 'querystring.from', message: 'must not be after "to"' },
          ],
        },
      }),
    )
    const error = await api.post('/api/users', {}).catch((failure: unknown) => failure)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', message: 'Invalid input' })
    expect((error as ApiError).fieldIssues).toEqual([
      { path: 'memberships.0.role', message: 'is required' },
      { path: 'from', message: 'must not be after "to"' },
    ])
  })

  it('explains a server failure without a JSON body and a network failure in plain words', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Bad gateway', { status: 502 }))
    await expect(api.get('/api/cocs')).rejects.toMatchObject({ status: 502, code: 'internal' })
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(api.get('/api/cocs')).rejects.toMatchObject({ code: 'network' })
  })

  it('asks an expired session to sign in again, then retries the same request', async () => {
    const reauthenticate = vi.fn(async () => {})
    setReauthenticationHandler(reauthenticate)
    fetchMock.mockResolvedValueOnce(expired()).mockResolvedValueOnce(json(201, { id: 'o1' }))

    await expect(api.post('/api/organizations', { name: 'Harbor' })).resolves.toEqual({ id: 'o1' })
    expect(reauthenticate).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls.map(([, init]) => init?.body)).toEqual([
      '{"name":"Harbor"}',
      '{"name":"Harbor"}',
    ])
  })

  it('opens one sign-in for several requests that expire together', async () => {
    let finishSignIn = () => {}
    const reauthenticate = vi.fn(() => new Promise<void>((resolve) => (finishSignIn = resolve)))
    setReauthenticationHandler(reauthenticate)
    fetchMock
      .mockResolvedValueOnce(expired())
      .mockResolvedValueOnce(expired())
      .mockImplementation(async () => json(200, { ok: true }))

    const both = Promise.all([api.get('/api/users'), api.get('/api/projects')])
    await vi.waitFor(() => expect(reauthenticate).toHaveBeenCalled())
    finishSignIn()

    await expect(both).resolves.toEqual([{ ok: true }, { ok: true }])
    expect(reauthenticate).toHaveBeenCalledTimes(1)
  })

  it('gives up with the original error when the user signs out instead', async () => {
    setReauthenticationHandler(() => Promise.reject(new Error('signed out')))
    fetchMock.mockResolvedValueOnce(expired())
    await expect(api.patch('/api/cocs/c1', { name: 'X' })).rejects.toMatchObject({ code: 'unauthenticated' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('leaves a wrong password and other 401s to the caller', async () => {
    const reauthenticate = vi.fn(async () => {})
    setReauthenticationHandler(reauthenticate)
    fetchMock.mockResolvedValueOnce(expired())
    await expect(
      api.post('/api/auth/login', { username: 'a', password: 'b' }, { skipReauthentication: true }),
    ).rejects.toMatchObject({ code: 'unauthenticated' })
    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'invalid_credentials', message: 'No' } }))
    await expect(api.post('/api/auth/password', {})).rejects.toMatchObject({ code: 'invalid_credentials' })
    expect(reauthenticate).not.toHaveBeenCalled()
  })
})
