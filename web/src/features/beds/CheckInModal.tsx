import { Alert, Button, Divider, Group, Modal, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { BoardBed, NewStay } from '@threshold/core'
import { useEffect, useState } from 'react'
import { formatDate } from '../../components/format'
import { QueryState } from '../../components/QueryState'
import { todayIso } from '../clients/use-client-form'
import { ActionError } from './ActionError'
import { bedKeys, bedsApi } from './beds-api'
import { type ChosenClient, ClientPicker } from './ClientPicker'
import { useBedAction } from './use-bed-action'

interface Member {
  key: number
  bedId: string | null
  client: ChosenClient | null
  enrollmentId: string | null
}

const bedLabel = (bed: BoardBed) => `Bed ${bed.name} (${bed.unitName}, ${bed.projectName})`

/** The client's enrollment in the bed's project that is open today: picked for them when there is one. */
function EnrollmentChoice({
  client,
  bed,
  value,
  onChange,
}: {
  client: ChosenClient
  bed: BoardBed
  value: string | null
  onChange: (enrollmentId: string | null) => void
}) {
  const enrollments = useQuery({
    queryKey: bedKeys.enrollments(client.id),
    queryFn: () => bedsApi.clientEnrollments(client.id),
  })
  const today = todayIso()
  const open = (enrollments.data ?? []).filter(
    (enrollment) =>
      enrollment.projectId === bed.projectId &&
      enrollment.entryDate <= today &&
      (enrollment.exitDate === null || enrollment.exitDate > today),
  )
  const onlyOne = open.length === 1 ? (open[0]?.id ?? null) : null
  useEffect(() => {
    if (value === null && onlyOne !== null) onChange(onlyOne)
  }, [value, onlyOne, onChange])
  return (
    <QueryState query={enrollments} label="enrollments">
      {() =>
        open.length === 0 ? (
          <Alert color="yellow" variant="light" title="No open enrollment in this project" role="status">
            {client.name} has no enrollment in {bed.projectName} open today. Enroll them in the project first
            (from their record), then check them in.
          </Alert>
        ) : (
          <Select
            label={`Enrollment of ${client.name} in ${bed.projectName}`}
            withAsterisk
            data={open.map((enrollment) => ({
              value: enrollment.id,
              label: `Entered ${formatDate(enrollment.entryDate)}`,
            }))}
            value={value}
            onChange={onChange}
            w={360}
          />
        )
      }
    </QueryState>
  )
}

function MemberRow({
  index,
  member,
  beds,
  takenBedIds,
  onChange,
  onRemove,
}: {
  index: number
  member: Member
  beds: BoardBed[]
  takenBedIds: Set<string>
  onChange: (member: Member) => void
  onRemove?: () => void
}) {
  const bed = beds.find((candidate) => candidate.id === member.bedId) ?? null
  const title = index === 0 ? 'Head of household (or the only person)' : `Household member ${index + 1}`
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {title}
        </Title>
        {onRemove && (
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            Remove {title.toLowerCase()}
          </Button>
        )}
      </Group>
      <Select
        label={`Bed for ${title.toLowerCase()}`}
        withAsterisk
        data={beds
          .filter((candidate) => candidate.id === member.bedId || !takenBedIds.has(candidate.id))
          .map((candidate) => ({ value: candidate.id, label: bedLabel(candidate) }))}
        value={member.bedId}
        onChange={(bedId) => onChange({ ...member, bedId, enrollmentId: null })}
        searchable
        w={420}
      />
      <ClientPicker
        label={`Find Client: ${title.toLowerCase()}`}
        chosen={member.client}
        onChoose={(client) => onChange({ ...member, client, enrollmentId: null })}
      />
      {member.client && bed && (
        <EnrollmentChoice
          client={member.client}
          bed={bed}
          value={member.enrollmentId}
          onChange={(enrollmentId) => onChange({ ...member, enrollmentId })}
        />
      )}
    </Stack>
  )
}

/**
 * Checks one person, or a whole household at once, into beds of the facility: each member is found with
 * Find Client and checked in under their open enrollment in the bed's project. All of them or none.
 */
export function CheckInModal({
  facilityId,
  bed,
  beds,
  onClose,
}: {
  facilityId: string
  bed: BoardBed
  beds: BoardBed[]
  onClose: () => void
}) {
  const [members, setMembers] = useState<Member[]>([
    { key: 0, bedId: bed.id, client: null, enrollmentId: null },
  ])
  const checkIn = useBedAction(facilityId, bedsApi.checkIn, onClose)
  const open = beds.filter((candidate) => candidate.state === 'available' || candidate.id === bed.id)
  const takenBedIds = new Set(members.flatMap((member) => (member.bedId ? [member.bedId] : [])))
  const ready = members.every((member) => member.bedId && member.client && member.enrollmentId)

  const update = (key: number, next: Member) =>
    setMembers((current) => current.map((member) => (member.key === key ? next : member)))
  const submit = () => {
    const stays: NewStay[] = members.map((member) => ({
      bedId: member.bedId as string,
      clientId: (member.client as ChosenClient).id,
      enrollmentId: member.enrollmentId as string,
      ...(bed.hold && member.bedId === bed.id && { reservationId: bed.hold.reservationId }),
    }))
    checkIn.mutate(stays)
  }

  return (
    <Modal opened onClose={onClose} title={`Check in to bed ${bed.name}`} size="80rem">
      <Stack gap="md">
        <Text size="sm">
          Find each person with Find Client. Someone not found has no record yet: they go through intake and
          enrollment first. A household is checked in all together, each member into a bed of their own.
        </Text>
        {members.map((member, index) => (
          <Stack key={member.key} gap="md">
            {index > 0 && <Divider />}
            <MemberRow
              index={index}
              member={member}
              beds={open}
              takenBedIds={takenBedIds}
              onChange={(next) => update(member.key, next)}
              onRemove={
                index > 0
                  ? () => setMembers((current) => current.filter((other) => other.key !== member.key))
                  : undefined
              }
            />
          </Stack>
        ))}
        <div>
          <Button
            variant="default"
            onClick={() =>
              setMembers((current) => [
                ...current,
                {
                  key: Math.max(...current.map((member) => member.key)) + 1,
                  bedId: null,
                  client: null,
                  enrollmentId: null,
                },
              ])
            }
          >
            Add a household member
          </Button>
        </div>
        <ActionError error={checkIn.error} title="Not checked in" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!ready} loading={checkIn.isPending}>
            {members.length === 1 ? 'Check in' : `Check in ${members.length} people`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
