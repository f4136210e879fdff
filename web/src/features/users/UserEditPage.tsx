import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import type { User } from '../../api/types'
import { ConfirmAction } from '../../components/ConfirmAction'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { StatusBadge } from '../../components/StatusBadge'
import { PATHS } from '../shell/navigation'
import { MembershipsPanel } from './MembershipsPanel'
import { userKeys, usersApi } from './users-api'

function useUserSaved(userId: string) {
  const queryClient = useQueryClient()
  return async (updated: User | undefined) => {
    if (updated) queryClient.setQueryData(userKeys.detail(userId), updated)
    await queryClient.invalidateQueries({ queryKey: userKeys.all })
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  )
}

function SavedNotice({ show }: { show: boolean }) {
  if (!show) return null
  return (
    <Alert color="green" variant="light" role="status">
      Saved.
    </Alert>
  )
}

function ProfileForm({ user }: { user: User }) {
  const saved = useUserSaved(user.id)
  const form = useForm({
    initialValues: { displayName: user.displayName, email: user.email ?? '' },
    validate: {
      displayName: (value) => (value.trim() ? null : 'Enter the person’s name'),
      email: (value) => (!value.trim() || /^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email'),
    },
  })
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    (values) =>
      usersApi.update(user.id, {
        displayName: values.displayName.trim(),
        email: values.email.trim() || null,
      }),
    {
      onSuccess: async (updated) => {
        form.resetDirty()
        await saved(updated)
      },
    },
  )
  return (
    <Section title="Profile">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={error} />
          <SavedNotice show={succeeded && !form.isDirty()} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Display name" required {...form.getInputProps('displayName')} />
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  )
}

function PasswordResetForm({ user }: { user: User }) {
  const saved = useUserSaved(user.id)
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : 'Enter the new password') },
  })
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    (values) => usersApi.update(user.id, { password: values.password }),
    {
      onSuccess: async (updated) => {
        form.reset()
        await saved(updated)
      },
    },
  )
  return (
    <Section title="Reset password">
      <Text size="sm" c="dimmed">
        For someone who forgot theirs. Setting it signs them out everywhere; give them the new password in a
        safe way.
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={error} />
          {succeeded && !form.isDirty() && (
            <Alert color="green" variant="light" role="status">
              Password set. {user.displayName} has been signed out everywhere.
            </Alert>
          )}
          <PasswordInput
            label="New password"
            description="At least 12 characters"
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  )
}

function SecurityPanel({ user }: { user: User }) {
  const saved = useUserSaved(user.id)
  const resetTotp = useMutation({
    mutationFn: () => usersApi.resetTotp(user.id),
    onSuccess: () => saved(undefined),
  })
  const toggleActive = useMutation({
    mutationFn: () => usersApi.update(user.id, { active: !user.active }),
    onSuccess: saved,
  })
  const failure = resetTotp.error ?? toggleActive.error
  return (
    <Section title="Sign-in and status">
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(failure)}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600}>Two-step verification</Text>
          <Text size="sm" c="dimmed">
            {user.totpEnabled
              ? 'An authenticator app is set up. Reset it if the person lost their phone and their recovery codes.'
              : 'Not set up. The person sets it up from their account page.'}
          </Text>
        </Stack>
        {user.totpEnabled ? (
          <ConfirmAction
            label="Reset authenticator"
            title="Reset two-step verification?"
            message={`${user.displayName} will sign in with their password alone until they set up an authenticator app again.`}
            confirmLabel="Reset"
            variant="outline"
            loading={resetTotp.isPending}
            onConfirm={() => resetTotp.mutate()}
          />
        ) : (
          <Badge variant="light" color="gray">
            Off
          </Badge>
        )}
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>Account</Text>
            <StatusBadge active={user.active} inactiveLabel="Disabled" />
          </Group>
          <Text size="sm" c="dimmed">
            {user.active
              ? 'Disabling signs the person out everywhere at once; their records and history are kept.'
              : 'This account cannot sign in.'}
          </Text>
        </Stack>
        {user.active ? (
          <ConfirmAction
            label="Disable account"
            title={`Disable ${user.displayName}?`}
            message="They are signed out everywhere at once and cannot sign in until the account is enabled again."
            confirmLabel="Disable"
            variant="outline"
            color="red"
            loading={toggleActive.isPending}
            onConfirm={() => toggleActive.mutate()}
          />
        ) : (
          <Button variant="outline" loading={toggleActive.isPending} onClick={() => toggleActive.mutate()}>
            Enable account
          </Button>
        )}
      </Group>
    </Section>
  )
}

export function UserEditPage() {
  const { userId } = useParams({ strict: false }) as { userId: string }
  const user = useQuery({ queryKey: userKeys.detail(userId), queryFn: () => usersApi.get(userId) })
  return (
    <>
      <Anchor component={Link} to={PATHS.users} size="sm">
        ← All users
      </Anchor>
      <QueryState query={user} label="the user">
        {(loaded) => (
          <>
            <PageHeader title={loaded.displayName} description={`Username: ${loaded.username}`} />
            <Stack gap="lg" maw={880}>
              <ProfileForm key={`profile-${loaded.id}`} user={loaded} />
              <MembershipsPanel user={loaded} />
              <SecurityPanel user={loaded} />
              <PasswordResetForm key={`password-${loaded.id}`} user={loaded} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  )
}
