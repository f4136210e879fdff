import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { StatusBadge } from '../../components/StatusBadge'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { PATHS } from '../shell/navigation'
import { MembershipBadges } from './MembershipBadges'
import { USERS_PAGE_SIZE, userKeys, usersApi } from './users-api'

export function UsersPage() {
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300)
  const [organizationId, setOrganizationId] = useState<string | null>(null)
  const organizations = useOrganizationOptions({ includeInactive: true })
  const filter = { q: debouncedSearch || undefined, organizationId: organizationId ?? undefined }
  const users = useInfiniteQuery({
    queryKey: userKeys.list(filter),
    queryFn: ({ pageParam }) => usersApi.list(filter, pageParam),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) =>
      lastPage.length === USERS_PAGE_SIZE ? pages.length * USERS_PAGE_SIZE : undefined,
  })

  return (
    <>
      <PageHeader
        title="Users"
        description="Staff accounts. A person has one account and a role in each organization they work for."
        actions={
          <Button component={Link} to={`${PATHS.users}/new`}>
            Add user
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Username, name or email"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <Select
          label="Organization"
          placeholder="All organizations"
          data={organizations.options}
          value={organizationId}
          onChange={setOrganizationId}
          clearable
          searchable
          w={280}
        />
      </Group>
      <QueryState query={users} label="users">
        {(data) => {
          const rows = data.pages.flat()
          return (
            <>
              <ListTable minWidth={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Username</Table.Th>
                    <Table.Th>Organizations and roles</Table.Th>
                    <Table.Th>Two-step</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 && <EmptyRow colSpan={5}>No users match.</EmptyRow>}
                  {rows.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`${PATHS.users}/${user.id}`} fw={500}>
                          {user.displayName}
                        </Anchor>
                        {user.email && (
                          <Text size="xs" c="dimmed">
                            {user.email}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{user.username}</Table.Td>
                      <Table.Td>
                        <MembershipBadges memberships={user.memberships} />
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={user.totpEnabled ? 'green' : 'gray'}>
                          {user.totpEnabled ? 'On' : 'Off'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge active={user.active} inactiveLabel="Disabled" />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
              {users.hasNextPage && (
                <Group justify="center" mt="md">
                  <Button
                    variant="default"
                    onClick={() => users.fetchNextPage()}
                    loading={users.isFetchingNextPage}
                  >
                    Load more
                  </Button>
                </Group>
              )}
            </>
          )
        }}
      </QueryState>
    </>
  )
}
