import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { bedKeys, facilityEventsUrl } from './beds-api'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

/**
 * Follows the facility's live changes and refetches the board on them (and after a reconnect, in case
 * something changed while the stream was down). The browser's EventSource reconnects by itself.
 */
export function useLiveBoard(facilityId: string): LiveStatus {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>('connecting')
  useEffect(() => {
    const source = new EventSource(facilityEventsUrl(facilityId))
    let wasDown = false
    // A burst of changes (the morning check-out ends dozens of stays) is one refetch at a time, plus one more
    // for whatever changed while it ran: restarting the fetch on every event would show nothing until the end.
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
          await queryClient.invalidateQueries(
            { queryKey: bedKeys.board(facilityId) },
            { cancelRefetch: false },
          )
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
  }, [facilityId, queryClient])
  return status
}
