import { useMutation, useQueryClient } from '@tanstack/react-query'
import { bedKeys } from './beds-api'

/**
 * A change to a facility's beds: on success the board and the availability counts are refetched (the live
 * stream would do it too, a moment later) and `onDone` runs. A failure stays on the mutation for the modal.
 */
export function useBedAction<Input, Result>(
  facilityId: string,
  action: (input: Input) => Promise<Result>,
  onDone: () => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: action,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: bedKeys.board(facilityId) }),
        queryClient.invalidateQueries({ queryKey: bedKeys.availability }),
      ])
      onDone()
    },
  })
}
