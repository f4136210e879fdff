import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { QUEUE_STATUS_LABELS, QUEUE_STATUSES, type QueueRow, type QueueStatus } from '@threshold/core'
import { formatDateTime } from '../../components/format'
import { errorMessage } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { queueApi, queueKeys } from './queue-api'

/** The household as the row may name it. */
export function householdLabel(row: QueueRow): string {
  if (row.identity === 'deidentified') return 'Confidential household'
  return row.headName ?? 'Household (name not shown to you)'
}

// Housed comes with a referral's successful result; everything else a CE manager may set here.
const SETTABLE = QUEUE_STATUSES.filter((status) => status !== 'housed').map((status) => ({
  value: status,
  label: QUEUE_STATUS_LABELS[status],
}))

interface StatusValues {
  status: string
  reason: string
}

export function ChangeStatusModal({ row, onClose }: { row: QueueRow; onClose(): void }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const form = useForm<StatusValues>({
    initialValues: { status: row.status, reason: '' },
    validate: { status: (value) => (value ? null : 'Choose a status') },
  })
  const draft = useFormDraft(form, {
    key: draftStorageKey(session.user.id, `queue-status:${row.queueEntryId}:${row.version}`),
  })
  const mutation = useMutation({
    mutationFn: (values: StatusValues) =>
      queueApi.setStatus(row.queueEntryId, {
        status: values.status as Exclude<QueueStatus, 'housed'>,
        reason: values.reason.trim() || null,
        expectedVersion: row.version,
      }),
    onSuccess: async () => {
      draft.clear()
      await queryClient.invalidateQueries({ queryKey: queueKeys.all })
      onClose()
    },
  })
  return (
    <Modal opened onClose={onClose} title={`Queue status: ${householdLabel(row)}`}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))}>
        <Stack>
          <Select label="Status" data={SETTABLE} allowDeselect={false} {...form.getInputProps('status')} />
          <TextInput
            label="Reason"
            description="For example: unable to locate since the last outreach"
            {...form.getInputProps('reason')}
          />
          {form.getValues().status === 'ready' && row.documentsCompleteFor.length === 0 && (
            <Text size="sm" c="dimmed">
              No document checklist is complete yet: the household will wait as incomplete documentation.
            </Text>
          )}
          {mutation.isError && (
            <Alert color="red" role="alert" title="Not saved">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Save status
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

const EVENT_LABELS = {
  placed: 'Placed on the queue',
  status_changed: 'Status changed',
  ranking_published: 'Ranking changed',
  refreshed: 'Facts updated',
  left_queue: 'Left the queue',
} as const

export function PositionHistoryModal({ row, onClose }: { row: QueueRow; onClose(): void }) {
  const query = useQuery({
    queryKey: queueKeys.history(row.queueEntryId),
    queryFn: () => queueApi.history(row.queueEntryId),
  })
  return (
    <Modal opened onClose={onClose} title={`Position history: ${householdLabel(row)}`} size="xl">
      <QueryState query={query} label="position history">
        {({ items }) => (
          <Table striped aria-label="Position history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Rank</Table.Th>
                <Table.Th>Ranking</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{formatDateTime(item.occurredAt)}</Table.Td>
                  <Table.Td>{EVENT_LABELS[item.event]}</Table.Td>
                  <Table.Td>{QUEUE_STATUS_LABELS[item.status]}</Table.Td>
                  <Table.Td>
                    {item.rank === null ? 'not ranked' : `#${item.rank}`}
                    {item.previousRank !== null &&
                      item.previousRank !== item.rank &&
                      ` (was #${item.previousRank})`}
                  </Table.Td>
                  <Table.Td>
                    {item.programType.toUpperCase()} v{item.rankingVersion ?? 0}
                  </Table.Td>
                  <Table.Td>{item.actorName ?? 'System'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Modal>
  )
}
