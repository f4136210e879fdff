import { Badge } from '@mantine/core'

/** Active / inactive as words and colour (never colour alone). */
export function StatusBadge({
  active,
  inactiveLabel = 'Inactive',
}: {
  active: boolean
  inactiveLabel?: string
}) {
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {active ? 'Active' : inactiveLabel}
    </Badge>
  )
}
