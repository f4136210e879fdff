import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { type CeWorkflow, type Client, type NewCeEnrollment, PROJECT_TYPES } from '@threshold/core'
import { useState } from 'react'
import { errorMessage } from '../../components/forms'
import { codeLabel } from '../clients/client-options'
import { todayIso } from '../clients/use-client-form'
import { householdKeys, householdsApi } from '../households/households-api'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { ceWorkflowApi } from './ce-workflow-api'

// Enroll the client's household in a Coordinated Entry project (HUD type 14): chosen members, the client
// as head of household, Project Start Date, Enrollment CoC; the case manager is the signed-in user.

export function CeEnrollForm({
  client,
  onEnrolled,
}: {
  client: Client
  onEnrolled(workflow: CeWorkflow): void
}) {
  const projects = useQuery({
    queryKey: projectKeys.list({ projectType: PROJECT_TYPES.CE, active: true }),
    queryFn: () => projectsApi.list({ projectType: PROJECT_TYPES.CE, active: true }),
  })
  const households = useQuery({
    queryKey: householdKeys.ofClient(client.id),
    queryFn: () => householdsApi.ofClient(client.id),
  })
  const household =
    households.data?.find((candidate) => candidate.headClientId === client.id) ?? households.data?.[0]
  const others = (household?.members ?? []).filter(
    (member) => member.removedOn === null && member.client.id !== client.id,
  )
  const [projectId, setProjectId] = useState<string | null>(null)
  const [entryDate, setEntryDate] = useState(todayIso())
  const [enrollmentCoc, setEnrollmentCoc] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const enroll = useMutation({
    mutationFn: () =>
      ceWorkflowApi.enroll({
        projectId: projectId!,
        entryDate,
        ...(enrollmentCoc && { enrollmentCoc }),
        members: [
          { clientId: client.id, relationshipToHoh: 1 },
          ...others
            .filter((member) => chosen.includes(member.client.id))
            .map((member) => ({
              clientId: member.client.id,
              relationshipToHoh: (member.relationshipToHoh === 1
                ? 99
                : member.relationshipToHoh) as NewCeEnrollment['members'][number]['relationshipToHoh'],
            })),
        ],
      }),
    onSuccess: onEnrolled,
  })
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>Enroll in Coordinated Entry</Title>
        <Text size="sm">
          {[client.firstName, client.lastName].filter(Boolean).join(' ')} is enrolled as head of household;
          you become the case manager.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Coordinated Entry project"
            data={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
            value={projectId}
            onChange={setProjectId}
            required
          />
          <TextInput
            type="date"
            label="Project start date"
            value={entryDate}
            onChange={(event) => setEntryDate(event.currentTarget.value)}
            required
          />
          <TextInput
            label="Enrollment CoC"
            placeholder="The project's CoC"
            value={enrollmentCoc}
            onChange={(event) => setEnrollmentCoc(event.currentTarget.value.toUpperCase())}
          />
        </SimpleGrid>
        {others.length > 0 && (
          <Checkbox.Group label="Household members to enroll" value={chosen} onChange={setChosen}>
            <Stack gap={4} mt={4}>
              {others.map((member) => (
                <Checkbox
                  key={member.client.id}
                  value={member.client.id}
                  label={`${[member.client.firstName, member.client.lastName].filter(Boolean).join(' ')} (${codeLabel('3.15.1', member.relationshipToHoh)})`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {enroll.error && <Alert color="red">{errorMessage(enroll.error)}</Alert>}
        <Group>
          <Button
            disabled={!projectId || !entryDate}
            loading={enroll.isPending}
            onClick={() => enroll.mutate()}
          >
            Enroll household
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
