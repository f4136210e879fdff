import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from '@tanstack/react-router'
import type { Project, ProjectPatch } from '../../api/types'
import { FormError, useFormSubmit } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { ProjectEligibilitySection } from '../eligibility/ProjectEligibilitySection'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { PATHS } from '../shell/navigation'
import { HMIS_PARTICIPATION_OPTIONS, PROJECT_TYPE_OPTIONS } from './project-types'
import { projectKeys, projectsApi } from './projects-api'

interface ProjectFormValues {
  organizationId: string
  name: string
  projectType: string | null
  operatingStartDate: string
  operatingEndDate: string
  continuumProject: boolean
  hmisParticipation: string
  active: boolean
  acceptsDirectReferrals: boolean
}

/** The form's values as the API's fields (selects hold strings; an empty end date means "still operating"). */
function toProjectFields(values: ProjectFormValues): Required<ProjectPatch> {
  return {
    name: values.name,
    projectType: Number(values.projectType) as Required<ProjectPatch>['projectType'],
    operatingStartDate: values.operatingStartDate,
    operatingEndDate: values.operatingEndDate || null,
    continuumProject: values.continuumProject,
    hmisParticipation: Number(values.hmisParticipation) as 0 | 1 | 2,
    active: values.active,
    acceptsDirectReferrals: values.acceptsDirectReferrals,
  }
}

function fromProject(project: Project): ProjectFormValues {
  return {
    organizationId: project.organizationId,
    name: project.name,
    projectType: String(project.projectType),
    operatingStartDate: project.operatingStartDate,
    operatingEndDate: project.operatingEndDate ?? '',
    continuumProject: project.continuumProject,
    hmisParticipation: String(project.hmisParticipation),
    active: project.active,
    acceptsDirectReferrals: project.acceptsDirectReferrals,
  }
}

function useProjectForm(initialValues: ProjectFormValues) {
  return useForm<ProjectFormValues>({
    initialValues,
    validate: {
      organizationId: (value) => (value ? null : 'Choose the organization that runs the project'),
      name: (value) => (value.trim() ? null : 'Enter the project’s name'),
      projectType: (value) => (value ? null : 'Choose the HUD project type'),
      operatingStartDate: (value) => (value ? null : 'Enter the date the project started operating'),
      // ISO dates compare correctly as strings.
      operatingEndDate: (value, values) =>
        value && values.operatingStartDate && value < values.operatingStartDate
          ? 'The end date must be on or after the start date'
          : null,
    },
  })
}

function ProjectFields({
  form,
  organizationLocked,
}: {
  form: ReturnType<typeof useProjectForm>
  organizationLocked: boolean
}) {
  const organizations = useOrganizationOptions({ includeInactive: true })
  return (
    <>
      <Select
        label="Organization"
        required
        data={organizations.options}
        searchable
        disabled={organizationLocked}
        description={organizationLocked ? 'A project stays with the organization that runs it.' : undefined}
        {...form.getInputProps('organizationId')}
      />
      <TextInput label="Project name" required {...form.getInputProps('name')} />
      <Select
        label="Project type"
        description="HUD 2.02.6"
        required
        data={PROJECT_TYPE_OPTIONS}
        searchable
        {...form.getInputProps('projectType')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label="Operating start date"
          description="HUD 2.02.3"
          required
          {...form.getInputProps('operatingStartDate')}
        />
        <TextInput
          type="date"
          label="Operating end date"
          description="Leave empty while the project operates"
          {...form.getInputProps('operatingEndDate')}
        />
      </SimpleGrid>
      <Select
        label="HMIS participation"
        description="HUD 2.08"
        required
        data={HMIS_PARTICIPATION_OPTIONS}
        allowDeselect={false}
        {...form.getInputProps('hmisParticipation')}
      />
      <Checkbox
        label="Continuum project"
        description="Funded or recognized by the CoC (HUD 2.02.5)"
        {...form.getInputProps('continuumProject', { type: 'checkbox' })}
      />
    </>
  )
}

function BackToProjects() {
  return (
    <Anchor component={Link} to={PATHS.projects} size="sm">
      ← All projects
    </Anchor>
  )
}

export function NewProjectPage() {
  const session = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  // An agency administrator adds projects to their own agency only.
  const ownAgencyOnly = session.role === 'agency_admin'
  const form = useProjectForm({
    organizationId: ownAgencyOnly ? session.currentOrganizationId : '',
    name: '',
    projectType: null,
    operatingStartDate: '',
    operatingEndDate: '',
    continuumProject: true,
    hmisParticipation: '1',
    active: true,
    acceptsDirectReferrals: false,
  })
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => projectsApi.create({ organizationId: values.organizationId, ...toProjectFields(values) }),
    {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: projectKeys.all })
        await navigate({ to: PATHS.projects })
      },
    },
  )

  return (
    <>
      <BackToProjects />
      <PageHeader title="Add project" />
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormError message={error} />
            <ProjectFields form={form} organizationLocked={ownAgencyOnly} />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={PATHS.projects}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Add project
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  )
}

function EditProjectForm({ project, editable }: { project: Project; editable: boolean }) {
  const queryClient = useQueryClient()
  const form = useProjectForm(fromProject(project))
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    (values) => projectsApi.update(project.id, toProjectFields(values)),
    {
      onSuccess: async (updated) => {
        form.resetDirty()
        queryClient.setQueryData(projectKeys.detail(updated.id), updated)
        await queryClient.invalidateQueries({ queryKey: projectKeys.all })
      },
    },
  )
  return (
    <form onSubmit={onSubmit} noValidate>
      <Fieldset variant="unstyled" disabled={!editable}>
        <Stack>
          <FormError message={error} />
          {succeeded && !form.isDirty() && (
            <Alert color="green" variant="light" role="status">
              Saved.
            </Alert>
          )}
          <ProjectFields form={form} organizationLocked />
          <Checkbox
            label="Active"
            description="Inactive projects take no new enrollments"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Checkbox
            label="Accepts direct referrals"
            description="Other projects' agencies may refer households to its openings without the Coordinated Entry queue"
            {...form.getInputProps('acceptsDirectReferrals', { type: 'checkbox' })}
          />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={pending}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  )
}

export function ProjectEditPage() {
  const session = useSession()
  const { projectId } = useParams({ strict: false }) as { projectId: string }
  const project = useQuery({
    queryKey: projectKeys.detail(projectId),
    queryFn: () => projectsApi.get(projectId),
  })
  return (
    <>
      <BackToProjects />
      <QueryState query={project} label="the project">
        {(loaded) => {
          // Agency administrators manage their own agency's projects; they can look at the others.
          const editable =
            session.role !== 'agency_admin' || loaded.organizationId === session.currentOrganizationId
          return (
            <>
              <PageHeader
                title={loaded.name}
                description={
                  editable
                    ? undefined
                    : `Run by ${loaded.organizationName}; only its administrators can change it.`
                }
              />
              <Paper withBorder p="lg" maw={720}>
                <EditProjectForm key={loaded.id} project={loaded} editable={editable} />
              </Paper>
              <ProjectEligibilitySection projectId={loaded.id} />
            </>
          )
        }}
      </QueryState>
    </>
  )
}
