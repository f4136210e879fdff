/** The "show active / inactive / all" filter every administration list offers. */
export type Activity = 'active' | 'inactive' | 'all'

export const ACTIVITY_OPTIONS: { value: Activity; label: string }[] = [
  { value: 'active', label: 'Active only' },
  { value: 'inactive', label: 'Inactive only' },
  { value: 'all', label: 'Active and inactive' },
]

export function activeFilter(activity: Activity): boolean | undefined {
  return activity === 'all' ? undefined : activity === 'active'
}
