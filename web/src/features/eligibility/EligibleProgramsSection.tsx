import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { EligibleProgram } from '@threshold/core'
import { QueryState } from '../../components/QueryState'
import { projectTypeLabel } from '../projects/project-types'
import { eligibilityApi, eligibilityKeys } from './eligibility-api'
import { OUTCOME_COLORS, OUTCOME_LABELS, RULE_OUTCOME_LABELS } from './eligibility-labels'

// "Eligible programs" on the client dashboard: every project with eligibility rules, whether the client's
// household passes, and why, rule by rule (unknown names the missing information to collect).

function ProgramCard({ program }: { program: EligibleProgram }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={program.projectName}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={0}>
          <Title order={3} size="h5">
            {program.projectName}
          </Title>
          <Text size="xs" c="dimmed">
            {projectTypeLabel(program.projectType)} · {program.organizationName}
          </Text>
        </Stack>
        <Badge color={OUTCOME_COLORS[program.outcome]} variant="light">
          {OUTCOME_LABELS[program.outcome]}
        </Badge>
      </Group>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th w={90}>Result</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {program.rules.map((rule, index) => (
            // Rules have no ids of their own: their order is the rule set's.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole
            <Table.Tr key={index}>
              <Table.Td>
                <Text size="sm">{rule.description}</Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={OUTCOME_COLORS[rule.outcome]}>
                  {RULE_OUTCOME_LABELS[rule.outcome]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{rule.why}</Text>
                {rule.missing.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Missing: {rule.missing.join('; ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

export function EligibleProgramsSection({ clientId }: { clientId: string }) {
  const programs = useQuery({
    queryKey: eligibilityKeys.client(clientId),
    queryFn: () => eligibilityApi.eligiblePrograms(clientId),
  })
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        Eligible programs
      </Title>
      <QueryState query={programs} label="eligible programs">
        {(loaded) => (
          <>
            <Text size="sm" c="dimmed">
              Based on: {loaded.basis}. Checked on {loaded.asOf}.
            </Text>
            {loaded.programs.length === 0 ? (
              <Text size="sm">No program in this CoC has eligibility rules yet.</Text>
            ) : (
              <>
                <List size="sm" aria-label="Summary">
                  <List.Item>
                    {loaded.programs.filter((program) => program.outcome === 'pass').length} of{' '}
                    {loaded.programs.length} programs: eligible
                  </List.Item>
                </List>
                {loaded.programs.map((program) => (
                  <ProgramCard key={program.projectId} program={program} />
                ))}
              </>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  )
}
