import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import type { BedState, BoardBed, Opening } from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { BED_STATE_LOOK } from '../beds/bed-states'
import { bedKeys, bedsApi } from '../beds/beds-api'
import { todayIso } from '../clients/use-client-form'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { PATHS } from '../shell/navigation'
import { referralKeys, referralsApi } from './referrals-api'

interface OpeningValues {
  projectId: string
  capacity: number
  availableOn: string
  eligibilitySummary: string
  /** `bed:<id>` or `unit:<id>`; '' for no link. */
  link: string
}

/** The states in which the server lets an opening name a bed (occupied_accepting: a vacancy is expected). */
const REFERRABLE_BED_STATES: readonly BedState[] = ['available', 'occupied_accepting']

interface FacilityBed extends BoardBed {
  facilityName: string
}

/**
 * The beds of an agency's facilities (a facility's beds serve its own agency's projects), from the boards
 * the viewer may open; `enabled` false fetches nothing.
 */
function useAgencyBeds(organizationId: string | undefined): FacilityBed[] {
  const facilities = useQuery({
    queryKey: bedKeys.facilities,
    queryFn: bedsApi.facilities,
    enabled: organizationId !== undefined,
  })
  const ids = (facilities.data?.items ?? [])
    .filter((facility) => facility.organizationId === organizationId)
    .map((facility) => facility.id)
  const boards = useQueries({
    queries: ids.map((id) => ({ queryKey: bedKeys.board(id), queryFn: () => bedsApi.board(id) })),
  })
  return boards.flatMap((board) =>
    (board.data?.beds ?? []).map((bed) => ({ ...bed, facilityName: board.data?.facility.name ?? '' })),
  )
}

const bedStateWords = (bed: BoardBed) =>
  bed.state === 'occupied_accepting' && bed.expectedVacancyDate
    ? `expected vacancy ${formatDate(bed.expectedVacancyDate)}`
    : BED_STATE_LOOK[bed.state].label.toLowerCase()

/** The project's beds, and their units, as choices; those the server would refuse are disabled. */
function bedLinkOptions(beds: readonly FacilityBed[], projectId: string) {
  const own = beds.filter((bed) => bed.projectId === projectId)
  const units = [...new Set(own.map((bed) => bed.unitId))]
  return units.flatMap((unitId) => {
    const unitBeds = own.filter((bed) => bed.unitId === unitId)
    const first = unitBeds[0] as FacilityBed
    const place = `${first.facilityName} · ${first.unitName}`
    const free = unitBeds.filter((bed) => REFERRABLE_BED_STATES.includes(bed.state)).length
    return [
      {
        value: `unit:${unitId}`,
        label: `${place} (whole unit, ${free} of ${unitBeds.length} beds free)`,
        disabled: free === 0,
      },
      ...unitBeds.map((bed) => ({
        value: `bed:${bed.id}`,
        label: `${place} · bed ${bed.name} (${bedStateWords(bed)})`,
        disabled: !REFERRABLE_BED_STATES.includes(bed.state),
      })),
    ]
  })
}

/** The opening's bed or unit in words, where the viewer may see the board; otherwise just what it is. */
function OpeningLink({ opening }: { opening: Opening }) {
  const beds = useAgencyBeds(opening.organization.id)
  const bed = opening.bedId ? beds.find((candidate) => candidate.id === opening.bedId) : undefined
  const unit = beds.find((candidate) => candidate.unitId === opening.unitId)
  const text = opening.bedId
    ? bed
      ? `Bed ${bed.name}, ${bed.unitName}, ${bed.facilityName}`
      : 'A bed'
    : unit
      ? `Unit ${unit.unitName}, ${unit.facilityName}`
      : 'A unit'
  return (
    <Text size="xs" c="dimmed">
      {text}
    </Text>
  )
}

