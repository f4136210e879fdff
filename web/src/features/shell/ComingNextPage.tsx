import { Paper, Stack, Text } from '@mantine/core'
import { ROLE_LABELS } from '@threshold/core'
import { PageHeader } from '../../components/PageHeader'
import { currentMembership, useSession } from '../auth/session'
import { AREA_DESCRIPTIONS, WORK_AREAS } from './areas'

export type WorkArea = keyof typeof WORK_AREAS

/** A work area that is not built yet: says so plainly instead of showing placeholder data. */
export function ComingNextPage({ area }: { area: WorkArea }) {
  const session = useSession()
  const { title, path } = WORK_AREAS[area]
  return (
    <>
      <PageHeader title={title} description={AREA_DESCRIPTIONS[path]} />
      <Paper withBorder p="lg" maw={720}>
        <Stack gap="xs">
          <Text fw={600}>Coming next</Text>
          <Text>
            This part of Threshold is being built in the next release. There is nothing to see or do here yet.
          </Text>
          <Text c="dimmed" size="sm">
            You are signed in as {ROLE_LABELS[session.role]} at {currentMembership(session)?.organizationName}
            .
          </Text>
        </Stack>
      </Paper>
    </>
  )
}
