import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ApiToken, CreatedApiToken } from '../../api/types'
import { ConfirmAction } from '../../components/ConfirmAction'
import { formatDateTime } from '../../components/format'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { userKeys, usersApi } from '../users/users-api'
import { apiTokenKeys, apiTokensApi } from './api-tokens-api'

const today = () => new Date().toISOString().slice(0, 10)

function tokenStatus(token: ApiToken): { label: string; color: string } {
  if (token.revokedAt) return { label: 'Revoked', color: 'gray' }
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return { label: 'Expired', color: 'gray' }
  return { label: 'Active', color: 'green' }
}

/** The secret, shown exactly once after issuing; only its hash is stored. */
function IssuedToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <Alert color="green" variant="light" title={`Token "${created.apiToken.name}" issued`} role="status">
      <Stack gap="sm">
        <Text size="sm">
          Copy it now and store it in the other system’s secret settings. It will not be shown again.
        </Text>
        <Code block data-testid="issued-token">
          {created.token}
        </Code>
        <Group>
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'green' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

function IssueTokenForm({ onIssued }: { onIssued: (created: CreatedApiToken) => void }) {
  const queryClient = useQueryClient()
  const users = useQuery({
    queryKey: [...userKeys.all, 'token-candidates'],
    queryFn: () => usersApi.list({}, 0, 500),
  })
  const form = useForm({
    initialValues: {
      name: '',
      userId: null as string | null,
      organizationId: null as string | null,
      expiresAt: '',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Name the token after the system that will use it'),
      userId: (value) => (value ? null : 'Choose the account the token acts as'),
      organizationId: (value) => (value ? null : 'Choose the organization the token acts for'),
      expiresAt: (value) => (!value || value >= today() ? null : 'The expiry date must be today or later'),
    },
  })
  const selectedUser = users.data?.find((user) => user.id === form.values.userId)
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) =>
      apiTokensApi.issue({
        name: values.name.trim(),
        userId: values.userId as string,
        organizationId: values.organizationId as string,
        expiresAt: values.expiresAt || null,
      }),
    {
      onSuccess: async (created) => {
        form.reset()
        onIssued(created)
        await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all })
      },
    },
  )

  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Issue a token
          </Title>
          <Text size="sm" c="dimmed">
            A token acts as one user in one organization, with that user’s role there. Use a dedicated account
            for each integration.
          </Text>
          <FormError message={error} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Name"
              required
              placeholder="e.g. Nightly data warehouse export"
              {...form.getInputProps('name')}
            />
            <TextInput
              type="date"
              label="Expires on"
              description="Valid through that day; leave empty for no expiry"
              {...form.getInputProps('expiresAt')}
            />
            <Select
              label="Acts as user"
              required
              searchable
              data={(users.data ?? [])
                .filter((user) => user.active)
                .map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
              {...form.getInputProps('userId')}
              onChange={(userId) => {
                form.setFieldValue('userId', userId)
                form.setFieldValue('organizationId', null)
              }}
            />
            <Select
              label="For organization"
              required
              disabled={!selectedUser}
              data={(selectedUser?.memberships ?? [])
                .filter((membership) => membership.active)
                .map((membership) => ({
                  value: membership.organizationId,
                  label: membership.organizationName,
                }))}
              {...form.getInputProps('organizationId')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              Issue token
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function RevokeButton({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: () => apiTokensApi.revoke(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  })
  return (
    <Stack gap={2}>
      <ConfirmAction
        size="xs"
        variant="subtle"
        color="red"
        label="Revoke"
        aria-label={`Revoke ${token.name}`}
        title={`Revoke "${token.name}"?`}
        message="Any system using this token is refused from its next request. This cannot be undone."
        confirmLabel="Revoke"
        loading={revoke.isPending}
        onConfirm={() => revoke.mutate()}
      />
      {revoke.isError && (
        <Text size="xs" c="red.9" role="alert">
          {errorMessage(revoke.error)}
        </Text>
      )}
    </Stack>
  )
}

export function ApiTokensPage() {
  const [issued, setIssued] = useState<CreatedApiToken | null>(null)
  const tokens = useQuery({ queryKey: apiTokenKeys.all, queryFn: apiTokensApi.list })
  const organizations = useOrganizationOptions({ includeInactive: true })
  const organizationName = (id: string) => organizations.query.data?.find((o) => o.id === id)?.name ?? '—'

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Let other systems call the Threshold API. Every call made with a token is audited under its user."
      />
      <Stack gap="lg">
        {issued && <IssuedToken created={issued} onDone={() => setIssued(null)} />}
        <IssueTokenForm onIssued={setIssued} />
        <QueryState query={tokens} label="API tokens">
          {(rows) => (
            <ListTable minWidth={1000}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Issued</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && <EmptyRow colSpan={8}>No API tokens yet.</EmptyRow>}
                {rows.map((token) => {
                  const status = tokenStatus(token)
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td fw={500}>{token.name}</Table.Td>
                      <Table.Td>{token.username}</Table.Td>
                      <Table.Td>{organizationName(token.organizationId)}</Table.Td>
                      <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                      <Table.Td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={status.color}>
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{status.label === 'Active' && <RevokeButton token={token} />}</Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryState>
      </Stack>
    </>
  )
}
