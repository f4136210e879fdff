import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import type { SessionInfo } from '../../api/types'
import { SignInForm } from './SignInForm'
import { safeRedirectTarget, sessionQueryKey } from './session'

export function SignInPage() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const search = useSearch({ from: '/sign-in' })
  useDocumentTitle('Sign in · Threshold')

  async function signedIn(session: SessionInfo) {
    queryClient.setQueryData(sessionQueryKey, session)
    await navigate({ href: safeRedirectTarget(search.redirect), replace: true })
  }

  return (
    <Box component="main" bg="gray.1" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={400} gap="lg">
          <Stack gap={4} align="center">
            <Title order={1} size="h2">
              Threshold
            </Title>
            <Text c="dimmed" size="sm">
              Homeless Management Information System
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Title order={2} size="h4" mb="md">
              Sign in
            </Title>
            <SignInForm onSignedIn={signedIn} />
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            For authorized users only. This system holds confidential client records; all activity is
            recorded.
          </Text>
        </Stack>
      </Center>
    </Box>
  )
}
