import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ageOn, type Client, type Household } from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { clientName } from '../clients/client-handoffs'
import { todayIso } from '../clients/use-client-form'
import { PATHS } from '../shell/navigation'
import { AddMemberModal } from './AddMemberModal'
import { ChangeHeadModal } from './ChangeHeadModal'
import { HouseholdHistoryPanel } from './HouseholdHistoryPanel'
import { currentMembers } from './household-summary'
import { householdKeys, householdsApi } from './households-api'
import { RemoveMemberModal } from './RemoveMemberModal'
import { isHead, relationshipLabel } from './relationships'

type Member = Household['members'][number]

function MembersTable({
  household,
  client,
  onRemove,
}: {
  household: Household
  client: Client
  onRemove: (member: Member) => void
}) {
  const today = todayIso()
  const current = currentMembers(household)
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" fz="sm" highlightOnHover>
        <caption className="visually-hidden">Household members</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Client ID</Table.Th>
            <Table.Th>Date of birth</Table.Th>
            <Table.Th>Relationship to head</Table.Th>
            <Table.Th>Member since</Table.Th>
            <Table.Th>Status</Table.Th>
            {household.canEdit && (
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {household.members.map((member) => {
            const head = isHead(member)
            return (
              <Table.Tr
                key={`${member.client.id}-${member.joinedOn}`}
                c={member.removedOn ? 'dimmed' : undefined}
              >
                <Table.Td>
                  {member.client.id === client.id ? (
                    <Text size="sm" fw={600}>
                      {clientName(member.client)}{' '}
                      <Text span size="xs" c="dimmed">
                        (this client)
                      </Text>
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`${PATHS.clients}/${member.client.id}`} size="sm" fw={600}>
                      {clientName(member.client)}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{member.client.clientNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {member.client.dob
                    ? `${formatDate(member.client.dob)} (${ageOn(member.client.dob, today)})`
                    : '—'}
                </Table.Td>
                <Table.Td>
                  {head ? (
                    <Badge variant="light" color="indigo" tt="none">
                      {relationshipLabel(member.relationshipToHoh)}
                    </Badge>
                  ) : (
                    relationshipLabel(member.relationshipToHoh)
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(member.joinedOn)}</Table.Td>
                <Table.Td>
                  {member.removedOn ? (
                    <Stack gap={0}>
                      <Text size="sm">Left {formatDate(member.removedOn)}</Text>
                      {member.removedReason && (
                        <Text size="xs" c="dimmed">
                          {member.removedReason}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    'Current'
                  )}
                </Table.Td>
                {household.canEdit && (
                  <Table.Td ta="right">
                    {!member.removedOn && !(head && current.length > 1) && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onRemove(member)}
                        aria-label={`Remove ${clientName(member.client)} from the household`}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function HouseholdCard({ household, client }: { household: Household; client: Client }) {
  const [adding, addModal] = useDisclosure(false)
  const [changingHead, headModal] = useDisclosure(false)
  const [showHistory, history] = useDisclosure(false)
  const [removing, setRemoving] = useState<Member | null>(null)
  const current = currentMembers(household)
  const head = current.find(isHead)
  const isCurrent = current.some((member) => member.client.id === client.id)

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={`Household of ${head ? clientName(head.client) : 'a client'}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {head ? `${clientName(head.client)}’s household` : 'Household'}
              {!isCurrent && (
                <Badge ml="xs" variant="light" color="gray" tt="none">
                  Former household
                </Badge>
              )}
            </Title>
            <Text size="xs" c="dimmed">
              {current.length} current {current.length === 1 ? 'member' : 'members'} · recorded by{' '}
              {household.ownerOrganizationName}
            </Text>
          </Stack>
          <Group gap="xs">
            {household.canEdit && isCurrent && (
              <>
                <Button size="xs" onClick={addModal.open}>
                  Add member
                </Button>
                {current.length > 1 && (
                  <Button size="xs" variant="default" onClick={headModal.open}>
                    Change head of household
                  </Button>
                )}
              </>
            )}
            <Button size="xs" variant="subtle" onClick={history.toggle} aria-expanded={showHistory}>
              {showHistory ? 'Hide history' : 'History'}
            </Button>
          </Group>
        </Group>
        {household.warnings.length > 0 && (
          <Alert color="yellow" variant="light" title="Worth checking">
            <Stack gap={2}>
              {household.warnings.map((warning) => (
                <Text size="sm" key={warning}>
                  {warning}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {!household.canEdit && (
          <Text size="xs" c="dimmed">
            You can’t change this household: it has members you may not see.
          </Text>
        )}
        <MembersTable household={household} client={client} onRemove={setRemoving} />
        {showHistory && (
          <Stack gap={4}>
            <Title order={4} size="h6">
              Household history
            </Title>
            <HouseholdHistoryPanel householdId={household.id} />
          </Stack>
        )}
      </Stack>
      <AddMemberModal opened={adding} onClose={addModal.close} client={client} household={household} />
      <ChangeHeadModal opened={changingHead} onClose={headModal.close} household={household} />
      <RemoveMemberModal household={household} member={removing} onClose={() => setRemoving(null)} />
    </Paper>
  )
}

/**
 * Family Members (ClientTrack Step 2): the households the client belongs to, each with its members and
 * their relationship to the head. A person may belong to several; former households stay listed.
 */
export function HouseholdSection({ client }: { client: Client }) {
  const [adding, addModal] = useDisclosure(false)
  const households = useQuery({
    queryKey: householdKeys.ofClient(client.id),
    queryFn: () => householdsApi.ofClient(client.id),
  })
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        Household
      </Title>
      <QueryState query={households} label="the households">
        {(list) => {
          const isMember = (household: Household) =>
            currentMembers(household).some((member) => member.client.id === client.id)
          const ordered = [...list.filter(isMember), ...list.filter((household) => !isMember(household))]
          return (
            <Stack gap="md">
              {!ordered.some(isMember) && (
                <Paper withBorder p="md">
                  <Group justify="space-between" wrap="wrap">
                    <Text size="sm">
                      {clientName(client)} is not in a household: on their own they are their own head of
                      household (Self). Add a member to record a family.
                    </Text>
                    {client.canEdit && (
                      <Button size="xs" onClick={addModal.open}>
                        Add member
                      </Button>
                    )}
                  </Group>
                </Paper>
              )}
              {ordered.map((household) => (
                <HouseholdCard key={household.id} household={household} client={client} />
              ))}
            </Stack>
          )
        }}
      </QueryState>
      <AddMemberModal opened={adding} onClose={addModal.close} client={client} household={null} />
    </Stack>
  )
}
