import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from '@tanstack/react-router'
import type { Organization } from '../../api/types'
import { ConfirmAction } from '../../components/ConfirmAction'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { StatusBadge } from '../../components/StatusBadge'
import { currentMembership, useSession } from '../auth/session'
import { cocKeys, cocsApi } from '../cocs/cocs-api'
import { PATHS } from '../shell/navigation'
import { organizationKeys, organizationsApi } from './organizations-api'

const VSP_DESCRIPTION =
  'A victim service provider’s client records never leave the agency, and it does not enter them into the shared HMIS (VAWA).'

function BackToOrganizations() {
  return (
    <Anchor component={Link} to={PATHS.organizations} size="sm">
      ← All organizations
    </Anchor>
  )
}

function useSaved() {
  const queryClient = useQueryClient()
  return (organization: Organization) => {
    queryClient.setQueryData(organizationKeys.detail(organization.id), organization)
    return queryClient.invalidateQueries({ queryKey: organizationKeys.all })
  }
}

export function NewOrganizationPage() {
  const navigate = useNavigate()
  const saved = useSaved()
  const cocs = useQuery({ queryKey: cocKeys.all, queryFn: cocsApi.list })
  const session = useSession()
  const form = useForm({
    initialValues: { cocId: currentMembership(session)?.cocId ?? '', name: '', victimServiceProvider: false },
    validate: { name: (value) => (value.trim() ? null : 'Enter the organization’s name') },
  })
  const cocOptions = (cocs.data ?? []).map((coc) => ({ value: coc.id, label: `${coc.code} ${coc.name}` }))
  // Only a system administrator sees several CoCs; everyone else adds to their own (the server's default).
  const chooseCoc = cocOptions.length > 1
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    ({ cocId, ...values }) => organizationsApi.create(chooseCoc ? { cocId, ...values } : values),
    {
      onSuccess: async (organization) => {
        await saved(organization)
        await navigate({ to: PATHS.organizations })
      },
    },
  )

  return (
    <>
      <BackToOrganizations />
      <PageHeader title="Add organization" />
      <Paper withBorder p="lg" maw={640}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormError message={error} />
            {chooseCoc && (
              <Select label="Continuum of Care" required data={cocOptions} {...form.getInputProps('cocId')} />
            )}
            <TextInput label="Name" required {...form.getInputProps('name')} />
            <Checkbox
              label="Victim service provider"
              description={VSP_DESCRIPTION}
              {...form.getInputProps('victimServiceProvider', { type: 'checkbox' })}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={PATHS.organizations}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Add organization
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  )
}

/** Name and VSP status; `cocFieldsEditable` is false for an agency admin editing their own agency. */
function OrganizationDetailsForm({
  organization,
  cocFieldsEditable,
}: {
  organization: Organization
  cocFieldsEditable: boolean
}) {
  const saved = useSaved()
  const form = useForm({
    initialValues: { name: organization.name, victimServiceProvider: organization.victimServiceProvider },
    validate: { name: (value) => (value.trim() ? null : 'Enter the organization’s name') },
  })
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    (values) => organizationsApi.update(organization.id, cocFieldsEditable ? values : { name: values.name }),
    {
      onSuccess: async (updated) => {
        form.resetDirty()
        await saved(updated)
      },
    },
  )

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormError message={error} />
        {succeeded && !form.isDirty() && (
          <Alert color="green" variant="light" role="status">
            Saved.
          </Alert>
        )}
        <TextInput label="Name" required {...form.getInputProps('name')} />
        {cocFieldsEditable ? (
          <Checkbox
            label="Victim service provider"
            description={VSP_DESCRIPTION}
            {...form.getInputProps('victimServiceProvider', { type: 'checkbox' })}
          />
        ) : (
          <Text size="sm">
            Victim service provider: <strong>{organization.victimServiceProvider ? 'Yes' : 'No'}</strong>{' '}
            <Text span c="dimmed" size="sm">
              (set by your CoC administrators)
            </Text>
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function ActivationPanel({ organization }: { organization: Organization }) {
  const saved = useSaved()
  const toggle = useMutation({
    mutationFn: () => organizationsApi.update(organization.id, { active: !organization.active }),
    onSuccess: saved,
  })
  return (
    <Paper withBorder p="lg" maw={640}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Status
          </Title>
          <StatusBadge active={organization.active} />
        </Group>
        <Text size="sm" c="dimmed">
          {organization.active
            ? 'Deactivating signs out everyone acting for this organization and stops new sign-ins to it. Its records are kept.'
            : 'Reactivating lets its members sign in and act for it again.'}
        </Text>
        {toggle.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(toggle.error)}
          </Alert>
        )}
        <Group>
          {organization.active ? (
            <ConfirmAction
              label="Deactivate organization"
              title={`Deactivate ${organization.name}?`}
              message="Everyone acting for this organization is signed out at once and cannot act for it until it is reactivated."
              confirmLabel="Deactivate"
              variant="outline"
              color="red"
              loading={toggle.isPending}
              onConfirm={() => toggle.mutate()}
            />
          ) : (
            <Button variant="outline" loading={toggle.isPending} onClick={() => toggle.mutate()}>
              Reactivate organization
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}

function useOrganization(id: string) {
  return useQuery({ queryKey: organizationKeys.detail(id), queryFn: () => organizationsApi.get(id) })
}

export function OrganizationEditPage() {
  const { organizationId } = useParams({ strict: false }) as { organizationId: string }
  const organization = useOrganization(organizationId)
  return (
    <>
      <BackToOrganizations />
      <QueryState query={organization} label="the organization">
        {(loaded) => (
          <>
            <PageHeader title={loaded.name} />
            <Stack gap="lg">
              <Paper withBorder p="lg" maw={640}>
                <OrganizationDetailsForm key={loaded.id} organization={loaded} cocFieldsEditable />
              </Paper>
              <ActivationPanel organization={loaded} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  )
}

/** An agency administrator's own organization. */
export function MyOrganizationPage() {
  const session = useSession()
  const organization = useOrganization(session.currentOrganizationId)
  return (
    <QueryState query={organization} label="your organization">
      {(loaded) => (
        <>
          <PageHeader
            title={loaded.name}
            description="Your agency as others in the Continuum of Care see it, for example on referrals."
          />
          <Paper withBorder p="lg" maw={640}>
            <OrganizationDetailsForm key={loaded.id} organization={loaded} cocFieldsEditable={false} />
          </Paper>
        </>
      )}
    </QueryState>
  )
}
