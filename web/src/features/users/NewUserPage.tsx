import {
  ActionIcon,
  Anchor,
  Button,
  Fieldset,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type { Role } from '@threshold/core'
import { FormError, useFormSubmit } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { useSession } from '../auth/session'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { PATHS } from '../shell/navigation'
import { ownAgencyOption, roleOptions } from './assignable'
import { userKeys, usersApi } from './users-api'

interface MembershipRow {
  /** Stable React key for the row (rows can be removed from the middle). */
  key: number
  organizationId: string | null
  role: Role | null
}

interface NewUserValues {
  username: string
  displayName: string
  email: string
  password: string
  memberships: MembershipRow[]
}

let nextRowKey = 1
const emptyRow = (organizationId: string | null = null): MembershipRow => ({
  key: nextRowKey++,
  organizationId,
  role: null,
})

const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,64}$/

export function NewUserPage() {
  const session = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const ownAgencyOnly = session.role === 'agency_admin'
  const organizations = useOrganizationOptions()
  const organizationOptions = ownAgencyOnly ? ownAgencyOption(session) : organizations.options
  const roles = roleOptions(session.role)

  const form = useForm<NewUserValues>({
    initialValues: {
      username: '',
      displayName: '',
      email: '',
      password: '',
      memberships: [emptyRow(ownAgencyOnly ? session.currentOrganizationId : null)],
    },
    validate: {
      username: (value) =>
        USERNAME_PATTERN.test(value.trim())
          ? null
          : 'Use 3–64 letters, digits, dots, dashes or underscores (no spaces)',
      displayName: (value) => (value.trim() ? null : 'Enter the person’s name'),
      email: (value) => (!value.trim() || /^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email'),
      password: (value) => (value ? null : 'Enter an initial password'),
      memberships: {
        organizationId: (value, values) => {
          if (!value) return 'Choose an organization'
          const uses = values.memberships.filter((row) => row.organizationId === value).length
          return uses > 1 ? 'This organization is listed twice' : null
        },
        role: (value) => (value ? null : 'Choose a role'),
      },
    },
  })

  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) =>
      usersApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        email: values.email.trim() || null,
        password: values.password,
        memberships: values.memberships.map((row) => ({
          organizationId: row.organizationId as string,
          role: row.role as Role,
        })),
      }),
    {
      conflictField: 'username',
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: userKeys.all })
        await navigate({ to: '/admin/users/$userId', params: { userId: user.id } })
      },
    },
  )

  return (
    <>
      <Anchor component={Link} to={PATHS.users} size="sm">
        ← All users
      </Anchor>
      <PageHeader title="Add user" />
      <Paper withBorder p="lg" maw={760}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormError message={error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Username" required autoComplete="off" {...form.getInputProps('username')} />
              <TextInput label="Display name" required {...form.getInputProps('displayName')} />
            </SimpleGrid>
            <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
            <PasswordInput
              label="Initial password"
              description="At least 12 characters. Give it to the person in a safe way; they should change it after signing in."
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Fieldset legend="Organizations and roles">
              <Stack gap="sm">
                {form.values.memberships.map((row, index) => (
                  <Group key={row.key} align="flex-start" wrap="nowrap">
                    <Select
                      label="Organization"
                      required
                      data={organizationOptions}
                      searchable
                      flex={1}
                      {...form.getInputProps(`memberships.${index}.organizationId`)}
                    />
                    <Select
                      label="Role"
                      required
                      data={roles}
                      flex={1}
                      {...form.getInputProps(`memberships.${index}.role`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mt={26}
                      aria-label={`Remove organization ${index + 1}`}
                      disabled={form.values.memberships.length === 1}
                      onClick={() => form.removeListItem('memberships', index)}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                ))}
                {!ownAgencyOnly && (
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      onClick={() => form.insertListItem('memberships', emptyRow())}
                    >
                      Add another organization
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={PATHS.users}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Add user
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  )
}
