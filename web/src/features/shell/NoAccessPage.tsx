import { Anchor, Paper, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { ROLE_LABELS } from '@threshold/core'
import type { SessionInfo } from '../../api/types'
import { PageHeader } from '../../components/PageHeader'
import { currentMembership } from '../auth/session'
import { PATHS } from './navigation'

export function NoAccessPage({ session }: { session: SessionInfo }) {
  return (
    <>
      <PageHeader title="No access to this page" />
      <Paper withBorder p="lg" maw={640}>
        <Text>
          As {ROLE_LABELS[session.role]} at {currentMembership(session)?.organizationName} you cannot open
          this page. If you work for another organization too, switch organization at the top of the screen.
        </Text>
        <Anchor component={Link} to={PATHS.home} mt="md" display="inline-block">
          Go to the home page
        </Anchor>
      </Paper>
    </>
  )
}
