import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { QUEUE_EVENTS_URL, queueKeys } from './queue-api'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

/**
 * Follows the queue's live changes and refetches what is on screen (and after a reconnect, in case something
 * changed meanwhile). A burst of events is one refetch at a time, plus one for what changed while it ran.
 */
export function useLiveQueue(): LiveStatus {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>('connecting')
  useEffect(() => {
    const source = new EventSource(QUEUE_EVENTS_URL)
    let wasDown = false
    let fetching = false
    let changedMeanwhile = false
    const refetch = async () => {
      if (fetching) {
        changedMeanwhile = true
        return
      }
      fetching = true
      try {
        do {
          changedMeanwhile = false
          await queryClient.invalidateQueries({ queryKey: queueKeys.all }, { cancelRefetch: false })
        } while (changedMeanwhile)
      } finally {
        fetching = false
      }
    }
    source.onopen = () => {
      setStatus('live')
      if (wasDown) void refetch()
    }
    source.onerror = () => {
      wasDown = true
      setStatus('reconnecting')
    }
    source.addEventListener('change', () => void refetch())
    return () => source.close()
  }, [queryClient])
  return status
}