function PostOpeningForm() {
  const session = useSession()
  const queryClient = useQueryClient()
  const ce = session.role === 'ce_manager' || session.role === 'coc_admin'
  const projects = useQuery({
    queryKey: projectKeys.list({ active: true }),
    queryFn: () => projectsApi.list({ active: true }),
  })
  const options = (projects.data ?? [])
    .filter((project) => project.projectType !== 14)
    .filter((project) => ce || project.organizationId === session.currentOrganizationId)
    .map((project) => ({ value: project.id, label: project.name }))
  const form = useForm<OpeningValues>({
    initialValues: { projectId: '', capacity: 1, availableOn: todayIso(), eligibilitySummary: '', link: '' },
    validate: { projectId: (value) => (value ? null : 'Choose the project') },
  })
  const { projectId, link } = form.getValues()
  const chosenProject = projects.data?.find((project) => project.id === projectId)
  const bedOptions = bedLinkOptions(useAgencyBeds(chosenProject?.organizationId), projectId)
  form.watch('projectId', () => form.setFieldValue('link', ''))
  const draft = useFormDraft(form, { key: draftStorageKey(session.user.id, 'new-opening') })
  const submit = useFormSubmit(
    form,
    (values) =>
      referralsApi.postOpening({
        projectId: values.projectId,
        capacity: values.capacity,
        availableOn: values.availableOn,
        ...(values.eligibilitySummary && { eligibilitySummary: values.eligibilitySummary }),
        ...(values.link.startsWith('bed:') && { bedId: values.link.slice('bed:'.length) }),
        ...(values.link.startsWith('unit:') && { unitId: values.link.slice('unit:'.length) }),
      }),
    {
      fieldNames: { bedId: 'link', unitId: 'link' },
      onSuccess: async () => {
        draft.clear()
        form.reset()
        await queryClient.invalidateQueries({ queryKey: referralKeys.openings })
      },
    },
  )
  if (options.length === 0) return null
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h5">
            Post an opening
          </Title>
          {draft.restoredAt && (
            <Alert color="blue" variant="light">
              Your unsaved opening was restored.{' '}
              <Button variant="subtle" size="compact-xs" onClick={draft.discard}>
                Discard it
              </Button>
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label="Project"
              data={options}
              withAsterisk
              searchable
              {...form.getInputProps('projectId')}
            />
            <NumberInput label="Slots" min={1} max={100} {...form.getInputProps('capacity')} />
            <TextInput
              type="date"
              label="Available from"
              withAsterisk
              {...form.getInputProps('availableOn')}
            />
          </Group>
          {bedOptions.length > 0 && (
            <Select
              label="Bed or unit"
              description="Optional: the opening fills this bed, or beds of this unit, when the referral is accepted and enrolled."
              placeholder="No particular bed"
              data={bedOptions}
              clearable
              searchable
              value={link || null}
              onChange={(value) => form.setFieldValue('link', value ?? '')}
              error={form.errors.link}
            />
          )}
          <Textarea
            label="Eligibility summary"
            autosize
            minRows={2}
            {...form.getInputProps('eligibilitySummary')}
          />
          <FormError message={submit.error} />
          <Group>
            <Button type="submit" loading={submit.pending}>
              Post opening
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

/** The queued households CE could refer, best first, each with why; "Refer" sends the referral. */
function Candidates({ opening }: { opening: Opening }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: referralKeys.candidates(opening.id),
    queryFn: () => referralsApi.candidates(opening.id),
  })
  const refer = useMutation({
    mutationFn: (candidate: { ceEnrollmentId: string; queueEntryId: string }) =>
      referralsApi.create({ openingId: opening.id, ...candidate }),
    onSuccess: async (referral) => {
      await queryClient.invalidateQueries({ queryKey: referralKeys.all })
      await navigate({ to: `${PATHS.referrals}/${referral.id}` })
    },
  })
  return (
    <QueryState query={query} label="eligible households">
      {(candidates) => (
        <Stack gap="xs">
          {refer.isError && (
            <Alert color="red" variant="light" role="alert" title="Not referred">
              {errorMessage(refer.error)}
            </Alert>
          )}
          <ListTable minWidth={700}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rank</Table.Th>
                <Table.Th>Household</Table.Th>
                <Table.Th>People</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Refer</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.length === 0 && (
                <EmptyRow colSpan={5}>No ready household on the queue fits.</EmptyRow>
              )}
              {candidates.map((candidate) => (
                <Table.Tr key={candidate.queueEntryId}>
                  <Table.Td>{candidate.rank}</Table.Td>
                  <Table.Td>{candidate.householdLabel}</Table.Td>
                  <Table.Td>{candidate.householdSize}</Table.Td>
                  <Table.Td>
                    <List size="xs">
                      {candidate.explanation.map((line) => (
                        <List.Item key={line}>{line}</List.Item>
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      aria-label={`Refer ${candidate.householdLabel}`}
                      loading={refer.isPending && refer.variables?.queueEntryId === candidate.queueEntryId}
                      onClick={() =>
                        refer.mutate({
                          ceEnrollmentId: candidate.ceEnrollmentId,
                          queueEntryId: candidate.queueEntryId,
                        })
                      }
                    >
                      Refer
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        </Stack>
      )}
    </QueryState>
  )
}

function RequestReferral({ opening }: { opening: Opening }) {
  const mutation = useMutation({ mutationFn: () => referralsApi.requestReferral(opening.id) })
  if (mutation.isSuccess) return <Text size="sm">Coordinated Entry was asked</Text>
  return (
    <Button size="xs" variant="light" loading={mutation.isPending} onClick={() => mutation.mutate()}>
      Request a referral
    </Button>
  )
}

/** The CoC's open openings; CE finds households for one, its provider asks CE for a referral. */
export function OpeningsPanel() {
  const session = useSession()
  const [chosen, setChosen] = useState<string | null>(null)
  const query = useQuery({ queryKey: referralKeys.openings, queryFn: referralsApi.openings })
  return (
    <Stack gap="md">
      <PostOpeningForm />
      <QueryState query={query} label="openings">
        {(openings) => (
          <ListTable minWidth={800}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Project</Table.Th>
                <Table.Th>Agency</Table.Th>
                <Table.Th>Slots taken</Table.Th>
                <Table.Th>Available</Table.Th>
                <Table.Th>Eligibility</Table.Th>
                <Table.Th>Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {openings.length === 0 && <EmptyRow colSpan={6}>No open openings.</EmptyRow>}
              {openings.map((opening) => (
                <Table.Tr key={opening.id}>
                  <Table.Td>
                    {opening.project.name}
                    {(opening.bedId || opening.unitId) && <OpeningLink opening={opening} />}
                  </Table.Td>
                  <Table.Td>{opening.organization.name}</Table.Td>
                  <Table.Td>
                    {opening.slotsTaken} of {opening.capacity}
                  </Table.Td>
                  <Table.Td>{formatDate(opening.availableOn)}</Table.Td>
                  <Table.Td>{opening.eligibilitySummary ?? '—'}</Table.Td>
                  <Table.Td>
                    {opening.canRefer ? (
                      <Button
                        size="xs"
                        variant={chosen === opening.id ? 'filled' : 'light'}
                        aria-label={`Find households for ${opening.project.name} opening`}
                        onClick={() => setChosen(chosen === opening.id ? null : opening.id)}
                      >
                        Find households
                      </Button>
                    ) : opening.organization.id === session.currentOrganizationId ? (
                      <RequestReferral opening={opening} />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryState>
      {chosen && query.data?.some((opening) => opening.id === chosen) && (
        <Stack gap="xs">
          <Title order={2} size="h5">
            Eligible households on the queue, best first
          </Title>
          <Candidates opening={query.data.find((opening) => opening.id === chosen) as Opening} />
        </Stack>
      )}
    </Stack>
  )
}
