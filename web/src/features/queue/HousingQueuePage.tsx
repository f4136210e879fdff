import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import {
  HOUSEHOLD_TYPE_LABELS,
  QUEUE_PROGRAM_TYPE_LABELS,
  QUEUE_PROGRAM_TYPES,
  QUEUE_STATUS_LABELS,
  QUEUE_STATUSES,
  type QueueRow,
  type Role,
} from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import type { LiveStatus } from '../../lib/live-channel'
import { useSession } from '../auth/session'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { PATHS } from '../shell/navigation'
import { ChangeStatusModal, householdLabel, PositionHistoryModal } from './QueueEntryModals'
import { QueueExplanation } from './QueueExplanation'
import { type QueueFilterValues, queueApi, queueCsvUrl, queueKeys } from './queue-api'
import { documentationSummary, rankingName } from './queue-labels'
import { RankingEditorModal } from './RankingEditorModal'
import { useLiveQueue } from './use-live-queue'

// The Housing Queue: one row per household on the CoC's Coordinated Entry queue, ranked by the CoC's rules,
// each rank explained; filters, paging, a CSV for case conferencing, status changes, position history, and
// the ranking editor. It follows the live stream, so a change made anywhere shows here within a moment.

// The same rules as the server's queue policy, only to offer the actions that would be allowed.
const QUEUE_MANAGER_ROLES: readonly Role[] = ['system_admin', 'coc_admin', 'ce_manager']
const PAGE_SIZE = 25

const FACT_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Unknown' },
]

function LiveIndicator({ status }: { status: LiveStatus }) {
  const text = {
    connecting: 'Connecting…',
    live: 'Live: updates as they happen',
    reconnecting: 'Reconnecting…',
  }
  return (
    <Badge variant="dot" color={status === 'live' ? 'green' : 'yellow'} tt="none" role="status">
      {text[status]}
    </Badge>
  )
}

/** "Assigned to me" first, then the other workers households on the queue are assigned to. */
function workerOptions(me: { id: string }, workers: { id: string; name: string }[]) {
  return [
    { value: me.id, label: 'Assigned to me' },
    ...workers
      .filter((worker) => worker.id !== me.id)
      .map((worker) => ({ value: worker.id, label: worker.name })),
  ]
}

function Filters({ value, onChange }: { value: QueueFilterValues; onChange(next: QueueFilterValues): void }) {
  const session = useSession()
  const projects = useQuery({
    queryKey: projectKeys.list({ projectType: 14 }),
    queryFn: () => projectsApi.list({ projectType: 14 }),
  })
  const workers = useQuery({ queryKey: queueKeys.workers, queryFn: queueApi.workers })
  const select = (key: keyof QueueFilterValues, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder="Any"
      clearable
      data={data}
      value={value[key] ?? null}
      onChange={(next) => onChange({ ...value, [key]: next ?? undefined })}
    />
  )
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="md">
      {select(
        'projectId',
        'CE project',
        (projects.data ?? []).map((project) => ({ value: project.id, label: project.name })),
      )}
      {select(
        'status',
        'Status',
        QUEUE_STATUSES.map((status) => ({ value: status, label: QUEUE_STATUS_LABELS[status] })),
      )}
      {select(
        'householdType',
        'Household type',
        Object.entries(HOUSEHOLD_TYPE_LABELS).map(([type, label]) => ({ value: type, label })),
      )}
      {select('veteran', 'Veteran', FACT_OPTIONS)}
      {select('youth', 'Youth', FACT_OPTIONS)}
      {select('chronic', 'Chronically homeless', FACT_OPTIONS)}
      {select('dv', 'Fleeing DV', FACT_OPTIONS)}
      {select('documentation', 'Documentation', [
        { value: 'complete', label: 'Complete' },
        { value: 'incomplete', label: 'Incomplete' },
      ])}
      {select('eligibleProgramType', 'Eligible for', [
        { value: 'psh', label: 'PSH' },
        { value: 'rrh', label: 'RRH' },
        { value: 'th', label: 'TH' },
      ])}
      {select('assignedUserId', 'Assigned worker', workerOptions(session.user, workers.data?.items ?? []))}
      {select('staleCls', 'Last contact', [
        { value: 'true', label: 'Stale (over 90 days)' },
        { value: 'false', label: 'Recent' },
      ])}
      {select('sort', 'Sort by', [
        { value: 'score', label: 'Score (highest first)' },
        { value: 'ce_start_date', label: 'Date added (oldest first)' },
        { value: 'days_homeless', label: 'Days homeless (most first)' },
        { value: 'last_cls_date', label: 'Last contact (oldest first)' },
      ])}
      <Select
        label="Order for"
        allowDeselect={false}
        data={QUEUE_PROGRAM_TYPES.map((type) => ({ value: type, label: QUEUE_PROGRAM_TYPE_LABELS[type] }))}
        value={value.programType ?? 'all'}
        onChange={(next) =>
          onChange({ ...value, programType: (next ?? 'all') as QueueFilterValues['programType'] })
        }
      />
    </SimpleGrid>
  )
}

