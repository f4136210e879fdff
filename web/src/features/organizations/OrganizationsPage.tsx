import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { ACTIVITY_OPTIONS, type Activity, activeFilter } from '../../components/activity-filter'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { StatusBadge } from '../../components/StatusBadge'
import { PATHS } from '../shell/navigation'
import { organizationKeys, organizationsApi } from './organizations-api'

export function OrganizationsPage() {
  const [activity, setActivity] = useState<Activity>('active')
  const filter = { active: activeFilter(activity) }
  const organizations = useQuery({
    queryKey: organizationKeys.list(filter),
    queryFn: () => organizationsApi.list(filter),
  })

  return (
    <>
      <PageHeader
        title="Organizations"
        description="The agencies of your Continuum of Care. Client records of a victim service provider are never visible to anyone outside it."
        actions={
          <Button component={Link} to={`${PATHS.organizations}/new`}>
            Add organization
          </Button>
        }
      />
      <Group mb="md">
        <Select
          label="Show"
          data={ACTIVITY_OPTIONS}
          value={activity}
          onChange={(value) => setActivity((value as Activity | null) ?? 'active')}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <QueryState query={organizations} label="organizations">
        {(rows) => (
          <ListTable>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Victim service provider</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && <EmptyRow colSpan={3}>No organizations match.</EmptyRow>}
              {rows.map((organization) => (
                <Table.Tr key={organization.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${PATHS.organizations}/${organization.id}`} fw={500}>
                      {organization.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {organization.victimServiceProvider ? (
                      <Badge variant="light" color="orange">
                        Victim service provider
                      </Badge>
                    ) : (
                      <Text size="sm">No</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge active={organization.active} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryState>
    </>
  )
}
