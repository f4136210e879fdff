import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { ApiError, setReauthenticationHandler } from '../../api/client'
import { authApi, sessionQueryKey } from './session'

/**
 * Ends the session and forgets every cached answer (they hold other people's data). `callServer` is
 * false when the server has already ended the session.
 */
export function useSignOut() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return async ({ callServer }: { callServer: boolean }) => {
    if (callServer) {
      try {
        await authApi.logout()
      } catch (error) {
        // Already signed out is the outcome we wanted; anything else must not look like success.
        if (!(error instanceof ApiError && error.status === 401)) throw error
      }
    }
    setReauthenticationHandler(null)
    queryClient.clear()
    queryClient.setQueryData(sessionQueryKey, null)
    await navigate({ to: '/sign-in' })
  }
}
