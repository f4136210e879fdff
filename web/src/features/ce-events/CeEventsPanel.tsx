import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  CE_EVENT_TYPES_WITH_LOCATION,
  CE_EVENT_TYPES_WITH_RESULT,
  type Client,
  type Enrollment,
  hudLabel,
  type NewCeEvent,
} from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { FormError, useFormSubmit } from '../../components/forms'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { hudOptions } from '../clients/client-options'
import { todayIso } from '../clients/use-client-form'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { enrollmentKeys, enrollmentsApi } from '../enrollments/enrollments-api'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { ceEventKeys, ceEventsApi } from './ce-events-api'

const EVENT_TYPES = hudOptions('4.20.2')
const NO_YES = hudOptions('1.7')
const RESULTS = hudOptions('4.20.D')
const RESTRICTIONS = [
  { value: 'open', label: 'Everyone who may see the enrollment' },
  { value: 'agency', label: 'My agency only' },
]

interface EventValues {
  eventDate: string
  eventType: string
  locationProjectId: string
  probSolDivRrResult: string
  referralCaseManageAfter: string
  referralResult: string
  resultDate: string
  restriction: string
}

const number = (value: string) => (value === '' ? undefined : Number(value))

function AddEventForm({ enrollment, onDone }: { enrollment: Enrollment; onDone: () => void }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const projects = useQuery({
    queryKey: projectKeys.list({ active: true }),
    queryFn: () => projectsApi.list({ active: true }),
  })
  const form = useForm<EventValues>({
    initialValues: {
      eventDate: todayIso(),
      eventType: '',
      locationProjectId: '',
      probSolDivRrResult: '',
      referralCaseManageAfter: '',
      referralResult: '',
      resultDate: '',
      restriction: 'open',
    },
    validate: { eventType: (value) => (value ? null : 'Choose the event') },
  })
  const draft = useFormDraft(form, { key: draftStorageKey(session.user.id, `ce-event-${enrollment.id}`) })
  const type = Number(form.getValues().eventType)
  const submit = useFormSubmit(
    form,
    (values) => {
      const input: NewCeEvent = {
        eventDate: values.eventDate,
        eventType: Number(values.eventType) as NewCeEvent['eventType'],
        restriction: values.restriction as NewCeEvent['restriction'],
        ...(values.locationProjectId && { locationProjectId: values.locationProjectId }),
        ...(type === 2 &&
          values.probSolDivRrResult && { probSolDivRrResult: number(values.probSolDivRrResult) as 0 }),
        ...(type === 5 &&
          values.referralCaseManageAfter && {
            referralCaseManageAfter: number(values.referralCaseManageAfter) as 0,
          }),
        ...(values.referralResult && { referralResult: number(values.referralResult) as 1 }),
        ...(values.resultDate && { resultDate: values.resultDate }),
      }
      return ceEventsApi.create(enrollment.id, input)
    },
    {
      onSuccess: async () => {
        draft.clear()
        await queryClient.invalidateQueries({ queryKey: ceEventKeys.ofEnrollment(enrollment.id) })
        onDone()
      },
    },
  )
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={4} size="h6">
            Add a CE event
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Date of event"
              withAsterisk
              max={todayIso()}
              {...form.getInputProps('eventDate')}
            />
            <Select
              label="Event"
              data={EVENT_TYPES}
              withAsterisk
              searchable
              {...form.getInputProps('eventType')}
            />
            <Select
              label="Provider (location of crisis housing or permanent housing referral)"
              withAsterisk={CE_EVENT_TYPES_WITH_LOCATION.includes(type)}
              data={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
              searchable
              clearable
              {...form.getInputProps('locationProjectId')}
            />
            <Select
              label="Restriction"
              data={RESTRICTIONS}
              allowDeselect={false}
              {...form.getInputProps('restriction')}
            />
            {type === 2 && (
              <Select
                label="Client housed/re-housed in a safe alternative"
                data={NO_YES}
                {...form.getInputProps('probSolDivRrResult')}
              />
            )}
            {type === 5 && (
              <Select
                label="Enrolled in aftercare project"
                data={NO_YES}
                {...form.getInputProps('referralCaseManageAfter')}
              />
            )}
            {CE_EVENT_TYPES_WITH_RESULT.includes(type) && (
              <>
                <Select
                  label="Referral result"
                  data={RESULTS}
                  clearable
                  {...form.getInputProps('referralResult')}
                />
                <TextInput type="date" label="Date of result" {...form.getInputProps('resultDate')} />
              </>
            )}
          </SimpleGrid>
          <FormError message={submit.error} />
          <Group>
            <Button type="submit" loading={submit.pending}>
              Save event
            </Button>
            <Button variant="default" onClick={onDone}>
              Close
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function EnrollmentEvents({ enrollment }: { enrollment: Enrollment }) {
  const [adding, setAdding] = useState(false)
  const query = useQuery({
    queryKey: ceEventKeys.ofEnrollment(enrollment.id),
    queryFn: () => ceEventsApi.list(enrollment.id),
  })
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {enrollment.projectName} (from {formatDate(enrollment.entryDate)})
        </Text>
        {!adding && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Add New
          </Button>
        )}
      </Group>
      {adding && <AddEventForm enrollment={enrollment} onDone={() => setAdding(false)} />}
      <QueryState query={query} label="CE events">
        {(events) => (
          <ListTable minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Result date</Table.Th>
                <Table.Th>Recorded by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.length === 0 && <EmptyRow colSpan={6}>No CE events yet.</EmptyRow>}
              {events.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDate(event.eventDate)}</Table.Td>
                  <Table.Td>{hudLabel('4.20.2', event.eventType)}</Table.Td>
                  <Table.Td>{event.locationProject?.name ?? '—'}</Table.Td>
                  <Table.Td>{hudLabel('4.20.D', event.referralResult) ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(event.resultDate)}</Table.Td>
                  <Table.Td>{event.organization.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryState>
    </Stack>
  )
}

/** Case Management → Coordinated Entry Events: the client's CE enrollments and their HUD 4.20 events. */
export function CeEventsPanel({ client }: { client: Client }) {
  const enrollments = useQuery({
    queryKey: enrollmentKeys.ofClient(client.id),
    queryFn: () => enrollmentsApi.ofClient(client.id),
  })
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Coordinated Entry Events
      </Title>
      <QueryState query={enrollments} label="CE enrollments">
        {(all) => {
          const ce = all.filter((enrollment) => enrollment.projectType === 14)
          if (ce.length === 0)
            return (
              <Alert variant="light" color="gray">
                No Coordinated Entry enrollment: CE events are recorded on one.
              </Alert>
            )
          return ce.map((enrollment) => <EnrollmentEvents key={enrollment.id} enrollment={enrollment} />)
        }}
      </QueryState>
    </Stack>
  )
}
