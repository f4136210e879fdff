import { Anchor, Badge, Group, Progress, Table, Text } from '@mantine/core'
import { Link, useNavigate } from '@tanstack/react-router'
import type { ClientSearchResult } from '@threshold/core'
import type { MouseEvent, ReactNode } from 'react'
import { formatDate } from '../../components/format'
import { PATHS } from '../shell/navigation'
import { clientName } from './client-handoffs'

const MATCH_LEVELS = {
  likely: { label: 'Likely', color: 'green' },
  possible: { label: 'Possible', color: 'yellow' },
} as const

export const maskedLast4 = (last4: string | null) => (last4 ? `***-**-${last4}` : '—')

export function MatchScore({ score }: { score: number }) {
  const percent = Math.round(score * 100)
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={percent}
        w={64}
        size="sm"
        color={percent >= 85 ? 'green.8' : percent >= 60 ? 'yellow.7' : 'gray.6'}
        aria-label={`Match score ${percent}%`}
      />
      <Text size="sm" fw={600} w={40} ta="right">
        {percent}%
      </Text>
    </Group>
  )
}

export function MatchLevelBadge({ level }: { level: ClientSearchResult['matchLevel'] }) {
  if (!level) return null
  const { label, color } = MATCH_LEVELS[level]
  return (
    <Badge variant="light" color={color} size="sm">
      {label}
    </Badge>
  )
}

export function ReasonChips({ reasons }: { reasons: string[] }) {
  return (
    <Group gap={4}>
      {reasons.map((reason) => (
        <Badge
          key={reason}
          variant="outline"
          color="gray"
          size="sm"
          tt="none"
          fw={500}
          radius="sm"
          h="auto"
          py={1}
          styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
        >
          {reason}
        </Badge>
      ))}
    </Group>
  )
}

/**
 * Find Client's answer: best match first, with how strong each match is and why. A row opens the client
 * (the name is a link, so keyboard users tab to it); `action` adds a button per row instead, e.g. "Add to
 * household".
 */
export function SearchResultsTable({
  results,
  action,
  caption,
}: {
  results: ClientSearchResult[]
  action?: (result: ClientSearchResult) => ReactNode
  caption: string
}) {
  const navigate = useNavigate()
  // The whole row opens the client for mouse users; links and buttons inside keep their own meaning.
  const openFromRow = (event: MouseEvent<HTMLTableRowElement>, result: ClientSearchResult) => {
    if (action || (event.target as HTMLElement).closest('a, button')) return
    void navigate({ to: `${PATHS.clients}/${result.id}` })
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" fz="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th>
            <Table.Th>Client ID</Table.Th>
            <Table.Th>Date of birth</Table.Th>
            <Table.Th>SSN</Table.Th>
            <Table.Th>Match</Table.Th>
            <Table.Th>Why it matched</Table.Th>
            {action && (
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.map((result) => (
            <Table.Tr
              key={result.id}
              onClick={(event) => openFromRow(event, result)}
              style={action ? undefined : { cursor: 'pointer' }}
            >
              <Table.Td>
                {action ? (
                  <Text size="sm" fw={600}>
                    {clientName(result)}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`${PATHS.clients}/${result.id}`} fw={600} size="sm">
                    {clientName(result)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{result.clientNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(result.dob)}</Table.Td>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {maskedLast4(result.ssnLast4)}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <MatchScore score={result.score} />
                  <MatchLevelBadge level={result.matchLevel} />
                </Group>
              </Table.Td>
              <Table.Td>
                <ReasonChips reasons={result.reasons} />
              </Table.Td>
              {action && <Table.Td style={{ whiteSpace: 'nowrap' }}>{action(result)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
