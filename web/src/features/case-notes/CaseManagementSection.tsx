import { Divider, Stack, Title } from '@mantine/core'
import type { Client } from '@threshold/core'
import { CeEventsPanel } from '../ce-events/CeEventsPanel'
import { ServicesPanel } from '../services/ServicesPanel'
import { CaseNotesPanel } from './CaseNotesPanel'

/** The client dashboard's Case Management area: case notes, services and financial assistance, CE events. */
export function CaseManagementSection({ client }: { client: Client }) {
  return (
    <Stack gap="lg">
      <Title order={2} size="h4">
        Case Management
      </Title>
      <CaseNotesPanel client={client} />
      <Divider />
      <ServicesPanel client={client} />
      <Divider />
      <CeEventsPanel client={client} />
    </Stack>
  )
}
