import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { CeWorkflow, CeWorkflowSummary, Client } from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { CeEnrollForm } from './CeEnrollForm'
import { CeWorkflowView } from './CeWorkflowView'
import { ceWorkflowApi, ceWorkflowKeys } from './ce-workflow-api'

// The client dashboard's Coordinated Entry section: the household's CE enrollments, the open one's guided
// workflow, and "Enroll in Coordinated Entry" when there is none open.

const STATUS_LABELS: Record<CeWorkflowSummary['status'], string> = {
  in_progress: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  exited: 'Exited',
}

export function CoordinatedEntrySection({ client }: { client: Client }) {
  const queryClient = useQueryClient()
  const workflows = useQuery({
    queryKey: ceWorkflowKeys.ofClient(client.id),
    queryFn: () => ceWorkflowApi.ofClient(client.id),
  })
  const [chosen, setChosen] = useState<string | null>(null)
  const [enrolling, setEnrolling] = useState(false)
  const open = workflows.data?.find((workflow) => workflow.status !== 'exited')
  const shownId = chosen ?? open?.id ?? null
  const onEnrolled = async (workflow: CeWorkflow) => {
    queryClient.setQueryData(ceWorkflowKeys.detail(workflow.id), workflow)
    await queryClient.invalidateQueries({ queryKey: ceWorkflowKeys.ofClient(client.id) })
    setEnrolling(false)
    setChosen(workflow.id)
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Coordinated Entry
        </Title>
        {!open && !enrolling && (
          <Button onClick={() => setEnrolling(true)}>Enroll in Coordinated Entry</Button>
        )}
      </Group>
      {enrolling && <CeEnrollForm client={client} onEnrolled={onEnrolled} />}
      <QueryState query={workflows} label="Coordinated Entry enrollments">
        {(list) =>
          list.length === 0 ? (
            !enrolling && <Text size="sm">No Coordinated Entry enrollment yet.</Text>
          ) : (
            <Paper withBorder>
              <Table aria-label="Coordinated Entry enrollments">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Project</Table.Th>
                    <Table.Th>Start</Table.Th>
                    <Table.Th>Exit</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Steps</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((workflow) => (
                    <Table.Tr key={workflow.id}>
                      <Table.Td>{workflow.projectName}</Table.Td>
                      <Table.Td>{formatDate(workflow.entryDate)}</Table.Td>
                      <Table.Td>{formatDate(workflow.exitDate)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{STATUS_LABELS[workflow.status]}</Badge>
                      </Table.Td>
                      <Table.Td>
                        {workflow.completedSteps} of {workflow.totalSteps}
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" onClick={() => setChosen(workflow.id)}>
                          Open workflow
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryState>
      {shownId && <WorkflowLoader id={shownId} />}
    </Stack>
  )
}

function WorkflowLoader({ id }: { id: string }) {
  const workflow = useQuery({
    queryKey: ceWorkflowKeys.detail(id),
    queryFn: () => ceWorkflowApi.get(id),
    // Never refetch behind the user's back: an open step form keeps its input until it is saved.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  })
  return (
    <QueryState query={workflow} label="the CE workflow">
      {(loaded) => <CeWorkflowView key={loaded.id} workflow={loaded} />}
    </QueryState>
  )
}
