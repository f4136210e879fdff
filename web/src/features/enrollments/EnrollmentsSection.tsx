import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  type Client,
  type Enrollment,
  HEAD_OF_HOUSEHOLD,
  HUD_LIST_SUBSETS,
  PERMANENT_HOUSING_PROJECT_TYPES,
} from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { clientName } from '../clients/client-handoffs'
import { codeLabel } from '../clients/client-options'
import { householdKeys, householdsApi } from '../households/households-api'
import { relationshipLabel } from '../households/relationships'
import { projectTypeLabel } from '../projects/project-types'
import { DirectReferralButton } from '../referrals/DirectReferralButton'
import { EnrollHouseholdModal } from './EnrollHouseholdModal'
import {
  AssessmentModal,
  CONTACT_PROJECT_TYPES,
  ExitModal,
  JoinEnrollmentModal,
  LivingSituationModal,
  MoveInModal,
} from './EnrollmentModals'
import { enrollmentKeys, enrollmentsApi } from './enrollments-api'

const ANNUAL_STATUS: Record<string, { label: string; color: string }> = {
  not_yet_due: { label: 'Annual assessment not yet due', color: 'gray' },
  open: { label: 'Annual assessment due now', color: 'yellow' },
  overdue: { label: 'Annual assessment overdue', color: 'red' },
  completed: { label: 'Annual assessment done', color: 'green' },
}

const ISSUE_LABELS: Record<string, string> = {
  missing: 'missing',
  client_doesnt_know: "client doesn't know",
  client_prefers_not_to_answer: 'client prefers not to answer',
  not_collected: 'not collected',
}

/** The names of the people the viewer may see in the client's households, by client id. */
export function useHouseholdNames(client: Client) {
  const households = useQuery({
    queryKey: householdKeys.ofClient(client.id),
    queryFn: () => householdsApi.ofClient(client.id),
  })
  const names = new Map<string, string>([[client.id, clientName(client)]])
  for (const household of households.data ?? [])
    for (const member of household.members) names.set(member.client.id, clientName(member.client))
  const current = (households.data ?? [])
    .filter((household) =>
      household.members.some((member) => member.client.id === client.id && member.removedOn === null),
    )
    .flatMap((household) => household.members.filter((member) => member.removedOn === null))
    .map((member) => ({ clientId: member.client.id, name: clientName(member.client) }))
  return { names, currentMembers: current }
}

type Action = 'assessment' | 'contact' | 'exit' | 'join' | 'move-in' | `leave:${string}`

