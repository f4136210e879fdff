import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ROLE_LABELS, type Role } from '@threshold/core'
import { useState } from 'react'
import type { User, UserMembership } from '../../api/types'
import { ConfirmAction } from '../../components/ConfirmAction'
import { errorMessage } from '../../components/forms'
import { StatusBadge } from '../../components/StatusBadge'
import { useSession } from '../auth/session'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { ownAgencyOption, roleOptions } from './assignable'
import { userKeys, usersApi } from './users-api'

function useMembershipChange(user: User) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: { organizationId: string; role: Role; active: boolean } | { remove: string }) =>
      'remove' in change
        ? usersApi.removeMembership(user.id, change.remove)
        : usersApi.setMembership(user.id, change.organizationId, {
            role: change.role,
            active: change.active,
          }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(userKeys.detail(user.id), updated)
      await queryClient.invalidateQueries({ queryKey: userKeys.all })
    },
  })
}

function MembershipRow({ user, membership }: { user: User; membership: UserMembership }) {
  const session = useSession()
  const [role, setRole] = useState<Role>(membership.role)
  const change = useMembershipChange(user)
  const options = roleOptions(session.role)
  const roleData = options.some((option) => option.value === membership.role)
    ? options
    : [...options, { value: membership.role, label: ROLE_LABELS[membership.role] }]

  return (
    <Table.Tr>
      <Table.Td>{membership.organizationName}</Table.Td>
      <Table.Td>
        <Select
          label={`Role in ${membership.organizationName}`}
          labelProps={{ className: 'visually-hidden' }}
          data={roleData}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          size="sm"
          w={260}
        />
      </Table.Td>
      <Table.Td>
        <StatusBadge active={membership.active} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap">
            {(role !== membership.role || !membership.active) && (
              <Button
                size="xs"
                loading={change.isPending}
                onClick={() =>
                  change.mutate({ organizationId: membership.organizationId, role, active: true })
                }
              >
                {membership.active ? 'Save role' : 'Reactivate'}
              </Button>
            )}
            {membership.active && (
              <ConfirmAction
                size="xs"
                variant="subtle"
                color="red"
                label="Remove"
                title={`Remove ${user.displayName} from ${membership.organizationName}?`}
                message="They are signed out of this organization at once and can no longer act for it. Their past work stays in the records."
                confirmLabel="Remove"
                loading={change.isPending}
                onConfirm={() => change.mutate({ remove: membership.organizationId })}
              />
            )}
          </Group>
          {change.isError && (
            <Text size="xs" c="red.9" role="alert">
              {errorMessage(change.error)}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  )
}

function AddMembership({ user }: { user: User }) {
  const session = useSession()
  const organizations = useOrganizationOptions()
  const [organizationId, setOrganizationId] = useState<string | null>(null)
  const [role, setRole] = useState<Role | null>(null)
  const change = useMembershipChange(user)
  const existing = new Set(user.memberships.map((membership) => membership.organizationId))
  const choices = (session.role === 'agency_admin' ? ownAgencyOption(session) : organizations.options).filter(
    (option) => !existing.has(option.value),
  )
  if (choices.length === 0) return null

  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Add to organization"
          data={choices}
          value={organizationId}
          onChange={setOrganizationId}
          searchable
          w={280}
        />
        <Select
          label="With role"
          data={roleOptions(session.role)}
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          w={240}
        />
        <Button
          variant="light"
          disabled={!organizationId || !role}
          loading={change.isPending}
          onClick={() => {
            if (!organizationId || !role) return
            change.mutate(
              { organizationId, role, active: true },
              {
                onSuccess: () => {
                  setOrganizationId(null)
                  setRole(null)
                },
              },
            )
          }}
        >
          Add
        </Button>
      </Group>
      {change.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(change.error)}
        </Alert>
      )}
    </Stack>
  )
}

export function MembershipsPanel({ user }: { user: User }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          Organizations and roles
        </Title>
        <Text size="sm" c="dimmed">
          A changed role or a removal takes effect at once: the person’s sessions in that organization end.
        </Text>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.memberships.map((membership) => (
              <MembershipRow key={membership.organizationId} user={user} membership={membership} />
            ))}
          </Table.Tbody>
        </Table>
        <AddMembership user={user} />
      </Stack>
    </Paper>
  )
}
