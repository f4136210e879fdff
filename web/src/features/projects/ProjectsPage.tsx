import { Anchor, Button, Group, Select, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { ACTIVITY_OPTIONS, type Activity, activeFilter } from '../../components/activity-filter'
import { formatDate } from '../../components/format'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { StatusBadge } from '../../components/StatusBadge'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { PATHS } from '../shell/navigation'
import { PROJECT_TYPE_OPTIONS, projectTypeLabel } from './project-types'
import { projectKeys, projectsApi } from './projects-api'

export function ProjectsPage() {
  const [organizationId, setOrganizationId] = useState<string | null>(null)
  const [projectType, setProjectType] = useState<string | null>(null)
  const [activity, setActivity] = useState<Activity>('active')
  const organizations = useOrganizationOptions({ includeInactive: true })
  const filter = {
    organizationId: organizationId ?? undefined,
    projectType: projectType === null ? undefined : Number(projectType),
    active: activeFilter(activity),
  }
  const projects = useQuery({ queryKey: projectKeys.list(filter), queryFn: () => projectsApi.list(filter) })

  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project has a HUD project type and operating dates; clients are enrolled into projects."
        actions={
          <Button component={Link} to={`${PATHS.projects}/new`}>
            Add project
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
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
        <Select
          label="Project type"
          placeholder="All types"
          data={PROJECT_TYPE_OPTIONS}
          value={projectType}
          onChange={setProjectType}
          clearable
          searchable
          w={320}
        />
        <Select
          label="Show"
          data={ACTIVITY_OPTIONS}
          value={activity}
          onChange={(value) => setActivity((value as Activity | null) ?? 'active')}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <QueryState query={projects} label="projects">
        {(rows) => (
          <ListTable minWidth={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Project type</Table.Th>
                <Table.Th>Operating</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && <EmptyRow colSpan={5}>No projects match these filters.</EmptyRow>}
              {rows.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${PATHS.projects}/${project.id}`} fw={500}>
                      {project.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{project.organizationName}</Table.Td>
                  <Table.Td>{projectTypeLabel(project.projectType)}</Table.Td>
                  <Table.Td>
                    {formatDate(project.operatingStartDate)} –{' '}
                    {project.operatingEndDate ? formatDate(project.operatingEndDate) : 'ongoing'}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge active={project.active} />
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
