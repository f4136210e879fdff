import {
  Alert,
  Badge,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  type AssessmentAnswers,
  type AssessmentQuestion,
  type AssessmentScore,
  type HouseholdVariant,
  maximumScore,
  PROJECT_TYPES,
  questionsFor,
} from '@threshold/core'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { CodeSelect, DateField, type StepFormProps } from './CeStepForms'
import { getIn } from './step-data'

// Step 6: the HUD 4.19 fields and the CoC's prioritization tool, with the score as it stands.

const VARIANT_LABELS: Record<HouseholdVariant, string> = {
  single_adult: 'Single adult',
  family: 'Family',
  youth: 'Youth',
}

function QuestionInput({
  question,
  value,
  onAnswer,
}: {
  question: AssessmentQuestion
  value: AssessmentAnswers[string] | undefined
  onAnswer(value: AssessmentAnswers[string]): void
}) {
  const label = question.text
  switch (question.type) {
    case 'single_choice':
      return (
        <Radio.Group label={label} value={typeof value === 'string' ? value : null} onChange={onAnswer}>
          <Stack gap={4} mt={4}>
            {question.options.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
      )
    case 'multi_choice':
      return (
        <Checkbox.Group label={label} value={Array.isArray(value) ? value : []} onChange={onAnswer}>
          <Stack gap={4} mt={4}>
            {question.options.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      )
    case 'yes_no':
      return (
        <Radio.Group
          label={label}
          value={value === true ? 'yes' : value === false ? 'no' : null}
          onChange={(answer) => onAnswer(answer === 'yes')}
        >
          <Group mt={4}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
      )
    case 'number':
      return (
        <NumberInput
          label={label}
          value={typeof value === 'number' ? value : ''}
          min={question.min}
          max={question.max}
          allowDecimal={!question.integer}
          onChange={(answer) => onAnswer(typeof answer === 'number' ? answer : null)}
        />
      )
    case 'date':
      return (
        <TextInput
          type="date"
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onAnswer(event.currentTarget.value || null)}
        />
      )
  }
}

export function CeAssessmentForm({
  workflow,
  data,
  onChange,
  score,
}: StepFormProps & { score: AssessmentScore | null }) {
  const field = { data, onChange }
  const projects = useQuery({
    queryKey: projectKeys.list({ projectType: PROJECT_TYPES.CE, active: true }),
    queryFn: () => projectsApi.list({ projectType: PROJECT_TYPES.CE, active: true }),
  })
  const tool = workflow.assessmentTool
  const variant = (getIn(data, ['variant']) as HouseholdVariant | undefined) ?? null
  const answers = (getIn(data, ['answers']) as AssessmentAnswers | undefined) ?? {}
  const locations = (projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))
  if (!locations.some((location) => location.value === workflow.projectId))
    locations.push({ value: workflow.projectId, label: workflow.projectName })
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="4.19 Date of assessment" path={['assessmentDate']} {...field} />
        <Select
          label="Assessment location"
          data={locations}
          value={(getIn(data, ['assessmentLocationProjectId']) as string | undefined) ?? null}
          onChange={(value) => onChange(['assessmentLocationProjectId'], value)}
        />
        <CodeSelect label="Assessment type" list="4.19.3" path={['assessmentType']} {...field} />
        <CodeSelect label="Assessment level" list="4.19.4" path={['assessmentLevel']} {...field} />
        <CodeSelect label="Prioritization status" list="4.19.7" path={['prioritizationStatus']} {...field} />
        <Select
          label="Household type (tool variant)"
          data={(tool?.definition.variants ?? []).map((value) => ({ value, label: VARIANT_LABELS[value] }))}
          value={variant}
          onChange={(value) => onChange(['variant'], value)}
        />
      </SimpleGrid>
      {!tool && (
        <Alert color="red">
          The CoC has no published prioritization tool yet: a CoC administrator publishes one first.
        </Alert>
      )}
      {tool && variant && (
        <>
          <Paper withBorder p="sm" aria-live="polite">
            <Group>
              <Text fw={600}>
                {tool.toolName} (version {tool.version})
              </Text>
              <Badge size="lg" aria-label="Running score">
                Score {score?.total ?? 0} of {maximumScore(tool.definition, variant)}
              </Badge>
              {tool.definition.subScores.map((subScore) => (
                <Badge key={subScore.id} variant="light">
                  {subScore.label}: {score?.subScores[subScore.id] ?? 0}
                </Badge>
              ))}
            </Group>
          </Paper>
          {questionsFor(tool.definition, variant).map(({ section, questions }) => (
            <Fieldset key={section.id} legend={section.title}>
              <Stack>
                {questions.map((question) => (
                  <QuestionInput
                    key={question.id}
                    question={question}
                    value={answers[question.id]}
                    onAnswer={(value) => onChange(['answers', question.id], value)}
                  />
                ))}
              </Stack>
            </Fieldset>
          ))}
        </>
      )}
    </Stack>
  )
}
