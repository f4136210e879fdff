import { type LiveStatus, useLiveChannel } from '../../lib/use-live-channel'
import { QUEUE_EVENTS_URL, queueKeys } from './queue-api'

/** Follows the queue's live changes and refetches whatever of the queue is on screen. */
export function useLiveQueue(): LiveStatus {
  return useLiveChannel(QUEUE_EVENTS_URL, [queueKeys.all])
}
