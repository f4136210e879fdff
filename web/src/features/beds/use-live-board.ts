import { type LiveStatus, useLiveChannel } from '../../lib/use-live-channel'
import { bedKeys, facilityEventsUrl } from './beds-api'

/** Follows the facility's live changes and refetches its board on each one. */
export function useLiveBoard(facilityId: string): LiveStatus {
  return useLiveChannel(facilityEventsUrl(facilityId), [bedKeys.board(facilityId)])
}
