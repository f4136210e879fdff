import { Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { HouseholdHistory } from '@threshold/core'
import { formatDate, formatDateTime } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { clientName } from '../clients/client-handoffs'
import { householdKeys, householdsApi } from './households-api'
import { relationshipLabel } from './relationships'

type HouseholdEvent = HouseholdHistory['events'][number]

function describeEvent(event: HouseholdEvent, nameOf: (clientId: string | null) => string): string {
  const details = event.details as {
    joinedOn?: string
    removedOn?: string
    relationshipToHoh?: number
    relationships?: { clientId: string; relationshipToHoh: number }[]
  }
  const who = nameOf(event.clientId)
  switch (event.kind) {
    case 'created':
      return `Household started with ${who} as head${details.joinedOn ? `, from ${formatDate(details.joinedOn)}` : ''}`
    case 'member_added':
      return `${who} joined as ${details.relationshipToHoh ? relationshipLabel(details.relationshipToHoh) : 'a member'}${
        details.joinedOn ? `, from ${formatDate(details.joinedOn)}` : ''
      }`
    case 'member_removed':
      return `${who} left the household${details.removedOn ? ` on ${formatDate(details.removedOn)}` : ''}`
    case 'head_changed': {
      const restated = (details.relationships ?? [])
        .map((entry) => `${nameOf(entry.clientId)}: ${relationshipLabel(entry.relationshipToHoh)}`)
        .join('; ')
      return `${who} became head of household (was ${nameOf(event.previousHeadClientId)})${restated ? `. ${restated}` : ''}`
    }
  }
}

/** Every change to the household, newest first, with who made it (names only of members the user may see). */
export function HouseholdHistoryPanel({ householdId }: { householdId: string }) {
  const history = useQuery({
    queryKey: householdKeys.history(householdId),
    queryFn: () => householdsApi.history(householdId),
  })
  return (
    <QueryState query={history} label="the household history">
      {({ members, events }) => {
        const names = new Map(members.map((member) => [member.client.id, clientName(member.client)]))
        const nameOf = (clientId: string | null) =>
          (clientId && names.get(clientId)) || 'a member you cannot see'
        return (
          <Table verticalSpacing="xs" fz="sm" striped>
            <caption className="visually-hidden">Household history</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>When</Table.Th>
                <Table.Th>What happened</Table.Th>
                <Table.Th w={220}>Recorded by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...events].reverse().map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</Table.Td>
                  <Table.Td>{describeEvent(event, nameOf)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.userDisplayName ?? '—'}</Text>
                    {event.organizationName && (
                      <Text size="xs" c="dimmed">
                        {event.organizationName}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }}
    </QueryState>
  )
}
