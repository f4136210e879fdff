import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { followLiveChannel, type LiveStatus } from './live-channel'

export type { LiveStatus } from './live-channel'

/**
 * Follows the live stream at `url` while the component is mounted: each change invalidates `queryKeys`
 * (their active queries refetch), and the stream reconnects with backoff. Returns the connection state.
 */
export function useLiveChannel(url: string, queryKeys: readonly QueryKey[]): LiveStatus {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>('connecting')
  // The latest keys, without reconnecting when the caller passes a new array with the same keys.
  const keys = useRef(queryKeys)
  keys.current = queryKeys
  useEffect(
    () =>
      followLiveChannel({
        url,
        onStatus: setStatus,
        refetch: () =>
          Promise.all(
            keys.current.map((queryKey) =>
              queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false }),
            ),
          ),
      }),
    [url, queryClient],
  )
  return status
}
