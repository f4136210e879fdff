import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { formatDate, formatDateTime } from '../../components/format'
import { errorMessage } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { clientName } from '../clients/client-handoffs'
import { ReasonModal } from '../clients/ReasonModal'
import { MatchLevelBadge, MatchScore, ReasonChips } from '../clients/SearchResultsTable'
import { type ClientMergeView, comparePath, type DuplicatePairView, mergeApi, mergeKeys } from './merge-api'

const MIN_SCORE_OPTIONS = [
  { value: '0.9', label: 'Strong matches only (90%+)' },
  { value: '0.75', label: 'Likely matches (75%+)' },
  { value: '0.6', label: 'Include possible matches (60%+)' },
]

function PairSide({ client }: { client: DuplicatePairView['clientA'] }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {clientName(client)}
      </Text>
      <Text size="xs" c="dimmed">
        ID {client.clientNumber} · born {formatDate(client.dob)} · {client.ownerOrganizationName}
      </Text>
    </Stack>
  )
}

function PairRow({ pair }: { pair: DuplicatePairView }) {
  const queryClient = useQueryClient()
  const [asking, { open, close }] = useDisclosure(false)
  const notDuplicate = useMutation({
    mutationFn: (reason: string) =>
      mergeApi.notDuplicate({ clientAId: pair.clientA.id, clientBId: pair.clientB.id, reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mergeKeys.all }),
  })
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <PairSide client={pair.clientA} />
      </Table.Td>
      <Table.Td>
        <PairSide client={pair.clientB} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <MatchScore score={pair.score} />
          <MatchLevelBadge level={pair.matchLevel} />
        </Group>
      </Table.Td>
      <Table.Td>
        <ReasonChips reasons={pair.reasons} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="stretch">
          <Button component={Link} to={comparePath(pair.clientA.id, pair.clientB.id)} size="compact-xs">
            Compare
          </Button>
          <Button size="compact-xs" variant="default" onClick={open} loading={notDuplicate.isPending}>
            Not the same person
          </Button>
        </Stack>
        {notDuplicate.isError && (
          <Text size="xs" c="red.9" role="alert">
            {errorMessage(notDuplicate.error)}
          </Text>
        )}
      </Table.Td>
      <ReasonModal
        opened={asking}
        onClose={close}
        title="Not the same person?"
        explanation={`${clientName(pair.clientA)} and ${clientName(pair.clientB)} will no longer be offered as a possible duplicate.`}
        placeholder="e.g. Twins; different SSNs confirmed"
        confirmLabel="Not the same person"
        onConfirm={(reason) => notDuplicate.mutate(reason)}
      />
    </Table.Tr>
  )
}

function DuplicatesReport() {
  const [minScore, setMinScore] = useState('0.75')
  const report = useQuery({
    queryKey: mergeKeys.duplicates(Number(minScore)),
    queryFn: () => mergeApi.duplicates(Number(minScore)),
  })
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label="Show"
          data={MIN_SCORE_OPTIONS}
          value={minScore}
          onChange={(value) => value && setMinScore(value)}
          allowDeselect={false}
          w={300}
        />
      </Group>
      <QueryState query={report} label="the duplicate report">
        {({ pairs }) => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" fz="sm" highlightOnHover>
                <caption className="visually-hidden">Pairs of records that may be the same person</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Record A</Table.Th>
                    <Table.Th>Record B</Table.Th>
                    <Table.Th>Match</Table.Th>
                    <Table.Th w={280}>Why</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pairs.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed" ta="center" py="md" size="sm">
                          No possible duplicates at this level.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {pairs.map((pair) => (
                    <PairRow key={`${pair.clientA.id}:${pair.clientB.id}`} pair={pair} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
    </Stack>
  )
}

const shortId = (id: string) => (
  <Tooltip label={id}>
    <Code>{id.slice(0, 8)}</Code>
  </Tooltip>
)

function MergeRow({ merge }: { merge: ClientMergeView }) {
  const queryClient = useQueryClient()
  const [asking, { open, close }] = useDisclosure(false)
  const split = useMutation({
    mutationFn: (reason: string) => mergeApi.split(merge.id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mergeKeys.all }),
  })
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(merge.mergedAt)}</Table.Td>
      <Table.Td>{shortId(merge.survivorClientId)}</Table.Td>
      <Table.Td>{shortId(merge.mergedClientId)}</Table.Td>
      <Table.Td>{merge.reason ?? '—'}</Table.Td>
      <Table.Td>
        {merge.splitAt ? (
          <Stack gap={0}>
            <Badge variant="light" color="gray" size="sm">
              Split
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(merge.splitAt)}: {merge.splitReason}
            </Text>
            {split.data?.keptOnSplit && split.data.keptOnSplit.length > 0 && (
              <Text size="xs" c="orange.9">
                Changed after the merge, so left on the survivor: {split.data.keptOnSplit.join(', ')}
              </Text>
            )}
          </Stack>
        ) : (
          <Badge variant="light" color="indigo" size="sm">
            Merged
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {!merge.splitAt && (
          <Button size="compact-sm" variant="default" onClick={open} loading={split.isPending}>
            Split
          </Button>
        )}
        {split.isError && (
          <Text size="xs" c="red.9" role="alert">
            {errorMessage(split.error)}
          </Text>
        )}
        <ReasonModal
          opened={asking}
          onClose={close}
          title="Undo this merge?"
          explanation="The merged record comes back as it was, with the rows the merge moved. Fields changed since the merge stay on the surviving record."
          placeholder="e.g. Merged by mistake: different people with the same name"
          confirmLabel="Split the records"
          confirmColor="red"
          onConfirm={(reason) => split.mutate(reason)}
        />
      </Table.Td>
    </Table.Tr>
  )
}

function MergeHistory() {
  const history = useQuery({ queryKey: mergeKeys.history, queryFn: mergeApi.history })
  return (
    <QueryState query={history} label="the merge history">
      {({ merges }) => (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" fz="sm">
              <caption className="visually-hidden">Merges of duplicate records, newest first</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Merged</Table.Th>
                  <Table.Th>Surviving record</Table.Th>
                  <Table.Th>Merged record</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {merges.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md" size="sm">
                        No records have been merged yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {merges.map((merge) => (
                  <MergeRow key={merge.id} merge={merge} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </QueryState>
  )
}

/** CoC administrators' duplicate clean-up: the report of likely pairs, and every merge with its undo. */
export function DuplicateClientsPage() {
  const [tab, setTab] = useState<string | null>('report')
  return (
    <>
      <PageHeader
        title="Duplicate clients"
        description="Pairs of records across agencies that may be the same person. Compare them side by side, merge with a reason, or mark them as different people. Every merge can be undone."
      />
      <Alert color="gray" variant="light" mb="md">
        Confidential records of other agencies never appear here.
      </Alert>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="report">Possible duplicates</Tabs.Tab>
          <Tabs.Tab value="history">Merge history</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="report">
          <DuplicatesReport />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <MergeHistory />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
