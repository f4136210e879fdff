import { Badge, Group } from '@mantine/core'
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from '@threshold/core'

/** A referral's status in words (never colour alone), with "Stalled" when it is overdue. */
export function ReferralStatusBadge({ status, stalled }: { status: ReferralStatus; stalled?: boolean }) {
  const color =
    status === 'enrolled' ? 'green' : status === 'accepted' ? 'teal' : status === 'pending' ? 'blue' : 'gray'
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={color}>
        {REFERRAL_STATUS_LABELS[status]}
      </Badge>
      {stalled && (
        <Badge variant="filled" color="red.9">
          Stalled
        </Badge>
      )}
    </Group>
  )
}
