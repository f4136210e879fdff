import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Grid,
  Group,
  List,
  NavLink,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type AssessmentAnswers,
  CE_DOCUMENT_TYPE_LABELS,
  CE_OUTCOME_LABELS,
  CE_STEP_DRAFTS,
  type CeDocumentType,
  type CeWorkflow,
  type CeWorkflowStep,
  ceStepMissingElements,
  type HouseholdVariant,
  scoreAssessment,
} from '@threshold/core'
import { useEffect, useMemo, useState } from 'react'
import { ApiError } from '../../api/client'
import { formatDate, formatDateTime } from '../../components/format'
import { errorMessage } from '../../components/forms'
import { useSession } from '../auth/session'
import { codeLabel, labelledOptions } from '../clients/client-options'
import { CeAssessmentForm } from './CeAssessmentForm'
import {
  CurrentLivingSituationForm,
  DateField,
  DisabilitiesForm,
  DomesticViolenceForm,
  EnrollmentStepForm,
  UniversalDataForm,
} from './CeStepForms'
import { ceWorkflowApi, ceWorkflowKeys } from './ce-workflow-api'
import { clearLocalStep, readLocalStep, type StepData, setIn, writeLocalStep } from './step-data'

// The guided CE workflow: a visible step list with each step's status, the chosen step's form (saved as a
// server-side draft any CE user of the CoC can resume), the HUD elements it still lacks, and pause/resume.

const STATUS_COLORS = { not_started: 'gray', draft: 'yellow', completed: 'green' } as const
const STATUS_LABELS = { not_started: 'Not started', draft: 'Draft saved', completed: 'Completed' } as const

function firstOpenStep(workflow: CeWorkflow): CeWorkflowStep {
  return (workflow.steps.find((step) => step.status !== 'completed') ?? workflow.steps[0]!).step
}

export function CeWorkflowView({ workflow }: { workflow: CeWorkflow }) {
  const [active, setActive] = useState<CeWorkflowStep>(() => firstOpenStep(workflow))
  const queryClient = useQueryClient()
  const show = (next: CeWorkflow) => {
    queryClient.setQueryData(ceWorkflowKeys.detail(next.id), next)
    // The dashboard's list of CE enrollments shows each one's status and steps done.
    void queryClient.invalidateQueries({ queryKey: ceWorkflowKeys.ofClient(next.headClientId) })
  }
  const pause = useMutation({
    mutationFn: () =>
      (workflow.status === 'paused' ? ceWorkflowApi.resume : ceWorkflowApi.pause)(workflow.id),
    onSuccess: show,
  })
  const open = workflow.status !== 'exited'
  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={3}>
            {workflow.projectName} since {formatDate(workflow.entryDate)}
          </Title>
          <Text size="sm" c="dimmed">
            Case manager: {workflow.caseManagerName ?? '—'}
            {workflow.outcome &&
              ` · Outcome: ${CE_OUTCOME_LABELS[workflow.outcome]} (${formatDate(workflow.outcomeDate)})`}
          </Text>
        </Stack>
        {open && workflow.canWork && (
          <Button variant="light" loading={pause.isPending} onClick={() => pause.mutate()}>
            {workflow.status === 'paused' ? 'Resume workflow' : 'Pause workflow'}
          </Button>
        )}
      </Group>
      {workflow.status === 'paused' && (
        <Alert color="yellow" title="Paused">
          Paused by {workflow.pausedByName ?? 'a CE user'} on {formatDateTime(workflow.pausedAt)}. Any CE user
          of the CoC can resume it: every step's draft is kept.
        </Alert>
      )}
      {workflow.status === 'exited' && (
        <Alert color="gray">This CE enrollment has exited; the workflow is closed.</Alert>
      )}
      {pause.error && <Alert color="red">{errorMessage(pause.error)}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p={4} component="nav" aria-label="Workflow steps">
            <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {workflow.steps.map((step, index) => (
                <li key={step.step}>
                  <NavLink
                    component="button"
                    label={`${index + 1}. ${step.label}`}
                    description={`${STATUS_LABELS[step.status]}${step.missing.length > 0 ? ` · ${step.missing.length} missing` : ''}`}
                    active={step.step === active}
                    aria-current={step.step === active ? 'step' : undefined}
                    onClick={() => setActive(step.step)}
                    rightSection={<Badge size="xs" color={STATUS_COLORS[step.status]} aria-hidden />}
                  />
                </li>
              ))}
            </ol>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <StepPanel
            key={`${workflow.id}:${active}`}
            workflow={workflow}
            step={active}
            onSaved={show}
            onCompleted={(next) => {
              show(next)
              setActive(firstOpenStep(next))
            }}
          />
        </Grid.Col>
      </Grid>
      <AssessmentHistory workflow={workflow} />
    </Stack>
  )
}

