import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { ageOn, type Client } from '@threshold/core'
import { useEffect, useState } from 'react'
import { ApiError } from '../../api/client'
import { formatDate } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { CaseManagementSection } from '../case-notes/CaseManagementSection'
import { CoordinatedEntrySection } from '../ce-workflow/CoordinatedEntrySection'
import { EligibleProgramsSection } from '../eligibility/EligibleProgramsSection'
import { EnrollmentsSection } from '../enrollments/EnrollmentsSection'
import { HouseholdSection } from '../households/HouseholdSection'
import { householdSummary } from '../households/household-summary'
import { householdKeys, householdsApi } from '../households/households-api'
import { ReleasesSection } from '../releases/ReleasesSection'
import { PATHS } from '../shell/navigation'
import { ClientHistorySection } from './ClientHistorySection'
import { ClientProfile } from './ClientProfile'
import { clientName, forgetSaveNotice, peekSaveNotice } from './client-handoffs'
import { RESTRICTION_COLORS, RESTRICTION_LABELS } from './client-options'
import { clientKeys, clientsApi } from './clients-api'
import { EditClientSection } from './EditClientSection'
import { todayIso } from './use-client-form'

// The Client's Dashboard (ClientTrack): who the client is at a glance, and a menu of everything recorded
// about them. Each section has its own address (/clients/:id/household), so links and the back button work.

const SECTIONS = [
  { key: 'profile', label: 'Profile' },
  { key: 'household', label: 'Household' },
  { key: 'releases', label: 'Releases of information' },
  { key: 'history', label: 'History' },
  { key: 'enrollments', label: 'Enrollments' },
  { key: 'coordinated-entry', label: 'Coordinated Entry' },
  { key: 'eligible-programs', label: 'Eligible programs' },
  { key: 'case-management', label: 'Case Management' },
] as const
type SectionKey = (typeof SECTIONS)[number]['key'] | 'edit'

const isSection = (value: string): value is SectionKey =>
  value === 'edit' || SECTIONS.some((section) => section.key === value)

/** The same answer for a record that does not exist and one the user may not see. */
export function ClientNotFound() {
  return (
    <Paper withBorder p="xl" maw={560}>
      <Stack gap="sm">
        <Title order={1} size="h3">
          Client not found
        </Title>
        <Text size="sm">
          There is no client record at this address, or it is not one you may open. If you expected to find
          someone, search for them, or contact the Coordinated Entry team.
        </Text>
        <div>
          <Button component={Link} to={PATHS.clients} variant="light">
            Go to Find Client
          </Button>
        </div>
      </Stack>
    </Paper>
  )
}

function HeaderFact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  )
}

function DashboardHeader({ client }: { client: Client }) {
  const households = useQuery({
    queryKey: householdKeys.ofClient(client.id),
    queryFn: () => householdsApi.ofClient(client.id),
  })
  const today = todayIso()
  return (
    <Paper withBorder p="md" mb="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {clientName(client)}
            </Title>
            <Badge variant="light" color={RESTRICTION_COLORS[client.restriction]}>
              {RESTRICTION_LABELS[client.restriction]}
            </Badge>
          </Group>
          <Group gap="xl" wrap="wrap">
            <HeaderFact label="Date of birth">
              {client.dob ? `${formatDate(client.dob)} (age ${ageOn(client.dob, today)})` : '—'}
            </HeaderFact>
            <HeaderFact label="Client ID">
              <Text span ff="monospace" size="sm" fw={500}>
                {client.clientNumber}
              </Text>
            </HeaderFact>
            <HeaderFact label="Household">
              {households.data
                ? householdSummary(households.data, client.id)
                : households.isError
                  ? '—'
                  : '…'}
            </HeaderFact>
            <HeaderFact label="Owner agency">{client.ownerOrganizationName}</HeaderFact>
          </Group>
        </Stack>
        {!client.canEdit && (
          <Badge variant="outline" color="gray">
            Read only
          </Badge>
        )}
      </Group>
    </Paper>
  )
}

function SectionMenu({ clientId, active }: { clientId: string; active: SectionKey }) {
  const current = active === 'edit' ? 'profile' : active
  return (
    <Paper withBorder p={4} component="nav" aria-label="Client sections">
      {SECTIONS.map((section) => (
        <NavLink
          key={section.key}
          component={Link}
          to={`${PATHS.clients}/${clientId}/${section.key}`}
          label={section.label}
          active={section.key === current}
          aria-current={section.key === current ? 'page' : undefined}
          variant="light"
        />
      ))}
    </Paper>
  )
}

function SavedNotice({ clientId }: { clientId: string }) {
  const [notice] = useState(() => peekSaveNotice(clientId))
  useEffect(() => forgetSaveNotice(clientId), [clientId])
  if (!notice) return null
  return (
    <Alert
      color={notice.warnings.length > 0 ? 'yellow' : 'green'}
      variant="light"
      title={notice.message}
      role="status"
      mb="md"
    >
      {notice.warnings.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm">Saved. Worth a second look:</Text>
          {notice.warnings.map((warning) => (
            <Text size="sm" key={warning.field + warning.message}>
              • {warning.message}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Alert>
  )
}

function SectionContent({ client, section }: { client: Client; section: SectionKey }) {
  switch (section) {
    case 'profile':
      return <ClientProfile client={client} />
    case 'edit':
      // Only the owning agency edits; anyone else who follows an edit link sees the record instead.
      return client.canEdit ? <EditClientSection client={client} /> : <ClientProfile client={client} />
    case 'household':
      return <HouseholdSection client={client} />
    case 'releases':
      return <ReleasesSection client={client} />
    case 'history':
      return <ClientHistorySection client={client} />
    case 'enrollments':
      return <EnrollmentsSection client={client} />
    case 'case-management':
      return <CaseManagementSection client={client} />
    case 'coordinated-entry':
      return <CoordinatedEntrySection client={client} />
    case 'eligible-programs':
      return <EligibleProgramsSection clientId={client.id} />
  }
}

export function ClientDashboardPage() {
  const { clientId, section = 'profile' } = useParams({ strict: false }) as {
    clientId: string
    section?: string
  }
  const client = useQuery({ queryKey: clientKeys.detail(clientId), queryFn: () => clientsApi.get(clientId) })

  if (!isSection(section) || (client.error instanceof ApiError && client.error.status === 404)) {
    return <ClientNotFound />
  }
  if (client.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>Loading the client…</VisuallyHidden>
      </Center>
    )
  }
  return (
    <>
      <Anchor component={Link} to={PATHS.clients} size="sm">
        ← Find Client
      </Anchor>
      <QueryState query={client} label="the client">
        {(loaded) => (
          <Box mt="xs">
            <DashboardHeader client={loaded} />
            {/* Keyed by section too: a save that moves to another section shows its notice there. */}
            <SavedNotice key={`${loaded.id}:${section}`} clientId={loaded.id} />
            <Group align="flex-start" gap="md" wrap="nowrap">
              <Box w={220} style={{ flexShrink: 0 }}>
                <SectionMenu clientId={loaded.id} active={section} />
              </Box>
              <Box style={{ flex: 1, minWidth: 0 }}>
                <SectionContent client={loaded} section={section} />
              </Box>
            </Group>
          </Box>
        )}
      </QueryState>
    </>
  )
}
