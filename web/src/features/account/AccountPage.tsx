import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ROLE_LABELS } from '@threshold/core'
import { type ReactNode, useState } from 'react'
import { api } from '../../api/client'
import type { TotpActivation, TotpEnrollment } from '../../api/types'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { currentMembership, sessionQueryKey, useSession } from '../auth/session'

const accountApi = {
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api.post<void>('/api/auth/password', body),
  enrollTotp: () => api.post<TotpEnrollment>('/api/auth/totp/enroll'),
  activateTotp: (code: string) => api.post<TotpActivation>('/api/auth/totp/activate', { code }),
  disableTotp: (code: string) => api.post<void>('/api/auth/totp/disable', { code }),
}

function Section({ title, badge, children }: { title: string; badge?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {badge}
        </Group>
        {children}
      </Stack>
    </Paper>
  )
}

function ChangePasswordForm() {
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value) => (value ? null : 'Enter a new password'),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : 'The two new passwords differ',
    },
  })
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    ({ currentPassword, newPassword }) => accountApi.changePassword({ currentPassword, newPassword }),
    { onSuccess: () => form.reset() },
  )
  return (
    <Section title="Change password">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={error} />
          {succeeded && !form.isDirty() && (
            <Alert color="green" variant="light" role="status">
              Password changed. Your other sessions were signed out.
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label="New password"
              description="At least 12 characters; a short sentence is easy to remember"
              required
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label="Repeat new password"
              required
              autoComplete="new-password"
              {...form.getInputProps('confirmPassword')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  )
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Alert color="green" variant="light" title="Two-step verification is on" role="status">
      <Stack gap="sm">
        <Text size="sm">
          Save these recovery codes somewhere safe, away from your phone. Each one signs you in once if you
          lose your authenticator app. They will not be shown again.
        </Text>
        <Code block data-testid="recovery-codes">
          {codes.join('\n')}
        </Code>
        <Group>
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'green' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy codes'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            I have saved them
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

function EnrollTotp({ onActivated }: { onActivated: (codes: string[]) => void }) {
  const enroll = useMutation({ mutationFn: accountApi.enrollTotp })
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (value) => (/^\d{6}$/.test(value.trim()) ? null : 'Enter the 6-digit code from the app'),
    },
  })
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => accountApi.activateTotp(values.code.trim()),
    {
      onSuccess: (activation) => onActivated(activation.recoveryCodes),
    },
  )

  if (!enroll.data) {
    return (
      <Stack align="flex-start">
        <Text size="sm">
          After your password, you will also enter a code from an authenticator app on your phone (such as
          Google Authenticator, Microsoft Authenticator or 1Password).
        </Text>
        {enroll.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(enroll.error)}
          </Alert>
        )}
        <Button onClick={() => enroll.mutate()} loading={enroll.isPending}>
          Set up authenticator app
        </Button>
      </Stack>
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <List type="ordered" size="sm" spacing="xs">
          <List.Item>Open your authenticator app and add an account.</List.Item>
          <List.Item>Scan this QR code, or type the key below.</List.Item>
          <List.Item>Enter the 6-digit code the app shows to finish.</List.Item>
        </List>
        <Group align="flex-start" gap="xl">
          <Image
            src={enroll.data.qrCodeDataUrl}
            alt="QR code to add Threshold to your authenticator app"
            w={180}
            h={180}
            fit="contain"
          />
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Key for typing in
            </Text>
            <Code data-testid="totp-secret">{enroll.data.secret}</Code>
          </Stack>
        </Group>
        <FormError message={error} />
        <TextInput
          label="Code from the app"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          maw={240}
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" loading={pending}>
            Turn on two-step verification
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function DisableTotp({ onDisabled }: { onDisabled: () => void }) {
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (value.trim() ? null : 'Enter a code from your app or a recovery code') },
  })
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => accountApi.disableTotp(values.code.trim()),
    {
      onSuccess: () => {
        form.reset()
        onDisabled()
      },
    },
  )
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">
          Your account asks for a code from your authenticator app when you sign in. To turn this off, confirm
          with a current code or a recovery code.
        </Text>
        <FormError message={error} />
        <Group align="flex-end">
          <TextInput
            label="Code"
            required
            autoComplete="one-time-code"
            maw={240}
            {...form.getInputProps('code')}
          />
          <Button type="submit" variant="outline" color="red" loading={pending}>
            Turn off two-step verification
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function TwoStepSection() {
  const session = useSession()
  const queryClient = useQueryClient()
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: sessionQueryKey })

  return (
    <Section
      title="Two-step verification"
      badge={
        <Badge variant="light" color={session.user.totpEnabled ? 'green' : 'gray'}>
          {session.user.totpEnabled ? 'On' : 'Off'}
        </Badge>
      }
    >
      {session.mfaEnrollmentRequired && (
        <Alert color="orange" variant="light" role="alert">
          Your CoC requires two-step verification for your role. Set it up to continue working.
        </Alert>
      )}
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : session.user.totpEnabled ? (
        <DisableTotp onDisabled={refreshSession} />
      ) : (
        <EnrollTotp
          onActivated={(codes) => {
            setRecoveryCodes(codes)
            refreshSession()
          }}
        />
      )}
    </Section>
  )
}

export function AccountPage() {
  const session = useSession()
  return (
    <>
      <PageHeader title="Account and security" />
      <Stack gap="lg" maw={760}>
        <Paper withBorder p="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Name
              </Text>
              <Text>{session.user.displayName}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Username
              </Text>
              <Text>{session.user.username}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Acting as
              </Text>
              <Text>
                {ROLE_LABELS[session.role]}, {currentMembership(session)?.organizationName}
              </Text>
            </Stack>
          </SimpleGrid>
        </Paper>
        <TwoStepSection />
        <ChangePasswordForm />
      </Stack>
    </>
  )
}
