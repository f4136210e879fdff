import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Client, ClientHistory } from '@threshold/core'
import { formatDateTime } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { fieldLabel, formatFieldValue, VERSION_ACTION_LABELS } from './client-history-format'
import { clientKeys, clientsApi } from './clients-api'

type ClientVersion = ClientHistory['versions'][number]

/** Each changed field of one version: "Last name: Smith → Smyth". */
export function VersionChanges({ version }: { version: ClientVersion }) {
  const changes = Object.entries(version.changes)
  if (changes.length === 0) return <Text size="sm">—</Text>
  return (
    <Stack gap={2}>
      {changes.map(([field, change]) => (
        <Text size="sm" key={field}>
          <Text span fw={600} size="sm">
            {fieldLabel(field)}:
          </Text>{' '}
          {version.action === 'created' ? (
            formatFieldValue(field, change.to)
          ) : (
            <>
              <Text span c="dimmed" size="sm" td="line-through">
                {formatFieldValue(field, change.from)}
              </Text>{' '}
              → {formatFieldValue(field, change.to)}
            </>
          )}
        </Text>
      ))}
    </Stack>
  )
}

export function VersionsTable({ versions, caption }: { versions: ClientVersion[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" fz="sm" striped>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>When</Table.Th>
            <Table.Th w={220}>Who</Table.Th>
            <Table.Th>What changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.version} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(version.changedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {version.changedBy?.name ?? 'System'}
                </Text>
                {version.organization && (
                  <Text size="xs" c="dimmed">
                    {version.organization.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} mb={2}>
                  {VERSION_ACTION_LABELS[version.action] ?? version.action}
                </Text>
                <VersionChanges version={version} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** Who changed what on the record, when: every version, newest first, SSNs masked. */
export function ClientHistorySection({ client }: { client: Client }) {
  const history = useQuery({
    queryKey: clientKeys.history(client.id),
    queryFn: () => clientsApi.history(client.id),
  })
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        History
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every change to this record, newest first. Nothing is overwritten without a trace; SSNs show only
        their last 4 digits.
      </Text>
      <QueryState query={history} label="the record’s history">
        {({ versions }) => <VersionsTable versions={versions} caption="Changes to the client record" />}
      </QueryState>
    </Paper>
  )
}
