import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Spoiler,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { AuditEvent } from '../../api/types'
import { formatDateTime } from '../../components/format'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { type AuditFilter, auditApi, auditKeys } from './audit-api'

const OUTCOME_OPTIONS = [
  { value: 'success', label: 'Success' },
  { value: 'denied', label: 'Denied' },
  { value: 'failure', label: 'Failure' },
]

const OUTCOME_COLORS: Record<AuditEvent['outcome'], string> = {
  success: 'green',
  denied: 'orange',
  failure: 'red',
}

interface FilterValues {
  action: string
  entityType: string
  entityId: string
  outcome: string | null
  from: string
  to: string
}

const NO_FILTER: FilterValues = { action: '', entityType: '', entityId: '', outcome: null, from: '', to: '' }

function toFilter(values: FilterValues): AuditFilter {
  const text = (value: string) => value.trim() || undefined
  return {
    action: text(values.action),
    entityType: text(values.entityType),
    entityId: text(values.entityId),
    outcome: (values.outcome as AuditFilter['outcome']) ?? undefined,
    from: values.from || undefined,
    to: values.to || undefined,
  }
}

function FilterForm({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const form = useForm<FilterValues>({
    initialValues: NO_FILTER,
    validate: {
      to: (value, values) =>
        value && values.from && value < values.from
          ? 'The end date must be on or after the start date'
          : null,
    },
  })
  return (
    <Paper withBorder p="md" mb="md">
      <form onSubmit={form.onSubmit((values) => onApply(toFilter(values)))} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput label="Action" placeholder="e.g. auth.login" {...form.getInputProps('action')} />
          <TextInput
            label="Entity type"
            placeholder="e.g. user, organization"
            {...form.getInputProps('entityType')}
          />
          <TextInput label="Entity id" {...form.getInputProps('entityId')} />
          <Select
            label="Outcome"
            placeholder="Any outcome"
            data={OUTCOME_OPTIONS}
            clearable
            {...form.getInputProps('outcome')}
          />
          <TextInput type="date" label="From (UTC day)" {...form.getInputProps('from')} />
          <TextInput type="date" label="To (UTC day)" {...form.getInputProps('to')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button
            variant="default"
            onClick={() => {
              form.setValues(NO_FILTER)
              onApply({})
            }}
          >
            Clear filters
          </Button>
          <Button type="submit">Apply filters</Button>
        </Group>
      </form>
    </Paper>
  )
}

/** Details can be long (a seed's summary); the first lines show, the rest on request. */
function DetailsCell({ details }: { details: unknown }) {
  if (details === null || details === undefined) return <Text size="sm">—</Text>
  return (
    <Spoiler maxHeight={54} showLabel="Show all" hideLabel="Show less" fz="xs">
      <Code fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {JSON.stringify(details, null, 1)}
      </Code>
    </Spoiler>
  )
}

export function AuditLogPage() {
  const [filter, setFilter] = useState<AuditFilter>({})
  const events = useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => auditApi.page(filter, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  })

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, change, read of client records and denied access, newest first. The log cannot be edited."
      />
      <FilterForm onApply={setFilter} />
      <QueryState query={events} label="audit events">
        {(data) => {
          const rows = data.pages.flatMap((page) => page.events)
          return (
            <>
              <ListTable minWidth={1100}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Entity</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th>Details</Table.Th>
                    <Table.Th>IP address</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 && <EmptyRow colSpan={7}>No audit events match these filters.</EmptyRow>}
                  {rows.map((event) => (
                    <Table.Tr key={event.seq}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</Table.Td>
                      <Table.Td>
                        {event.actorUsername ?? (
                          <Text span c="dimmed" size="sm">
                            system
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code>{event.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        {event.entityType ?? '—'}
                        {event.entityId && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {event.entityId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={OUTCOME_COLORS[event.outcome]}>
                          {event.outcome}
                        </Badge>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <DetailsCell details={event.details} />
                      </Table.Td>
                      <Table.Td>{event.ip ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
              <Group justify="center" mt="md">
                {events.hasNextPage ? (
                  <Button
                    variant="default"
                    onClick={() => events.fetchNextPage()}
                    loading={events.isFetchingNextPage}
                  >
                    Load more
                  </Button>
                ) : (
                  rows.length > 0 && (
                    <Text size="sm" c="dimmed">
                      End of the log for these filters.
                    </Text>
                  )
                )}
              </Group>
            </>
          )
        }}
      </QueryState>
    </>
  )
}