function EnrollmentCard({
  enrollment,
  names,
  householdMembers,
}: {
  enrollment: Enrollment
  names: Map<string, string>
  householdMembers: { clientId: string; name: string }[]
}) {
  const [action, setAction] = useState<Action | null>(null)
  const close = () => setAction(null)
  const open = enrollment.exitDate === null
  const annual = enrollment.annualAssessment
  const annualStatus = annual ? ANNUAL_STATUS[annual.status] : undefined
  const enrolledIds = new Set(
    enrollment.household.filter((member) => member.exitDate === null).map((member) => member.clientId),
  )
  const candidates = householdMembers.filter((member) => !enrolledIds.has(member.clientId))
  const permanentHousing = PERMANENT_HOUSING_PROJECT_TYPES.includes(enrollment.projectType)
  const head = enrollment.household.find((member) => member.relationshipToHoh === HEAD_OF_HOUSEHOLD)
  return (
    <Paper withBorder p="md" component="article" aria-label={`${enrollment.projectName} enrollment`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {enrollment.projectName}
            </Title>
            <Text size="xs" c="dimmed">
              {projectTypeLabel(enrollment.projectType)} · {enrollment.ownerOrganizationName}
            </Text>
          </Stack>
          <Badge color={open ? 'green' : 'gray'} variant="light">
            {open ? 'Open' : 'Exited'}
          </Badge>
        </Group>
        <Text size="sm">
          Start {formatDate(enrollment.entryDate)}
          {enrollment.moveInDate && ` · Moved in ${formatDate(enrollment.moveInDate)}`}
          {enrollment.exitDate && ` · Exit ${formatDate(enrollment.exitDate)}`} ·{' '}
          {relationshipLabel(enrollment.relationshipToHoh)}
        </Text>
        {enrollment.destination !== null && (
          <Text size="sm">
            Destination: {codeLabel(HUD_LIST_SUBSETS.destination, enrollment.destination)}
          </Text>
        )}
        <Text size="sm">
          Household:{' '}
          {enrollment.household
            .map(
              (member) =>
                `${names.get(member.clientId) ?? 'a member'}${member.exitDate ? ` (left ${formatDate(member.exitDate)})` : ''}`,
            )
            .join(', ')}
          {head ? '' : ' (head not shown)'}
        </Text>
        {annual && annualStatus && (
          <Group gap="xs">
            <Badge color={annualStatus.color} variant="light">
              {annualStatus.label}
            </Badge>
            <Text size="xs">
              Window {formatDate(annual.windowStart)} – {formatDate(annual.windowEnd)} (anniversary{' '}
              {formatDate(annual.anniversary)})
            </Text>
          </Group>
        )}
        {enrollment.dataQuality.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              Missing or incomplete elements
            </Text>
            <List size="sm" aria-label={`Missing elements of ${enrollment.projectName}`}>
              {enrollment.dataQuality.map((issue) => (
                <List.Item key={`${issue.element}:${issue.stage}`}>
                  {issue.element} at {issue.stage}: {ISSUE_LABELS[issue.status] ?? issue.status}
                </List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            Every required element is complete.
          </Text>
        )}
        {enrollment.canEdit && open && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setAction('assessment')}>
              Update / annual assessment
            </Button>
            {CONTACT_PROJECT_TYPES.includes(enrollment.projectType) && (
              <Button size="xs" variant="light" onClick={() => setAction('contact')}>
                Record contact (4.12)
              </Button>
            )}
            {permanentHousing && (
              <Button size="xs" variant="light" onClick={() => setAction('move-in')}>
                {enrollment.moveInDate ? 'Correct move-in date' : 'Record move-in'}
              </Button>
            )}
            {candidates.length > 0 && (
              <Button size="xs" variant="light" onClick={() => setAction('join')}>
                Add member
              </Button>
            )}
            {enrolledIds.size > 1 && enrollment.relationshipToHoh !== HEAD_OF_HOUSEHOLD && (
              <Button size="xs" variant="light" onClick={() => setAction(`leave:${enrollment.clientId}`)}>
                Member leaves
              </Button>
            )}
            <Button size="xs" variant="light" color="red" onClick={() => setAction('exit')}>
              Exit household
            </Button>
            <DirectReferralButton enrollment={enrollment} />
          </Group>
        )}
      </Stack>
      <AssessmentModal enrollment={enrollment} opened={action === 'assessment'} onClose={close} />
      <MoveInModal enrollment={enrollment} opened={action === 'move-in'} onClose={close} />
      <LivingSituationModal enrollment={enrollment} opened={action === 'contact'} onClose={close} />
      <JoinEnrollmentModal
        enrollment={enrollment}
        candidates={candidates}
        opened={action === 'join'}
        onClose={close}
      />
      <ExitModal enrollment={enrollment} names={names} opened={action === 'exit'} onClose={close} />
      <ExitModal
        enrollment={enrollment}
        leaving={enrollment.clientId}
        names={names}
        opened={action === `leave:${enrollment.clientId}`}
        onClose={close}
      />
    </Paper>
  )
}

/** The client's project enrollments, open and past, with the stages due and what each still misses. */
export function EnrollmentsSection({ client }: { client: Client }) {
  const [enrolling, setEnrolling] = useState(false)
  const enrollments = useQuery({
    queryKey: enrollmentKeys.ofClient(client.id),
    queryFn: () => enrollmentsApi.ofClient(client.id),
  })
  const { names, currentMembers } = useHouseholdNames(client)
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Enrollments
        </Title>
        <Button onClick={() => setEnrolling(true)}>Enroll household</Button>
      </Group>
      <QueryState query={enrollments} label="the enrollments">
        {(list) => {
          const groups = [
            { title: 'Open', empty: 'No open enrollment.', open: true },
            { title: 'Past', empty: 'No past enrollment.', open: false },
          ]
          return (
            <Stack gap="lg">
              {groups.map((group) => {
                const shown = list.filter((enrollment) => (enrollment.exitDate === null) === group.open)
                return (
                  <Stack gap="sm" key={group.title}>
                    <Title order={3} size="h5">
                      {group.title} ({shown.length})
                    </Title>
                    {shown.length === 0 && <Text size="sm">{group.empty}</Text>}
                    {shown.map((enrollment) => (
                      <EnrollmentCard
                        key={enrollment.id}
                        enrollment={enrollment}
                        names={names}
                        householdMembers={currentMembers}
                      />
                    ))}
                  </Stack>
                )
              })}
            </Stack>
          )
        }}
      </QueryState>
      <EnrollHouseholdModal client={client} opened={enrolling} onClose={() => setEnrolling(false)} />
    </Stack>
  )
}
