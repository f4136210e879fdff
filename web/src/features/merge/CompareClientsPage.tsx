import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from '@tanstack/react-router'
import type { MergeFieldGroup } from '@threshold/core'
import { useState } from 'react'
import { ConfirmAction } from '../../components/ConfirmAction'
import { errorMessage } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { fieldLabel, formatFieldValue } from '../clients/client-history-format'
import { PATHS } from '../shell/navigation'
import { comparePath, type MergeChoices, type MergeComparisonView, mergeApi, mergeKeys } from './merge-api'

/** What each kind of related record is called on the compare screen (table.column as the API names it). */
const RELATED_LABELS: Record<string, string> = {
  'client_alias.client_id': 'Aliases and former names',
  'household_member.client_id': 'Household memberships',
  'client_release.client_id': 'Releases of information',
  'client_release.signed_by_client_id': 'Releases signed for a minor',
}

function relatedLabel(key: string): string {
  if (RELATED_LABELS[key]) return RELATED_LABELS[key]
  const table = (key.split('.')[0] ?? key).replace(/_/g, ' ')
  return table.charAt(0).toUpperCase() + table.slice(1)
}

type ComparisonGroup = MergeComparisonView['groups'][number]

function GroupValues({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values)
  return (
    <Stack gap={0}>
      {entries.map(([field, value]) => (
        <Text size="sm" key={field}>
          <Text span size="xs" c="dimmed">
            {field === 'ssnLast4' ? 'SSN (last 4)' : fieldLabel(field)}:
          </Text>{' '}
          {field === 'ssnLast4' && typeof value === 'string'
            ? `***-**-${value}`
            : formatFieldValue(field, value)}
        </Text>
      ))}
    </Stack>
  )
}

function GroupRow({
  group,
  choice,
  onChoose,
}: {
  group: ComparisonGroup
  choice: 'survivor' | 'merged'
  onChoose: (choice: 'survivor' | 'merged') => void
}) {
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Th scope="row" fw={600}>
        {group.label}
      </Table.Th>
      <Table.Td bg={!group.same && choice === 'survivor' ? 'indigo.0' : undefined}>
        <GroupValues values={group.survivor} />
      </Table.Td>
      <Table.Td bg={!group.same && choice === 'merged' ? 'indigo.0' : undefined}>
        <GroupValues values={group.merged} />
      </Table.Td>
      <Table.Td>
        {group.same ? (
          <Badge variant="light" color="gray" size="sm">
            Same
          </Badge>
        ) : (
          <Radio.Group
            value={choice}
            onChange={(value) => onChoose(value as 'survivor' | 'merged')}
            label={`Keep for ${group.label}`}
            labelProps={{ className: 'visually-hidden' }}
          >
            <Stack gap={4}>
              <Radio value="survivor" label="Keep surviving" />
              <Radio value="merged" label="Take merged" />
            </Stack>
          </Radio.Group>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

function Comparison({ comparison }: { comparison: MergeComparisonView }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [choices, setChoices] = useState<MergeChoices>({})
  const [reason, setReason] = useState('')
  const [reasonMissing, setReasonMissing] = useState(false)
  const merge = useMutation({
    mutationFn: () =>
      mergeApi.merge({
        survivorId: comparison.survivorId,
        mergedId: comparison.mergedId,
        choices,
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: mergeKeys.all })
      await navigate({ to: PATHS.duplicateClients })
    },
  })
  const related = Object.entries(comparison.relatedRecords)

  return (
    <Stack gap="md">
      <Paper withBorder>
        <Table verticalSpacing="sm" fz="sm">
          <caption className="visually-hidden">The two records, field group by field group</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>Field group</Table.Th>
              <Table.Th>Surviving record (kept)</Table.Th>
              <Table.Th>Merged record (folded in)</Table.Th>
              <Table.Th w={170}>Keep</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.groups.map((group) => (
              <GroupRow
                key={group.group}
                group={group}
                choice={choices[group.group as MergeFieldGroup] ?? 'survivor'}
                onChoose={(choice) => setChoices((current) => ({ ...current, [group.group]: choice }))}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          Related records
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          These move to the surviving record; a split hands exactly these back.
        </Text>
        <Table verticalSpacing={4} fz="sm" maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th ta="right">Surviving</Table.Th>
              <Table.Th ta="right">Merged</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {related.map(([key, counts]) => (
              <Table.Tr key={key}>
                <Table.Td>{relatedLabel(key)}</Table.Td>
                <Table.Td ta="right">{counts.survivor}</Table.Td>
                <Table.Td ta="right">{counts.merged}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Textarea
            label="Reason for the merge"
            withAsterisk
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value)
              setReasonMissing(false)
            }}
            error={
              reasonMissing ? 'Say why these are the same person; it is kept in the audit trail' : undefined
            }
            placeholder="e.g. Same SSN and DOB; name misspelled at South intake"
            autosize
            minRows={2}
            maxLength={500}
          />
          {merge.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(merge.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={PATHS.duplicateClients}>
              Cancel
            </Button>
            {reason.trim() ? (
              <ConfirmAction
                label="Merge records"
                color="indigo"
                title="Merge these records?"
                message="The merged record is folded into the surviving one, which keeps the values chosen above and the related records of both. The merge can be undone from the merge history."
                confirmLabel="Merge"
                loading={merge.isPending}
                onConfirm={() => merge.mutate()}
              />
            ) : (
              <Button onClick={() => setReasonMissing(true)}>Merge records</Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}

/** Two records side by side before a merge: which one survives, and which value each field group keeps. */
export function CompareClientsPage() {
  const { survivorId, mergedId } = useParams({ strict: false }) as { survivorId: string; mergedId: string }
  const comparison = useQuery({
    queryKey: mergeKeys.comparison(survivorId, mergedId),
    queryFn: () => mergeApi.compare(survivorId, mergedId),
  })
  return (
    <>
      <Anchor component={Link} to={PATHS.duplicateClients} size="sm">
        ← Duplicate clients
      </Anchor>
      <PageHeader
        title="Compare records"
        description="The surviving record keeps its Client ID. For each group that differs, choose which record’s values to keep."
        actions={
          <Button variant="default" component={Link} to={comparePath(mergedId, survivorId)}>
            Swap surviving and merged
          </Button>
        }
      />
      <QueryState query={comparison} label="the comparison">
        {(loaded) => <Comparison key={`${survivorId}:${mergedId}`} comparison={loaded} />}
      </QueryState>
    </>
  )
}
