import {
  Badge,
  Button,
  CloseButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import type { BoardBed } from '@threshold/core'
import { type ReactNode, useState } from 'react'
import { formatDate } from '../../components/format'
import { ClientSearch } from '../clients/ClientSearch'
import { clientName } from '../clients/client-handoffs'
import { todayIso } from '../clients/use-client-form'
import { ActionError } from './ActionError'
import { bedsApi } from './beds-api'
import type { ChosenClient } from './ClientPicker'
import { useBedAction } from './use-bed-action'

// The small dialogs behind a bed's actions. Each sends one request; the server's refusal is shown as is.

interface BedModalProps {
  facilityId: string
  bed: BoardBed
  onClose: () => void
}

function ModalButtons({
  onClose,
  onConfirm,
  confirmLabel,
  disabled,
  loading,
  color,
}: {
  onClose: () => void
  onConfirm: () => void
  confirmLabel: string
  disabled?: boolean
  loading: boolean
  color?: string
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        Cancel
      </Button>
      <Button onClick={onConfirm} disabled={disabled} loading={loading} color={color}>
        {confirmLabel}
      </Button>
    </Group>
  )
}

/** Check-out, cancelling a hold, bringing a bed back: one sentence and a button. */
export function ConfirmBedModal({
  facilityId,
  bed,
  onClose,
  title,
  message,
  confirmLabel,
  action,
}: BedModalProps & {
  title: string
  message: ReactNode
  confirmLabel: string
  action: () => Promise<unknown>
}) {
  const mutation = useBedAction(facilityId, action, onClose)
  return (
    <Modal opened onClose={onClose} title={`${title}: bed ${bed.name}`} centered>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <ActionError error={mutation.error} />
        <ModalButtons
          onClose={onClose}
          onConfirm={() => mutation.mutate(undefined)}
          confirmLabel={confirmLabel}
          loading={mutation.isPending}
        />
      </Stack>
    </Modal>
  )
}

export function MoveModal({ facilityId, bed, beds, onClose }: BedModalProps & { beds: BoardBed[] }) {
  const [toBedId, setToBedId] = useState<string | null>(null)
  const move = useBedAction(facilityId, (target: string) => bedsApi.move(bed.stay?.id ?? '', target), onClose)
  const targets = beds.filter(
    (candidate) => candidate.state === 'available' && candidate.projectId === bed.projectId,
  )
  return (
    <Modal opened onClose={onClose} title={`Move the resident of bed ${bed.name}`} centered>
      <Stack gap="md">
        <Text size="sm">
          The stay history keeps both beds. Only empty beds of {bed.projectName} are offered.
        </Text>
        <Select
          label="Move to bed"
          withAsterisk
          data={targets.map((candidate) => ({
            value: candidate.id,
            label: `Bed ${candidate.name} (${candidate.unitName})`,
          }))}
          value={toBedId}
          onChange={setToBedId}
          searchable
          nothingFoundMessage="No empty bed in this project"
          data-autofocus
        />
        <ActionError error={move.error} title="Not moved" />
        <ModalButtons
          onClose={onClose}
          onConfirm={() => toBedId && move.mutate(toBedId)}
          confirmLabel="Move"
          disabled={!toBedId}
          loading={move.isPending}
        />
      </Stack>
    </Modal>
  )
}

export function ExpectedVacancyModal({ facilityId, bed, onClose }: BedModalProps) {
  const [date, setDate] = useState(bed.expectedVacancyDate ?? '')
  const save = useBedAction(
    facilityId,
    (value: string | null) => bedsApi.setExpectedVacancy(bed.stay?.id ?? '', value),
    onClose,
  )
  return (
    <Modal opened onClose={onClose} title={`Expected vacancy: bed ${bed.name}`} centered>
      <Stack gap="md">
        <Text size="sm">
          From this day the bed counts as leaving soon and accepts referrals. Clear it if the resident stays.
        </Text>
        <TextInput
          type="date"
          label="Expected to leave on"
          withAsterisk
          min={todayIso()}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          w={220}
          data-autofocus
        />
        <ActionError error={save.error} />
        <Group justify="space-between">
          {bed.expectedVacancyDate ? (
            <Button variant="subtle" color="red" onClick={() => save.mutate(null)} loading={save.isPending}>
              Clear the expected vacancy
            </Button>
          ) : (
            <span />
          )}
          <ModalButtons
            onClose={onClose}
            onConfirm={() => save.mutate(date)}
            confirmLabel="Save"
            disabled={!date}
            loading={save.isPending}
          />
        </Group>
      </Stack>
    </Modal>
  )
}

export function ReserveModal({ facilityId, bed, onClose }: BedModalProps) {
  const today = todayIso()
  const [clients, setClients] = useState<ChosenClient[]>([])
  const [startDate, setStartDate] = useState(today)
  const [endDate, setEndDate] = useState(today)
  const reserve = useBedAction(facilityId, bedsApi.reserve, onClose)
  const chosen = new Set(clients.map((client) => client.id))
  return (
    <Modal opened onClose={onClose} title={`Hold bed ${bed.name}`} size="80rem">
      <Stack gap="md">
        <Text size="sm">
          Hold the bed for a household over a range of days. An unused hold expires after its last day.
        </Text>
        <Group gap="sm" align="flex-end">
          <TextInput
            type="date"
            label="From"
            withAsterisk
            min={today}
            value={startDate}
            onChange={(event) => setStartDate(event.currentTarget.value)}
            w={200}
          />
          <TextInput
            type="date"
            label="Until"
            withAsterisk
            min={startDate}
            value={endDate}
            onChange={(event) => setEndDate(event.currentTarget.value)}
            w={200}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Held for
          </Text>
          {clients.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody yet: find the household's members below.
            </Text>
          ) : (
            <Group gap="xs">
              {clients.map((client) => (
                <Badge
                  key={client.id}
                  variant="light"
                  size="lg"
                  tt="none"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={`Remove ${client.name} from the hold`}
                      onClick={() =>
                        setClients((current) => current.filter((other) => other.id !== client.id))
                      }
                    />
                  }
                >
                  {client.name}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <ClientSearch
          label={`Find Client to hold bed ${bed.name} for`}
          action={(result) =>
            chosen.has(result.id) ? (
              <Badge variant="light" color="gray">
                Added
              </Badge>
            ) : (
              <Button
                size="xs"
                onClick={() =>
                  setClients((current) => [...current, { id: result.id, name: clientName(result) }])
                }
                aria-label={`Add ${clientName(result)} to the hold`}
              >
                Add to hold
              </Button>
            )
          }
        />
        <ActionError error={reserve.error} title="Not held" />
        <ModalButtons
          onClose={onClose}
          onConfirm={() =>
            reserve.mutate({
              facilityId,
              unitId: bed.unitId,
              bedId: bed.id,
              startDate,
              endDate,
              clientIds: clients.map((client) => client.id),
            })
          }
          confirmLabel="Hold bed"
          disabled={clients.length === 0 || !startDate || !endDate}
          loading={reserve.isPending}
        />
      </Stack>
    </Modal>
  )
}

export function OfflineModal({ facilityId, bed, onClose }: BedModalProps) {
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const takeOffline = useBedAction(
    facilityId,
    () =>
      bedsApi.takeOffline(bed.id, {
        reason: reason.trim(),
        until: until ? new Date(until).toISOString() : null,
      }),
    onClose,
  )
  return (
    <Modal opened onClose={onClose} title={`Take bed ${bed.name} offline`} centered>
      <Stack gap="md">
        <Textarea
          label="Reason"
          withAsterisk
          description="Shown on the board, e.g. repairs or pest treatment"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
        />
        <TextInput
          type="datetime-local"
          label="Back in service at (optional)"
          description="Leave empty until further notice"
          value={until}
          onChange={(event) => setUntil(event.currentTarget.value)}
          w={260}
        />
        <ActionError error={takeOffline.error} title="Not taken offline" />
        <ModalButtons
          onClose={onClose}
          onConfirm={() => takeOffline.mutate(undefined)}
          confirmLabel="Take offline"
          disabled={!reason.trim()}
          loading={takeOffline.isPending}
          color="red"
        />
      </Stack>
    </Modal>
  )
}

/** Words for a bed's hold, for the board and the dialogs. */
export const holdSummary = (hold: NonNullable<BoardBed['hold']>) =>
  `Held until ${formatDate(hold.until)} for ${hold.householdSize} ${hold.householdSize === 1 ? 'person' : 'people'}`
