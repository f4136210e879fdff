import { Badge, Group } from '@mantine/core'
import { ROLE_LABELS } from '@threshold/core'
import type { UserMembership } from '../../api/types'

export function MembershipBadges({ memberships }: { memberships: UserMembership[] }) {
  return (
    <Group gap={6}>
      {memberships.map((membership) => (
        <Badge
          key={membership.organizationId}
          variant="light"
          color={membership.active ? 'indigo' : 'gray'}
          tt="none"
          fw={500}
        >
          {membership.organizationName}: {ROLE_LABELS[membership.role]}
          {membership.active ? '' : ' (inactive)'}
        </Badge>
      ))}
    </Group>
  )
}
