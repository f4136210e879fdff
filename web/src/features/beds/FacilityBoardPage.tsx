import { Anchor, Badge, Box, Button, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import type { BoardBed, FacilityBoard, Role } from '@threshold/core'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { formatDate, formatDateTime } from '../../components/format'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import type { LiveStatus } from '../../lib/live-channel'
import { useSession } from '../auth/session'
import { PATHS } from '../shell/navigation'
import {
  ConfirmBedModal,
  ExpectedVacancyModal,
  holdSummary,
  MoveModal,
  OfflineModal,
  ReserveModal,
} from './BedActionModals'
import { BED_STATE_LOOK, BED_STATE_ORDER, householdTypeLabel } from './bed-states'
import { bedKeys, bedsApi } from './beds-api'
import { CheckInModal } from './CheckInModal'
import { ClientBarsModal } from './ClientBarsModal'
import type { ChosenClient } from './ClientPicker'
import { useLiveBoard } from './use-live-board'

// The facility board: every bed, grouped by building and room, in its state (colour, symbol and words), with
// the resident's name where the server shows it and the actions the user may take. It follows the live
// stream, so a change made anywhere shows here within a moment.

type ActionKind =
  | 'check-in'
  | 'check-out'
  | 'move'
  | 'expected-vacancy'
  | 'reserve'
  | 'cancel-hold'
  | 'offline'
  | 'online'
  | 'bars'

// The same rules as the server's bed policy, only to offer the actions that would be allowed.
const OPERATING_ROLES: readonly Role[] = ['housing_provider', 'case_manager', 'agency_admin']
const BOOKING_ROLES: readonly Role[] = ['system_admin', 'coc_admin', 'ce_manager']

interface Permissions {
  operate: boolean
  reserve: boolean
}

function usePermissions(board: FacilityBoard): Permissions {
  const session = useSession()
  const operate =
    session.currentOrganizationId === board.facility.organizationId && OPERATING_ROLES.includes(session.role)
  return { operate, reserve: operate || BOOKING_ROLES.includes(session.role) }
}

function actionsFor(bed: BoardBed, can: Permissions): { kind: ActionKind; label: string }[] {
  const actions: { kind: ActionKind; label: string }[] = []
  if (can.operate && (bed.state === 'available' || bed.state === 'held'))
    actions.push({ kind: 'check-in', label: 'Check in…' })
  if (can.operate && bed.stay) {
    actions.push(
      { kind: 'check-out', label: 'Check out…' },
      { kind: 'move', label: 'Move to another bed…' },
      { kind: 'expected-vacancy', label: 'Set expected vacancy…' },
    )
    if (bed.stay.clientId && bed.stay.residentName)
      actions.push({ kind: 'bars', label: 'Bars of the resident…' })
  }
  if (can.reserve && bed.state === 'available')
    actions.push({ kind: 'reserve', label: 'Hold for a household…' })
  if (can.reserve && bed.hold) actions.push({ kind: 'cancel-hold', label: 'Cancel the hold…' })
  if (can.operate && bed.state === 'available') actions.push({ kind: 'offline', label: 'Take offline…' })
  if (can.operate && bed.state === 'offline') actions.push({ kind: 'online', label: 'Bring back online…' })
  return actions
}

function Legend() {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="bed-legend">
      <Group gap="md" wrap="wrap">
        <Text id="bed-legend" size="sm" fw={600}>
          Legend
        </Text>
        {BED_STATE_ORDER.map((state) => {
          const look = BED_STATE_LOOK[state]
          return (
            <Group key={state} gap={6} wrap="nowrap">
              <Box
                aria-hidden
                w={18}
                h={18}
                style={{
                  borderRadius: 4,
                  background: `var(--mantine-color-${look.color}-1)`,
                  borderLeft: `4px solid var(--mantine-color-${look.color}-7)`,
                }}
              />
              <Text size="sm">
                <span aria-hidden>{look.symbol}</span> {look.label}
              </Text>
            </Group>
          )
        })}
      </Group>
    </Paper>
  )
}

function LiveIndicator({ status }: { status: LiveStatus }) {
  const text = {
    connecting: 'Connecting…',
    live: 'Live: updates as they happen',
    reconnecting: 'Reconnecting…',
  }
  return (
    <Badge variant="dot" color={status === 'live' ? 'green' : 'yellow'} tt="none" role="status">
      {text[status]}
    </Badge>
  )
}

