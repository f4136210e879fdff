import { Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { enrollmentKeys, enrollmentsApi } from '../enrollments/enrollments-api'
import { projectTypeLabel } from '../projects/project-types'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { ComingNextPage } from '../shell/ComingNextPage'

/** Roles the data-quality report is for (the server checks the same). */
const DATA_QUALITY_ROLES = ['agency_admin', 'coc_admin']

const percent = (value: number) => `${value.toFixed(1)}%`

function ProjectDataQualityTable({ projectId }: { projectId: string }) {
  const report = useQuery({
    queryKey: enrollmentKeys.dataQuality(projectId),
    queryFn: () => enrollmentsApi.dataQuality(projectId),
  })
  return (
    <QueryState query={report} label="the data-quality report">
      {(loaded) => (
        <Stack gap="sm">
          <Text size="sm">
            {loaded.projectName}: {loaded.enrollments} enrollment{loaded.enrollments === 1 ? '' : 's'}.
          </Text>
          <ListTable minWidth={900}>
            <Table.Caption>Completeness of required elements (like HUD APR Q6)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Element</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Applicable</Table.Th>
                <Table.Th>Complete</Table.Th>
                <Table.Th>Client doesn’t know</Table.Th>
                <Table.Th>Client prefers not to answer</Table.Th>
                <Table.Th>Not collected</Table.Th>
                <Table.Th>Missing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loaded.elements.length === 0 && <EmptyRow colSpan={8}>No enrollment to check yet.</EmptyRow>}
              {loaded.elements.map((row) => (
                <Table.Tr key={`${row.element}:${row.stage}`}>
                  <Table.Td>{row.element}</Table.Td>
                  <Table.Td>{row.stage}</Table.Td>
                  <Table.Td>{row.applicable}</Table.Td>
                  <Table.Td>
                    {row.complete} ({percent(row.percent.complete)})
                  </Table.Td>
                  <Table.Td>
                    {row.clientDoesntKnow} ({percent(row.percent.clientDoesntKnow)})
                  </Table.Td>
                  <Table.Td>
                    {row.clientPrefersNotToAnswer} ({percent(row.percent.clientPrefersNotToAnswer)})
                  </Table.Td>
                  <Table.Td>
                    {row.notCollected} ({percent(row.percent.notCollected)})
                  </Table.Td>
                  <Table.Td>
                    {row.missing} ({percent(row.percent.missing)})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        </Stack>
      )}
    </QueryState>
  )
}

function DataQualityReport() {
  const session = useSession()
  const ownAgencyOnly = session.role === 'agency_admin'
  const filter = ownAgencyOnly ? { organizationId: session.currentOrganizationId } : {}
  const projects = useQuery({ queryKey: projectKeys.list(filter), queryFn: () => projectsApi.list(filter) })
  const [projectId, setProjectId] = useState<string | null>(null)
  return (
    <>
      <PageHeader
        title="Data quality"
        description="For each project: the share of required HUD elements that are complete, unknown, refused, not collected or missing."
      />
      <Stack gap="md">
        <Paper withBorder p="md" maw={560}>
          <Select
            label="Project"
            searchable
            value={projectId}
            onChange={setProjectId}
            data={(projects.data ?? []).map((project) => ({
              value: project.id,
              label: `${project.name} (${projectTypeLabel(project.projectType)})`,
            }))}
          />
        </Paper>
        {projectId ? (
          <ProjectDataQualityTable projectId={projectId} />
        ) : (
          <Text size="sm">Choose a project to see its report.</Text>
        )}
      </Stack>
    </>
  )
}

/** Reports: the per-project data-quality report for agency and CoC admins; the rest comes later. */
export function ReportsPage() {
  const session = useSession()
  return DATA_QUALITY_ROLES.includes(session.role) ? <DataQualityReport /> : <ComingNextPage area="reports" />
}
