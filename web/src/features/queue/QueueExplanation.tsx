import { Button, List, Popover, Stack, Text } from '@mantine/core'
import type { QueueRow, RankingKeyName } from '@threshold/core'
import { directionLabel, explanationValue, rankingName } from './queue-labels'

/** "Why #3": each ranking key's value for this household, in the ranking's order, and the rule version. */
export function QueueExplanation({ row }: { row: QueueRow }) {
  const label = row.rank === null ? 'Why not ranked' : `Why #${row.rank}`
  return (
    <Popover width={320} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" size="compact-xs" aria-label={`${label}: ranking explanation`}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {row.rank === null ? `Not ranked while ${row.status.replaceAll('_', ' ')}` : `Rank ${row.rank}`}
          </Text>
          <List size="sm" type="ordered">
            {row.explanation.map((item) => (
              <List.Item key={item.key}>
                {item.label}: <strong>{explanationValue(item)}</strong>{' '}
                <Text span c="dimmed" size="xs">
                  ({directionLabel(item.key as RankingKeyName, item.direction)})
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            Ties are broken by a stable random draw made when the household was placed. Ranking:{' '}
            {rankingName(row)}.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