function StepPanel({
  workflow,
  step,
  onSaved,
  onCompleted,
}: {
  workflow: CeWorkflow
  step: CeWorkflowStep
  onSaved(next: CeWorkflow): void
  onCompleted(next: CeWorkflow): void
}) {
  const session = useSession()
  const state = workflow.steps.find((entry) => entry.step === step)!
  const [data, setData] = useState<StepData>(
    () => readLocalStep(session.user.id, workflow, step) ?? state.data,
  )
  const [conflict, setConflict] = useState<string | null>(null)
  const [dirty, setDirty] = useState(false)
  const editable = workflow.canWork && workflow.status !== 'exited'

  useEffect(() => {
    if (dirty) writeLocalStep(session.user.id, workflow.id, step, { version: state.version, data })
  }, [dirty, data, session.user.id, workflow.id, step, state.version])

  const onChange = (path: readonly string[], value: unknown) => {
    setDirty(true)
    setData((current) => setIn(current, path, value))
  }

  const score = useMemo(() => {
    if (step !== 'ce_assessment' || !workflow.assessmentTool) return null
    const variant = data.variant as HouseholdVariant | undefined
    if (!variant) return null
    const outcome = scoreAssessment(
      workflow.assessmentTool,
      variant,
      (data.answers ?? {}) as AssessmentAnswers,
    )
    return outcome.ok ? outcome.score : null
  }, [step, workflow.assessmentTool, data])

  const missing = useMemo(() => {
    const parsed = CE_STEP_DRAFTS[step].safeParse(data)
    if (!parsed.success) return state.missing
    return ceStepMissingElements(
      // biome-ignore lint/suspicious/noExplicitAny: the step and its parsed draft belong together
      { step, data: parsed.data, unansweredQuestions: score?.unansweredRequired } as any,
      workflow.members,
    )
  }, [step, data, score, state.missing, workflow.members])

  const save = useMutation({
    mutationFn: (complete: boolean) =>
      ceWorkflowApi.saveStep(workflow.id, step, state.version, data, complete),
    onSuccess: (next, complete) => {
      clearLocalStep(session.user.id, workflow.id, step)
      setDirty(false)
      setConflict(null)
      if (complete) onCompleted(next)
      else onSaved(next)
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') setConflict(error.message)
    },
  })
  const reload = useMutation({
    mutationFn: () => ceWorkflowApi.get(workflow.id),
    onSuccess: (next) => {
      clearLocalStep(session.user.id, workflow.id, step)
      setDirty(false)
      setConflict(null)
      setData(next.steps.find((entry) => entry.step === step)!.data)
      onSaved(next)
    },
  })
  const memberLabel = (enrollmentId: string | null) =>
    workflow.members.find((member) => member.enrollmentId === enrollmentId)?.label

  const formProps = { workflow, data, onChange }
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{state.label}</Title>
          <Text size="xs" c="dimmed">
            {state.completedAt
              ? `Completed by ${state.completedByName ?? '—'} on ${formatDateTime(state.completedAt)}`
              : state.updatedAt
                ? `Draft saved by ${state.updatedByName ?? '—'} on ${formatDateTime(state.updatedAt)}`
                : 'Not started'}
          </Text>
        </Group>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          {step === 'enrollment' && <EnrollmentStepForm {...formProps} me={session.user} />}
          {step === 'universal_data' && <UniversalDataForm {...formProps} />}
          {step === 'disabilities' && <DisabilitiesForm {...formProps} />}
          {step === 'domestic_violence' && <DomesticViolenceForm {...formProps} />}
          {step === 'current_living_situation' && <CurrentLivingSituationForm {...formProps} />}
          {step === 'ce_assessment' && <CeAssessmentForm {...formProps} score={score} />}
          {step === 'outcome' && <OutcomeForm {...formProps} />}
          {step === 'documents' && <DocumentsStep workflow={workflow} onUploaded={onSaved} />}
        </fieldset>
        {missing.length > 0 ? (
          <Alert color="orange" title={`Missing required elements (${missing.length})`}>
            <List size="sm" aria-label="Missing required elements">
              {missing.map((element) => (
                <List.Item key={`${element.memberEnrollmentId}:${element.element}`}>
                  {element.element}
                  {element.memberEnrollmentId && ` — ${memberLabel(element.memberEnrollmentId) ?? 'member'}`}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm">Every required element of this step is answered.</Text>
        )}
        {conflict && (
          <Alert color="red" title="Someone else saved this step">
            <Stack gap="xs">
              <Text size="sm">{conflict}</Text>
              <Text size="sm">
                Your answers are still on screen. Load the newer version to continue from it.
              </Text>
              <div>
                <Button size="xs" variant="light" loading={reload.isPending} onClick={() => reload.mutate()}>
                  Load the newer version
                </Button>
              </div>
            </Stack>
          </Alert>
        )}
        {save.error && !conflict && <Alert color="red">{errorMessage(save.error)}</Alert>}
        {editable && (
          <Group>
            {step !== 'documents' && (
              <Button
                variant="default"
                loading={save.isPending && save.variables === false}
                onClick={() => save.mutate(false)}
              >
                Save draft
              </Button>
            )}
            <Button loading={save.isPending && save.variables === true} onClick={() => save.mutate(true)}>
              {state.status === 'completed' && step === 'ce_assessment'
                ? 'Record reassessment'
                : 'Complete step'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

function OutcomeForm({
  data,
  onChange,
}: {
  data: StepData
  onChange(path: readonly string[], value: unknown): void
}) {
  return (
    <Stack>
      <Radio.Group
        label="Outcome"
        value={(data.outcome as string | undefined) ?? null}
        onChange={(value) => onChange(['outcome'], value)}
      >
        <Stack gap={4} mt={4}>
          {Object.entries(CE_OUTCOME_LABELS).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </Stack>
      </Radio.Group>
      <DateField label="Outcome date" path={['outcomeDate']} data={data} onChange={onChange} />
    </Stack>
  )
}

function DocumentsStep({
  workflow,
  onUploaded,
}: {
  workflow: CeWorkflow
  onUploaded(next: CeWorkflow): void
}) {
  const [documentType, setDocumentType] = useState<CeDocumentType | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const upload = useMutation({
    mutationFn: () => ceWorkflowApi.upload(workflow.id, documentType!, file!),
    onSuccess: (next) => {
      setFile(null)
      onUploaded(next)
    },
  })
  return (
    <Stack>
      {workflow.documents.length > 0 ? (
        <Table aria-label="Uploaded documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>File</Table.Th>
              <Table.Th>Uploaded</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workflow.documents.map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td>{CE_DOCUMENT_TYPE_LABELS[document.documentType]}</Table.Td>
                <Table.Td>
                  <Anchor href={ceWorkflowApi.documentUrl(document.id)}>{document.fileName}</Anchor>
                </Table.Td>
                <Table.Td>
                  {formatDateTime(document.uploadedAt)} by {document.uploadedByName ?? '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">No documents uploaded yet.</Text>
      )}
      <Group align="end">
        <Select
          label="Document type"
          data={labelledOptions(CE_DOCUMENT_TYPE_LABELS)}
          value={documentType}
          onChange={(value) => setDocumentType(value as CeDocumentType | null)}
        />
        <FileInput
          label="File (PDF, PNG or JPEG, at most 5 MB)"
          accept="application/pdf,image/png,image/jpeg"
          value={file}
          onChange={setFile}
          clearable
        />
        <Button
          variant="light"
          disabled={!documentType || !file}
          loading={upload.isPending}
          onClick={() => upload.mutate()}
        >
          Upload
        </Button>
      </Group>
      {upload.error && <Alert color="red">{errorMessage(upload.error)}</Alert>}
    </Stack>
  )
}

function AssessmentHistory({ workflow }: { workflow: CeWorkflow }) {
  const { assessments, annualWindow } = workflow.assessments
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>CE assessments (4.19)</Title>
        {annualWindow && (
          <Text size="sm">
            Annual reassessment window: {formatDate(annualWindow.windowStart)} to{' '}
            {formatDate(annualWindow.windowEnd)} ({annualWindow.status.replaceAll('_', ' ')})
          </Text>
        )}
        {assessments.length === 0 ? (
          <Text size="sm">No CE assessment recorded yet.</Text>
        ) : (
          <Table aria-label="CE assessments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Type and level</Table.Th>
                <Table.Th>Tool</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Prioritization</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assessments.map((assessment) => (
                <Table.Tr key={assessment.id}>
                  <Table.Td>{formatDate(assessment.assessmentDate)}</Table.Td>
                  <Table.Td>{assessment.assessmentLocationProjectName}</Table.Td>
                  <Table.Td>
                    {codeLabel('4.19.3', assessment.assessmentType)},{' '}
                    {codeLabel('4.19.4', assessment.assessmentLevel)}
                  </Table.Td>
                  <Table.Td>
                    {assessment.toolName ? `${assessment.toolName} v${assessment.toolVersion}` : '—'}
                  </Table.Td>
                  <Table.Td>{assessment.score ?? '—'}</Table.Td>
                  <Table.Td>{codeLabel('4.19.7', assessment.prioritizationStatus)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}
