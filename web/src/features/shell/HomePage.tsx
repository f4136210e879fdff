import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { ROLE_LABELS } from '@threshold/core'
import { PageHeader } from '../../components/PageHeader'
import { currentMembership, useSession } from '../auth/session'
import { AREA_DESCRIPTIONS, WORK_AREAS } from './areas'
import { NAVIGATION, PATHS } from './navigation'

export function HomePage() {
  const session = useSession()
  const membership = currentMembership(session)
  const destinations = NAVIGATION[session.role]
    .flatMap((section) => section.items)
    .filter((item) => item.to !== PATHS.home)

  return (
    <>
      <PageHeader title={`Welcome, ${session.user.displayName}`} />
      <Stack gap="lg" maw={960}>
        <Paper withBorder p="lg">
          <Group gap="xl" wrap="wrap">
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Role
              </Text>
              <Text fw={600}>{ROLE_LABELS[session.role]}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Organization
              </Text>
              <Text fw={600}>{membership?.organizationName}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Continuum of Care
              </Text>
              <Text fw={600}>{membership?.cocCode}</Text>
            </Stack>
          </Group>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {destinations.map((item) => {
            const comingNext = Object.values(WORK_AREAS).some((area) => area.path === item.to)
            return (
              <Card key={item.to} withBorder padding="lg">
                <Group justify="space-between" mb="xs">
                  <Anchor component={Link} to={item.to} fw={600}>
                    {item.label}
                  </Anchor>
                  {comingNext && (
                    <Badge variant="light" color="gray">
                      Coming next
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {AREA_DESCRIPTIONS[item.to]}
                </Text>
              </Card>
            )
          })}
        </SimpleGrid>
      </Stack>
    </>
  )
}
