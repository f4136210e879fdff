import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ClientBar, Facility } from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { FormError, useFormSubmit } from '../../components/forms'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { todayIso } from '../clients/use-client-form'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { ActionError } from './ActionError'
import { bedKeys, bedsApi } from './beds-api'
import { type ChosenClient, ClientPicker } from './ClientPicker'

// Bars (ClientTrack): a client barred from a project, a facility or a service, enforced by agencies. While a
// bar is active the server refuses check-in, reservations and enrollment there, giving the reason.

export interface BarPlace {
  facility: Facility
  /** The facility's projects (from its board), offered as bar targets. */
  projects: { id: string; name: string }[]
}

interface BarValues {
  target: string
  service: string
  beginDate: string
  endDate: string
  reason: string
  notes: string
}

const FACILITY_TARGET = 'facility'

function targetLabel(bar: ClientBar, place: BarPlace): string {
  if (bar.facilityId) return bar.facilityId === place.facility.id ? place.facility.name : 'Another facility'
  if (bar.projectId)
    return place.projects.find((project) => project.id === bar.projectId)?.name ?? 'Another project'
  return `Service: ${bar.service}`
}

function BarList({ client, place }: { client: ChosenClient; place: BarPlace }) {
  const queryClient = useQueryClient()
  const bars = useQuery({ queryKey: bedKeys.bars(client.id), queryFn: () => bedsApi.bars(client.id) })
  const end = useMutation({
    mutationFn: bedsApi.endBar,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bedKeys.bars(client.id) }),
  })
  return (
    <QueryState query={bars} label="bars">
      {({ items }) => (
        <Stack gap="xs">
          <ListTable minWidth={640}>
            <caption className="visually-hidden">Bars of {client.name}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Barred from</Table.Th>
                <Table.Th>Dates</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && <EmptyRow colSpan={5}>No bar recorded for {client.name}.</EmptyRow>}
              {items.map((bar) => (
                <Table.Tr key={bar.id}>
                  <Table.Td>{targetLabel(bar, place)}</Table.Td>
                  <Table.Td>
                    {formatDate(bar.beginDate)} – {bar.endDate ? formatDate(bar.endDate) : 'no end date'}
                  </Table.Td>
                  <Table.Td>{bar.reason}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={bar.active ? 'red' : 'gray'}>
                      {bar.active ? 'Active' : bar.endedAt ? 'Ended' : 'Not active'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {bar.active && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={end.isPending && end.variables === bar.id}
                        onClick={() => end.mutate(bar.id)}
                        aria-label={`End now: the bar from ${targetLabel(bar, place)}`}
                      >
                        End now
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
          <ActionError error={end.error} title="Not ended" />
        </Stack>
      )}
    </QueryState>
  )
}

function NewBarForm({ client, place }: { client: ChosenClient; place: BarPlace }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const form = useForm<BarValues>({
    initialValues: {
      target: FACILITY_TARGET,
      service: '',
      beginDate: todayIso(),
      endDate: '',
      reason: '',
      notes: '',
    },
    validate: {
      reason: (value) => (value.trim() ? null : 'Give the reason'),
      service: (value, values) => (values.target === 'service' && !value.trim() ? 'Name the service' : null),
      endDate: (value, values) =>
        value && value < values.beginDate ? 'must be on or after the begin date' : null,
    },
  })
  const draft = useFormDraft(form, { key: draftStorageKey(session.user.id, `bar:${client.id}`) })
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values: BarValues) =>
      bedsApi.createBar(client.id, {
        ...(values.target === FACILITY_TARGET
          ? { facilityId: place.facility.id }
          : values.target === 'service'
            ? { service: values.service.trim() }
            : { projectId: values.target }),
        beginDate: values.beginDate,
        endDate: values.endDate || null,
        enforcingOrganizationIds: [place.facility.organizationId],
        reason: values.reason.trim(),
        notes: values.notes.trim(),
      }),
    {
      fieldNames: { projectId: 'target', facilityId: 'target' },
      onSuccess: async () => {
        draft.clear()
        form.reset()
        await queryClient.invalidateQueries({ queryKey: bedKeys.bars(client.id) })
      },
    },
  )
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Bar ${client.name}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Add a bar
        </Title>
        <FormError message={error} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label="Barred from"
            withAsterisk
            data={[
              { value: FACILITY_TARGET, label: `${place.facility.name} (the whole facility)` },
              ...place.projects.map((project) => ({ value: project.id, label: project.name })),
              { value: 'service', label: 'A service' },
            ]}
            allowDeselect={false}
            w={360}
            {...form.getInputProps('target')}
          />
          {form.values.target === 'service' && (
            <TextInput label="Service" withAsterisk w={240} {...form.getInputProps('service')} />
          )}
          <TextInput type="date" label="From" withAsterisk w={180} {...form.getInputProps('beginDate')} />
          <TextInput
            type="date"
            label="Until (optional)"
            description="Empty: until ended"
            w={180}
            {...form.getInputProps('endDate')}
          />
        </Group>
        <Textarea
          label="Reason"
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('reason')}
        />
        <Textarea label="Notes" autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
        <Text size="xs" c="dimmed">
          Enforced by {place.facility.organizationName}.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={pending}>
            Add bar
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** A client's bars: found with Find Client (or given, for a bed's resident), listed, added and ended. */
export function ClientBarsModal({
  place,
  resident,
  onClose,
}: {
  place: BarPlace
  resident: ChosenClient | null
  onClose: () => void
}) {
  const [client, setClient] = useState<ChosenClient | null>(resident)
  return (
    <Modal opened onClose={onClose} title={client ? `Bars: ${client.name}` : 'Bars'} size="80rem">
      <Stack gap="md">
        {!resident && (
          <ClientPicker label="Find Client to see or add bars" chosen={client} onChoose={setClient} />
        )}
        {client && (
          <>
            <BarList client={client} place={place} />
            <NewBarForm key={client.id} client={client} place={place} />
          </>
        )}
      </Stack>
    </Modal>
  )
}
