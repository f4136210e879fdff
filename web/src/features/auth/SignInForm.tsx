import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/client'
import type { SessionInfo } from '../../api/types'
import { errorMessage } from '../../components/forms'
import { authApi, isMfaChallenge } from './session'

interface SignInFormProps {
  /** Re-authentication signs the same person in again: the username is fixed and shown. */
  fixedUsername?: string
  onSignedIn: (session: SessionInfo) => void | Promise<void>
  /** Extra button beside "Sign in" (the re-authentication dialog's "Sign out"). */
  secondaryAction?: ReactNode
}

interface Problem {
  title: string
  message: string
}

function describeFailure(error: unknown, step: 'password' | 'code'): Problem {
  if (error instanceof ApiError) {
    if (error.code === 'too_many_requests')
      return { title: 'Sign-in is locked for now', message: error.message }
    if (error.code === 'invalid_credentials' || (error.status === 401 && step === 'password')) {
      return {
        title: 'Not signed in',
        message:
          step === 'password'
            ? 'The username or password is not correct.'
            : 'That code is not correct or has expired. Enter the current code from your app.',
      }
    }
    if (error.status === 400) return { title: 'Check what you entered', message: error.message }
  }
  return { title: 'Not signed in', message: errorMessage(error) }
}

/** Username and password, then the authenticator code when the account has a second factor. */
export function SignInForm({ fixedUsername, onSignedIn, secondaryAction }: SignInFormProps) {
  const [step, setStep] = useState<'password' | 'code'>('password')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [pending, setPending] = useState(false)
  const codeInput = useRef<HTMLInputElement>(null)
  // The code step replaces the password fields: move focus to its one input for keyboard users.
  useEffect(() => {
    if (step === 'code') codeInput.current?.focus()
  }, [step])
  const form = useForm({
    initialValues: { username: fixedUsername ?? '', password: '', code: '' },
    validate: {
      username: (value) => (value.trim() ? null : 'Enter your username'),
      password: (value) => (value ? null : 'Enter your password'),
      code: (value) =>
        step === 'code' && !value.trim() ? 'Enter the code from your authenticator app' : null,
    },
  })

  const submit = form.onSubmit(async ({ username, password, code }) => {
    setProblem(null)
    setPending(true)
    try {
      if (step === 'password') {
        const response = await authApi.login(username.trim(), password)
        if (isMfaChallenge(response)) {
          setStep('code')
          return
        }
        await onSignedIn(response)
      } else {
        await onSignedIn(await authApi.loginTotp(code.trim()))
      }
    } catch (error) {
      setProblem(describeFailure(error, step))
    } finally {
      setPending(false)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {problem && (
          <Alert color="red" variant="light" title={problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        {step === 'password' ? (
          <>
            <TextInput
              label="Username"
              required
              autoComplete="username"
              readOnly={fixedUsername !== undefined}
              data-autofocus={fixedUsername === undefined || undefined}
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label="Password"
              required
              autoComplete="current-password"
              data-autofocus={fixedUsername !== undefined || undefined}
              {...form.getInputProps('password')}
            />
          </>
        ) : (
          <>
            <Text size="sm">
              Your account uses two-step verification. Enter the 6-digit code from your authenticator app, or
              one of your recovery codes.
            </Text>
            <TextInput
              label="Authentication code"
              required
              autoComplete="one-time-code"
              ref={codeInput}
              {...form.getInputProps('code')}
            />
          </>
        )}
        <Group justify="space-between" mt="xs">
          {step === 'code' ? (
            <Button
              variant="subtle"
              onClick={() => {
                setProblem(null)
                setStep('password')
              }}
            >
              Back
            </Button>
          ) : (
            (secondaryAction ?? <span />)
          )}
          <Button type="submit" loading={pending}>
            {step === 'code' ? 'Verify' : 'Sign in'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
