import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type EligibilityPreview, EligibilityRuleSet, type ProjectEligibility } from '@threshold/core'
import { useState } from 'react'
import { FormError, showServerErrors } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { DraftRestoredNotice } from '../clients/DraftRestoredNotice'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { AreaMedianIncomeForm } from './AreaMedianIncomeForm'
import { eligibilityApi, eligibilityKeys } from './eligibility-api'
import { RuleEditor, type RuleFormValues } from './RuleEditor'

// The project's eligibility rules on its edit page: the current rules in plain language with their edit
// history, and for those who may change them an editor that previews the effect on the queue before saving.

const CE_PROJECT_TYPE = 14

function CurrentRules({ eligibility }: { eligibility: ProjectEligibility }) {
  if (eligibility.descriptions.length === 0)
    return <Text size="sm">No eligibility rules: the project screens nobody out.</Text>
  return (
    <List size="sm" aria-label="Current rules">
      {eligibility.descriptions.map((description, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules have no ids; the order is the rule set's
        <List.Item key={index}>{description}</List.Item>
      ))}
    </List>
  )
}

function History({ eligibility }: { eligibility: ProjectEligibility }) {
  if (eligibility.history.length === 0) return null
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Edit history
      </Text>
      <List size="xs" aria-label="Edit history">
        {eligibility.history.map((version) => (
          <List.Item key={version.version}>
            Version {version.version}, {new Date(version.createdAt).toLocaleString()} by{' '}
            {version.createdByName ?? 'the system'}: {version.rules.rules.length} rule(s)
            {version.note ? ` — ${version.note}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

function RuleSetForm({
  eligibility,
  onSaved,
}: {
  eligibility: ProjectEligibility
  onSaved: (version: number) => void
}) {
  const session = useSession()
  const queryClient = useQueryClient()
  const ceProjects = useQuery({
    queryKey: projectKeys.list({ projectType: CE_PROJECT_TYPE }),
    queryFn: () => projectsApi.list({ projectType: CE_PROJECT_TYPE }),
  })
  const form = useForm<RuleFormValues>({
    initialValues: { rules: eligibility.ruleSet.rules, note: '' },
    // The contract's own checks (bounds in order, a choice made, nesting depth), each on its input.
    validate: (values) => {
      const parsed = EligibilityRuleSet.safeParse({ rules: values.rules })
      if (parsed.success) return {}
      return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
    },
  })
  const draft = useFormDraft(form, {
    key: draftStorageKey(session.user.id, `eligibility:${eligibility.projectId}`),
    extra: eligibility.version,
  })
  // A restored draft was started from the version it remembers: saving it over a newer one must be a 409.
  const expectedVersion = draft.restoredExtra ?? eligibility.version
  const [preview, setPreview] = useState<{ rules: string; result: EligibilityPreview } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const currentRules = JSON.stringify(form.getValues().rules)
  const previewIsCurrent = preview?.rules === currentRules

  const previewMutation = useMutation({
    mutationFn: () => eligibilityApi.preview(eligibility.projectId, { rules: form.getValues().rules }),
    onSuccess: (result) => setPreview({ rules: currentRules, result }),
    onError: (failure) => setError(showServerErrors(form, failure)),
  })
  const saveMutation = useMutation({
    mutationFn: (values: RuleFormValues) =>
      eligibilityApi.save(eligibility.projectId, {
        ruleSet: { rules: values.rules },
        expectedVersion,
        note: values.note || null,
      }),
    onSuccess: async (updated) => {
      draft.clear()
      onSaved(updated.version)
      queryClient.setQueryData(eligibilityKeys.project(updated.projectId), updated)
      await queryClient.invalidateQueries({ queryKey: eligibilityKeys.all })
    },
    onError: (failure) => setError(showServerErrors(form, failure)),
  })

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setError(null)
        saveMutation.mutate(values)
      })}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          Edit rules
        </Title>
        <DraftRestoredNotice draft={draft} />
        <FormError message={error} />
        <Text size="sm" c="dimmed">
          A household is eligible when it passes every rule. Missing information makes a rule “unknown”, never
          a failure.
        </Text>
        <RuleEditor
          form={form}
          ceProjects={(ceProjects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
        />
        <Textarea label="Note for the edit history (optional)" autosize {...form.getInputProps('note')} />
        {previewIsCurrent && preview && (
          <Alert color="blue" variant="light" title="Effect on the queue" role="status">
            <Text size="sm" fw={600}>
              {preview.result.summary}
            </Text>
            <Text size="xs">
              Of {preview.result.queuedHouseholds} households waiting on the CoC’s queues;{' '}
              {preview.result.unknownWithChange} more lack information these rules need.
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            loading={previewMutation.isPending}
            onClick={() => {
              setError(null)
              if (form.validate().hasErrors) setError('Correct the highlighted rules first.')
              else previewMutation.mutate()
            }}
          >
            Preview changes
          </Button>
          <Button type="submit" loading={saveMutation.isPending} disabled={!previewIsCurrent}>
            Save rules
          </Button>
        </Group>
        {!previewIsCurrent && (
          <Text size="xs" c="dimmed" ta="right">
            Preview the changes to see their effect before saving.
          </Text>
        )}
      </Stack>
    </form>
  )
}

export function ProjectEligibilitySection({ projectId }: { projectId: string }) {
  const [savedVersion, setSavedVersion] = useState<number | null>(null)
  const eligibility = useQuery({
    queryKey: eligibilityKeys.project(projectId),
    queryFn: () => eligibilityApi.project(projectId),
  })
  return (
    <Paper withBorder p="lg" maw={720} mt="md" component="section" aria-labelledby="eligibility-rules-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="eligibility-rules-title">
          Eligibility rules
        </Title>
        <QueryState query={eligibility} label="the eligibility rules">
          {(loaded) => (
            <>
              {savedVersion !== null && savedVersion === loaded.version && (
                <Alert color="green" variant="light" role="status">
                  Saved as version {savedVersion}.
                </Alert>
              )}
              <CurrentRules eligibility={loaded} />
              <History eligibility={loaded} />
              {loaded.canEdit ? (
                <RuleSetForm key={loaded.version} eligibility={loaded} onSaved={setSavedVersion} />
              ) : (
                <Text size="xs" c="dimmed">
                  Only the CoC’s administrators and this project’s agency administrators change these rules.
                </Text>
              )}
            </>
          )}
        </QueryState>
        <AreaMedianIncomeForm />
      </Stack>
    </Paper>
  )
}