function BedDetails({ bed }: { bed: BoardBed }) {
  return (
    <Stack gap={2}>
      {bed.stay && (
        <Text size="sm" fw={600}>
          {bed.stay.residentName ?? 'Resident (name not shown to you)'}
        </Text>
      )}
      {bed.stay && (
        <Text size="xs" c="gray.8">
          Since {formatDateTime(bed.stay.since)}
        </Text>
      )}
      {bed.expectedVacancyDate && bed.stay && (
        <Text size="xs">Expected to leave {formatDate(bed.expectedVacancyDate)}</Text>
      )}
      {bed.hold && <Text size="xs">{holdSummary(bed.hold)}</Text>}
      {bed.offline && (
        <Text size="xs">
          {bed.offline.reason}
          {bed.offline.until ? `, until ${formatDateTime(bed.offline.until)}` : ', until further notice'}
        </Text>
      )}
      <Text size="xs" c="gray.8">
        {bed.projectName} · {householdTypeLabel(bed.householdType)}
      </Text>
    </Stack>
  )
}

function BedCard({
  bed,
  can,
  onAction,
}: {
  bed: BoardBed
  can: Permissions
  onAction: (kind: ActionKind, bed: BoardBed) => void
}) {
  const look = BED_STATE_LOOK[bed.state]
  const actions = actionsFor(bed, can)
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={`Bed ${bed.name} in ${bed.unitName}`}
      data-state={bed.state}
      style={{
        listStyle: 'none',
        background: `var(--mantine-color-${look.color}-0)`,
        borderLeft: `6px solid var(--mantine-color-${look.color}-7)`,
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700}>Bed {bed.name}</Text>
          {actions.length > 0 && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="default" aria-label={`Actions for bed ${bed.name}`}>
                  Actions
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.map((action) => (
                  <Menu.Item key={action.kind} onClick={() => onAction(action.kind, bed)}>
                    {action.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="sm" fw={700} data-testid="bed-state">
          <span aria-hidden>{look.symbol}</span> {look.label}
        </Text>
        <BedDetails bed={bed} />
      </Stack>
    </Paper>
  )
}

/** Buildings (beds with none first), then rooms or units, in the board's order. */
function groupBeds(beds: BoardBed[]) {
  const buildings = new Map<string, Map<string, BoardBed[]>>()
  for (const bed of beds) {
    const building = bed.building ?? ''
    const units = buildings.get(building) ?? new Map<string, BoardBed[]>()
    units.set(bed.unitId, [...(units.get(bed.unitId) ?? []), bed])
    buildings.set(building, units)
  }
  return [...buildings.entries()].map(([building, units]) => ({ building, units: [...units.values()] }))
}

function occupancySummary(beds: BoardBed[]): string {
  const count = (states: BoardBed['state'][]) => beds.filter((bed) => states.includes(bed.state)).length
  return `${count(['available'])} available, ${count(['held'])} held, ${count(['occupied', 'occupied_accepting'])} occupied, ${count(['offline'])} offline, of ${beds.length} beds`
}

function ActionModal({
  action,
  board,
  onClose,
}: {
  action: { kind: ActionKind; bed: BoardBed }
  board: FacilityBoard
  onClose: () => void
}) {
  const { bed } = action
  const facilityId = board.facility.id
  const props = { facilityId, bed, onClose }
  const resident = bed.stay?.residentName ?? 'the resident'
  switch (action.kind) {
    case 'check-in':
      return <CheckInModal {...props} beds={board.beds} />
    case 'move':
      return <MoveModal {...props} beds={board.beds} />
    case 'expected-vacancy':
      return <ExpectedVacancyModal {...props} />
    case 'reserve':
      return <ReserveModal {...props} />
    case 'offline':
      return <OfflineModal {...props} />
    case 'check-out':
      return (
        <ConfirmBedModal
          {...props}
          title="Check out"
          message={`Check ${resident} out of bed ${bed.name} now? The bed becomes available.`}
          confirmLabel="Check out"
          action={() => bedsApi.checkOut(bed.stay?.id ?? '')}
        />
      )
    case 'cancel-hold':
      return (
        <ConfirmBedModal
          {...props}
          title="Cancel the hold"
          message={bed.hold ? `${holdSummary(bed.hold)}. Cancel it? The bed becomes available.` : ''}
          confirmLabel="Cancel the hold"
          action={() => bedsApi.cancelReservation(bed.hold?.reservationId ?? '')}
        />
      )
    case 'online':
      return (
        <ConfirmBedModal
          {...props}
          title="Bring back online"
          message={`Bed ${bed.name} is offline (${bed.offline?.reason ?? 'no reason given'}). Put it back in service now?`}
          confirmLabel="Bring back online"
          action={() => bedsApi.bringOnline(bed.id)}
        />
      )
    case 'bars':
      return (
        <ClientBarsModal
          place={{ facility: board.facility, projects: projectsOf(board) }}
          resident={
            bed.stay?.clientId && bed.stay.residentName
              ? ({ id: bed.stay.clientId, name: bed.stay.residentName } satisfies ChosenClient)
              : null
          }
          onClose={onClose}
        />
      )
  }
}

function projectsOf(board: FacilityBoard) {
  const projects = new Map(board.beds.map((bed) => [bed.projectId, bed.projectName]))
  return [...projects.entries()].map(([id, name]) => ({ id, name }))
}

function Board({ board }: { board: FacilityBoard }) {
  const can = usePermissions(board)
  const live = useLiveBoard(board.facility.id)
  const [action, setAction] = useState<{ kind: ActionKind; bed: BoardBed } | null>(null)
  const [barsOpen, setBarsOpen] = useState(false)
  return (
    <>
      <PageHeader
        title={board.facility.name}
        description={`${board.facility.organizationName}${board.facility.address ? ` · ${board.facility.address}` : ''}`}
        actions={
          <>
            <LiveIndicator status={live} />
            {can.operate && (
              <Button variant="default" onClick={() => setBarsOpen(true)}>
                Bars
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Text size="sm" fw={600} aria-live="polite">
          {occupancySummary(board.beds)}
        </Text>
        <Legend />
        {board.beds.length === 0 && <Text c="dimmed">This facility has no beds yet.</Text>}
        {groupBeds(board.beds).map(({ building, units }) => (
          <Stack key={building} gap="sm" component="section" aria-label={building || 'Rooms and units'}>
            {building && (
              <Title order={2} size="h3">
                {building}
              </Title>
            )}
            {units.map((beds) => (
              <Stack key={beds[0]?.unitId} gap={6}>
                <Title order={building ? 3 : 2} size="h5">
                  {beds[0]?.unitName}
                </Title>
                <SimpleGrid
                  component="ul"
                  cols={{ base: 1, xs: 2, sm: 3, md: 4, lg: 6 }}
                  spacing="xs"
                  p={0}
                  m={0}
                  aria-label={`Beds in ${beds[0]?.unitName}`}
                >
                  {beds.map((bed) => (
                    <BedCard
                      key={bed.id}
                      bed={bed}
                      can={can}
                      onAction={(kind, target) => setAction({ kind, bed: target })}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
          </Stack>
        ))}
      </Stack>
      {action && <ActionModal action={action} board={board} onClose={() => setAction(null)} />}
      {barsOpen && (
        <ClientBarsModal
          place={{ facility: board.facility, projects: projectsOf(board) }}
          resident={null}
          onClose={() => setBarsOpen(false)}
        />
      )}
    </>
  )
}

export function FacilityBoardPage() {
  const { facilityId } = useParams({ strict: false }) as { facilityId: string }
  const board = useQuery({ queryKey: bedKeys.board(facilityId), queryFn: () => bedsApi.board(facilityId) })
  return (
    <>
      <Anchor component={Link} to={PATHS.beds} size="sm">
        ← All facilities
      </Anchor>
      <Box mt="xs">
        {board.error instanceof ApiError && board.error.status === 404 ? (
          <PageHeader
            title="Facility not found"
            description="There is no facility at this address, or it is not one you may open."
          />
        ) : (
          <QueryState query={board} label="the facility board">
            {(loaded) => <Board board={loaded} />}
          </QueryState>
        )}
      </Box>
    </>
  )
}
