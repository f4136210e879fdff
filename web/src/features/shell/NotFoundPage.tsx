import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { Link } from '@tanstack/react-router'

export function NotFoundPage() {
  useDocumentTitle('Page not found · Threshold')
  return (
    <Center component="main" mih="100vh" bg="gray.1" p="md">
      <Paper withBorder p="xl" maw={480}>
        <Stack gap="sm">
          <Title order={1} size="h3">
            Page not found
          </Title>
          <Text>There is no page at this address. It may have moved, or the link may be mistyped.</Text>
          <Anchor component={Link} to="/">
            Go to the home page
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  )
}