function Flags({ row }: { row: QueueRow }) {
  const flags = [
    row.veteran === 'yes' && 'Veteran',
    row.youth === 'yes' && 'Youth',
    row.householdType === 'adults_and_children' && 'Family',
    row.fleeingDv === 'yes' && 'DV',
  ].filter(Boolean) as string[]
  return (
    <Group gap={4}>
      {flags.map((flag) => (
        <Badge key={flag} size="xs" variant="light">
          {flag}
        </Badge>
      ))}
    </Group>
  )
}

type Dialog = { kind: 'status' | 'history'; row: QueueRow } | { kind: 'ranking' } | null

function QueueTable({
  rows,
  manager,
  open,
}: {
  rows: QueueRow[]
  manager: boolean
  open(dialog: Dialog): void
}) {
  return (
    <ListTable minWidth={1500}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rank</Table.Th>
          <Table.Th>Head of household</Table.Th>
          <Table.Th>Household</Table.Th>
          <Table.Th>CE project</Table.Th>
          <Table.Th>Date added</Table.Th>
          <Table.Th>Assessment</Table.Th>
          <Table.Th>Chronic</Table.Th>
          <Table.Th>Days homeless (3 yrs)</Table.Th>
          <Table.Th>Disability verified</Table.Th>
          <Table.Th>Documentation</Table.Th>
          <Table.Th>Eligible for</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Last contact</Table.Th>
          <Table.Th>Assigned</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow colSpan={15}>No households match these filters.</EmptyRow>}
        {rows.map((row) => (
          <Table.Tr key={row.queueEntryId} data-testid="queue-row">
            <Table.Td>
              <Stack gap={0} align="flex-start">
                <Text fw={700}>{row.rank === null ? '—' : `#${row.rank}`}</Text>
                <QueueExplanation row={row} />
              </Stack>
            </Table.Td>
            <Table.Td>
              {row.identity === 'named' && row.clientId ? (
                <Anchor component={Link} to={`${PATHS.clients}/${row.clientId}`}>
                  {householdLabel(row)}
                </Anchor>
              ) : (
                <Text c="dimmed" fs="italic">
                  {householdLabel(row)}
                </Text>
              )}
              {row.clientId && (
                <Text size="xs" c="dimmed">
                  ID {row.clientId.slice(0, 8)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {HOUSEHOLD_TYPE_LABELS[row.householdType]}, {row.householdSize}{' '}
                {row.householdSize === 1 ? 'person' : 'people'}
              </Text>
              <Flags row={row} />
            </Table.Td>
            <Table.Td>{row.ceProjectName}</Table.Td>
            <Table.Td>{formatDate(row.ceStartDate)}</Table.Td>
            <Table.Td>
              <Text size="sm">{row.score === null ? 'Not assessed' : `Score ${row.score}`}</Text>
              <Text size="xs" c="dimmed">
                {row.toolName ?? ''} {row.assessmentDate && formatDate(row.assessmentDate)}
              </Text>
            </Table.Td>
            <Table.Td>{row.chronic}</Table.Td>
            <Table.Td>{row.daysHomeless ?? '—'}</Table.Td>
            <Table.Td>{row.disabilityVerified ? 'Yes' : 'No'}</Table.Td>
            <Table.Td>
              <Text size="sm">{documentationSummary(row)}</Text>
            </Table.Td>
            <Table.Td>
              {row.eligibleProgramTypes.length > 0
                ? row.eligibleProgramTypes.map((type) => type.toUpperCase()).join(', ')
                : '—'}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" tt="none">
                {QUEUE_STATUS_LABELS[row.status]}
              </Badge>
              {row.inactiveSince && (
                <Text size="xs" c="dimmed">
                  since {formatDate(row.inactiveSince)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {formatDate(row.lastClsDate)}
              {row.clsStale && (
                <Badge color="orange" variant="light" size="xs" tt="none" ml={4}>
                  Stale
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{row.assignedUserName ?? '—'}</Table.Td>
            <Table.Td>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" size="xs" aria-label={`Actions for ${householdLabel(row)}`}>
                    Actions
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {manager && (
                    <Menu.Item onClick={() => open({ kind: 'status', row })}>Change status</Menu.Item>
                  )}
                  <Menu.Item onClick={() => open({ kind: 'history', row })}>Position history</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  )
}

export function HousingQueuePage() {
  const session = useSession()
  const manager = QUEUE_MANAGER_ROLES.includes(session.role)
  const live = useLiveQueue()
  const [filters, setFilters] = useState<QueueFilterValues>({})
  // Cursors of the pages before the current one (the first page has none).
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const cursor = cursors[cursors.length - 1] ?? null
  const query = useQuery({
    queryKey: queueKeys.page(filters, cursor),
    queryFn: () => queueApi.page(filters, cursor, PAGE_SIZE),
    placeholderData: keepPreviousData,
  })
  const [dialog, setDialog] = useState<Dialog>(null)
  const changeFilters = (next: QueueFilterValues) => {
    setFilters(next)
    setCursors([null])
  }
  const firstRow = query.data?.rows[0]
  return (
    <>
      <PageHeader
        title="Housing Queue"
        description="Households on the Coordinated Entry queue, in priority order. Each rank shows why."
        actions={
          <>
            <LiveIndicator status={live} />
            <Button component="a" variant="default" href={queueCsvUrl(filters)} download>
              Download CSV
            </Button>
            {manager && <Button onClick={() => setDialog({ kind: 'ranking' })}>Ranking rules</Button>}
          </>
        }
      />
      <Filters value={filters} onChange={changeFilters} />
      {firstRow && (
        <Text size="sm" c="dimmed" mb="xs">
          Ranked by {rankingName(firstRow)}.
        </Text>
      )}
      <QueryState query={query} label="the housing queue">
        {(page) => (
          <Stack>
            <QueueTable rows={page.rows} manager={manager} open={setDialog} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                Page {cursors.length}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  disabled={cursors.length === 1}
                  onClick={() => setCursors((current) => current.slice(0, -1))}
                >
                  Previous page
                </Button>
                <Button
                  variant="default"
                  disabled={!page.nextCursor}
                  onClick={() => setCursors((current) => [...current, page.nextCursor])}
                >
                  Next page
                </Button>
              </Group>
            </Group>
          </Stack>
        )}
      </QueryState>
      {dialog?.kind === 'status' && <ChangeStatusModal row={dialog.row} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'history' && (
        <PositionHistoryModal row={dialog.row} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'ranking' && <RankingEditorModal onClose={() => setDialog(null)} />}
    </>
  )
}
