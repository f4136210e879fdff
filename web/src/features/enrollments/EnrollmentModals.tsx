import { Accordion, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import {
  DATA_COLLECTION_STAGES,
  DESTINATION_OTHER,
  DESTINATION_WITH_SUBSIDY,
  type Enrollment,
  type EnrollmentMemberExit,
  HUD_LIST_SUBSETS,
  type NewCurrentLivingSituation,
  type NewEnrollmentHouseholdMember,
  REQUIRED_ELEMENTS,
} from '@threshold/core'
import type { ReactNode } from 'react'
import { FormError, useFormSubmit } from '../../components/forms'
import { useSession } from '../auth/session'
import { hudOptions } from '../clients/client-options'
import { DraftRestoredNotice } from '../clients/DraftRestoredNotice'
import { todayIso } from '../clients/use-client-form'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { MEMBER_RELATIONSHIP_OPTIONS } from '../households/relationships'
import {
  type MemberFormValues,
  MemberStartFields,
  memberStart,
  newMemberValues,
} from './EnrollHouseholdModal'
import { enrollmentKeys, enrollmentsApi } from './enrollments-api'
import { StageAnswersFields } from './StageAnswersFields'
import { code, emptyStageValues, hasAnswers, type StageFormValues, toStageAnswers } from './stage-answers'

// The changes made to an open enrollment: an update or annual assessment, the exit (of the household or of
// one member), a member joining, and the move-in date of permanent housing. Each form keeps a draft.

const DESTINATIONS = hudOptions(HUD_LIST_SUBSETS.destination)
const LIVING_SITUATIONS = hudOptions(HUD_LIST_SUBSETS.currentLivingSituation)
const RENTAL_SUBSIDY_TYPES = hudOptions('3.12.A')
const ASSESSMENT_STAGES = [
  { value: String(DATA_COLLECTION_STAGES.update), label: 'Update' },
  { value: String(DATA_COLLECTION_STAGES.annualAssessment), label: 'Annual assessment' },
]

/** The modal's body mounts only while open, so a draft is restored each time the form opens. */
function FormModal({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean
  onClose: () => void
  title: string
  children: ReactNode
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
    >
      {opened && children}
    </Modal>
  )
}

function FormButtons({ onClose, pending, label }: { onClose: () => void; pending: boolean; label: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  )
}

/** Saves through the API, forgets the draft, refreshes every enrollment list, closes. */
function useEnrollmentForm<Values extends Record<string, unknown>, Result>(
  form: Parameters<typeof useFormSubmit<Values, Result>>[0],
  subject: string,
  save: (values: Values) => Promise<Result>,
  onClose: () => void,
) {
  const session = useSession()
  const queryClient = useQueryClient()
  const draft = useFormDraft(form, { key: draftStorageKey(session.user.id, subject) })
  const submit = useFormSubmit(form, save, {
    onSuccess: async () => {
      draft.clear()
      await queryClient.invalidateQueries({ queryKey: enrollmentKeys.all })
      onClose()
    },
  })
  return { draft, submit }
}

interface AssessmentValues extends Record<string, unknown> {
  dataCollectionStage: string
  informationDate: string
  answers: StageFormValues
}

export function AssessmentModal({
  enrollment,
  opened,
  onClose,
}: {
  enrollment: Enrollment
  opened: boolean
  onClose: () => void
}) {
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={`Update or annual assessment — ${enrollment.projectName}`}
    >
      <AssessmentForm enrollment={enrollment} onClose={onClose} />
    </FormModal>
  )
}

function AssessmentForm({ enrollment, onClose }: { enrollment: Enrollment; onClose: () => void }) {
  const today = todayIso()
  const annualOpen =
    enrollment.annualAssessment?.status === 'open' || enrollment.annualAssessment?.status === 'overdue'
  const form = useForm<AssessmentValues>({
    initialValues: {
      dataCollectionStage: String(
        annualOpen ? DATA_COLLECTION_STAGES.annualAssessment : DATA_COLLECTION_STAGES.update,
      ),
      informationDate: today,
      answers: emptyStageValues(),
    },
    validate: (values) => {
      if (!values.informationDate) return { informationDate: 'The information date is required' }
      if (values.informationDate > today)
        return { informationDate: 'The information date must not be in the future' }
      if (!hasAnswers(toStageAnswers(values.answers)))
        return { informationDate: 'Answer at least one question' }
      return {}
    },
  })
  const { draft, submit } = useEnrollmentForm(
    form,
    `assessment:${enrollment.id}`,
    (values) =>
      enrollmentsApi.recordAssessment(enrollment.id, {
        dataCollectionStage: Number(values.dataCollectionStage) as 2 | 5,
        informationDate: values.informationDate,
        ...toStageAnswers(values.answers),
      }),
    onClose,
  )
  const window = enrollment.annualAssessment
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        {window && (
          <Text size="sm">
            Annual assessment window: {window.windowStart} to {window.windowEnd} (anniversary{' '}
            {window.anniversary}).
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Data collection stage"
            data={ASSESSMENT_STAGES}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('dataCollectionStage')}
          />
          <TextInput
            type="date"
            label="Information date"
            withAsterisk
            max={today}
            {...form.getInputProps('informationDate')}
          />
        </SimpleGrid>
        <StageAnswersFields form={form} path="answers" values={form.getValues().answers} />
        <FormButtons onClose={onClose} pending={submit.pending} label="Save assessment" />
      </Stack>
    </form>
  )
}

interface ExitMemberValues {
  clientId: string
  name: string
  destination: string
  destinationSubsidyType: string
  otherDestination: string
  answers: StageFormValues
}

interface ExitValues extends Record<string, unknown> {
  exitDate: string
  members: ExitMemberValues[]
}

type ExitAnswer = Omit<EnrollmentMemberExit, 'exitDate'>

function exitAnswer(member: ExitMemberValues): ExitAnswer {
  const destination = Number(member.destination)
  const answers = toStageAnswers(member.answers)
  return {
    destination,
    destinationSubsidyType:
      destination === DESTINATION_WITH_SUBSIDY ? (code(member.destinationSubsidyType) ?? null) : null,
    otherDestination: destination === DESTINATION_OTHER ? member.otherDestination.trim() || null : null,
    ...(hasAnswers(answers) && { projectExit: answers }),
  } as ExitAnswer
}

/**
 * 3.11 exit date and 3.12 destination with the exit-stage answers: of the whole household (every current
 * member), or of one member leaving early (`leaving`).
 */
export function ExitModal({
  enrollment,
  leaving,
  names,
  opened,
  onClose,
}: {
  enrollment: Enrollment
  /** One member leaves; undefined: the household exits. */
  leaving?: string
  names: Map<string, string>
  opened: boolean
  onClose: () => void
}) {
  const title = leaving ? `${names.get(leaving) ?? 'Member'} leaves` : 'Exit the household'
  return (
    <FormModal opened={opened} onClose={onClose} title={`${title} — ${enrollment.projectName}`}>
      <ExitForm enrollment={enrollment} leaving={leaving} names={names} onClose={onClose} />
    </FormModal>
  )
}

function ExitForm({
  enrollment,
  leaving,
  names,
  onClose,
}: {
  enrollment: Enrollment
  leaving?: string
  names: Map<string, string>
  onClose: () => void
}) {
  const today = todayIso()
  const exiting = enrollment.household.filter(
    (member) => member.exitDate === null && (leaving === undefined || member.clientId === leaving),
  )
  const form = useForm<ExitValues>({
    initialValues: {
      exitDate: today,
      members: exiting.map((member, index) => ({
        clientId: member.clientId,
        name: names.get(member.clientId) ?? `Member ${index + 1}`,
        destination: '',
        destinationSubsidyType: '',
        otherDestination: '',
        answers: emptyStageValues(),
      })),
    },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (!values.exitDate) errors.exitDate = 'The exit date is required'
      else if (values.exitDate > today) errors.exitDate = 'The exit date must not be in the future'
      values.members.forEach((member, index) => {
        if (!member.destination) errors[`members.${index}.destination`] = 'Choose the destination'
        if (code(member.destination) === DESTINATION_WITH_SUBSIDY && !member.destinationSubsidyType)
          errors[`members.${index}.destinationSubsidyType`] = 'Choose the rental subsidy type'
      })
      return errors
    },
  })
  const { draft, submit } = useEnrollmentForm(
    form,
    leaving ? `exit:${enrollment.id}:${leaving}` : `exit:${enrollment.enrollmentHouseholdId}`,
    async (values) => {
      if (leaving) {
        const [member] = values.members
        if (!member) throw new Error('Nobody to exit')
        return [
          await enrollmentsApi.exitMember(enrollment.id, leaving, {
            exitDate: values.exitDate,
            ...exitAnswer(member),
          }),
        ]
      }
      return enrollmentsApi.exitHousehold(enrollment.enrollmentHouseholdId, {
        exitDate: values.exitDate,
        members: values.members.map((member) => ({ clientId: member.clientId, ...exitAnswer(member) })),
      })
    },
    onClose,
  )
  const values = form.getValues()
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        <TextInput
          type="date"
          label="3.11 Exit date"
          withAsterisk
          max={today}
          maw={240}
          {...form.getInputProps('exitDate')}
        />
        <Accordion
          variant="separated"
          multiple
          defaultValue={values.members.map((member) => member.clientId)}
        >
          {values.members.map((member, index) => (
            <Accordion.Item key={member.clientId} value={member.clientId}>
              <Accordion.Control>{member.name}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={`3.12 Destination of ${member.name}`}
                      data={DESTINATIONS}
                      searchable
                      withAsterisk
                      {...form.getInputProps(`members.${index}.destination`)}
                    />
                    {code(member.destination) === DESTINATION_WITH_SUBSIDY && (
                      <Select
                        label="Rental subsidy type"
                        data={RENTAL_SUBSIDY_TYPES}
                        withAsterisk
                        {...form.getInputProps(`members.${index}.destinationSubsidyType`)}
                      />
                    )}
                    {code(member.destination) === DESTINATION_OTHER && (
                      <TextInput
                        label="Other destination"
                        maxLength={50}
                        {...form.getInputProps(`members.${index}.otherDestination`)}
                      />
                    )}
                  </SimpleGrid>
                  <StageAnswersFields form={form} path={`members.${index}.answers`} values={member.answers} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <FormButtons
          onClose={onClose}
          pending={submit.pending}
          label={leaving ? 'Record leaving' : 'Exit household'}
        />
      </Stack>
    </form>
  )
}

interface JoinValues extends Record<string, unknown> {
  entryDate: string
  member: MemberFormValues
}

/** A household member joins the enrollment on their own start date. */
export function JoinEnrollmentModal({
  enrollment,
  candidates,
  opened,
  onClose,
}: {
  enrollment: Enrollment
  /** Members of the client's household not in this enrollment yet. */
  candidates: { clientId: string; name: string }[]
  opened: boolean
  onClose: () => void
}) {
  return (
    <FormModal opened={opened} onClose={onClose} title={`Add a member — ${enrollment.projectName}`}>
      <JoinForm enrollment={enrollment} candidates={candidates} onClose={onClose} />
    </FormModal>
  )
}

function JoinForm({
  enrollment,
  candidates,
  onClose,
}: {
  enrollment: Enrollment
  candidates: { clientId: string; name: string }[]
  onClose: () => void
}) {
  const today = todayIso()
  const form = useForm<JoinValues>({
    initialValues: {
      entryDate: today,
      member: newMemberValues(candidates[0]?.clientId ?? '', candidates[0]?.name ?? ''),
    },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (!values.member.clientId) errors['member.clientId'] = 'Choose who joins'
      if (!values.member.relationshipToHoh)
        errors['member.relationshipToHoh'] = 'Choose the relationship to the head'
      if (!values.entryDate) errors.entryDate = 'The start date is required'
      else if (values.entryDate > today) errors.entryDate = 'The start date must not be in the future'
      return errors
    },
  })
  const { draft, submit } = useEnrollmentForm(
    form,
    `join:${enrollment.enrollmentHouseholdId}`,
    (values) =>
      enrollmentsApi.addMember(enrollment.id, {
        clientId: values.member.clientId,
        relationshipToHoh: Number(values.member.relationshipToHoh),
        entryDate: values.entryDate,
        ...memberStart(values.member),
      } as NewEnrollmentHouseholdMember),
    onClose,
  )
  const values = form.getValues()
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Member"
            withAsterisk
            data={candidates.map((candidate) => ({ value: candidate.clientId, label: candidate.name }))}
            {...form.getInputProps('member.clientId')}
          />
          <Select
            label="3.15 Relationship to head"
            withAsterisk
            data={MEMBER_RELATIONSHIP_OPTIONS}
            {...form.getInputProps('member.relationshipToHoh')}
          />
          <TextInput
            type="date"
            label="3.10 Start date"
            withAsterisk
            max={today}
            {...form.getInputProps('entryDate')}
          />
        </SimpleGrid>
        <MemberStartFields form={form} path="member" member={values.member} />
        <FormButtons onClose={onClose} pending={submit.pending} label="Add member" />
      </Stack>
    </form>
  )
}

/** 3.20 Housing Move-In Date of a permanent housing enrollment (a correction of the enrollment). */
export function MoveInModal({
  enrollment,
  opened,
  onClose,
}: {
  enrollment: Enrollment
  opened: boolean
  onClose: () => void
}) {
  return (
    <FormModal opened={opened} onClose={onClose} title={`Housing move-in date — ${enrollment.projectName}`}>
      <MoveInForm enrollment={enrollment} onClose={onClose} />
    </FormModal>
  )
}

function MoveInForm({ enrollment, onClose }: { enrollment: Enrollment; onClose: () => void }) {
  const today = todayIso()
  const form = useForm<{ moveInDate: string }>({
    initialValues: { moveInDate: enrollment.moveInDate ?? today },
    validate: (values) => {
      if (!values.moveInDate) return { moveInDate: 'The move-in date is required' }
      if (values.moveInDate < enrollment.entryDate)
        return { moveInDate: 'The move-in date must not be before the start' }
      if (values.moveInDate > today) return { moveInDate: 'The move-in date must not be in the future' }
      return {}
    },
  })
  const { draft, submit } = useEnrollmentForm(
    form,
    `move-in:${enrollment.id}`,
    (values) =>
      enrollmentsApi.update(enrollment.id, { version: enrollment.version, moveInDate: values.moveInDate }),
    onClose,
  )
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        <TextInput
          type="date"
          label="3.20 Housing move-in date"
          withAsterisk
          min={enrollment.entryDate}
          max={today}
          maw={240}
          {...form.getInputProps('moveInDate')}
        />
        <FormButtons onClose={onClose} pending={submit.pending} label="Save move-in date" />
      </Stack>
    </form>
  )
}

/** Project types that record 4.12 at each contact (street outreach, night-by-night shelter, CE). */
export const CONTACT_PROJECT_TYPES: readonly number[] =
  REQUIRED_ELEMENTS.find((element) => element.source.kind === 'current_living_situation')?.projectTypes ?? []

interface ContactValues extends Record<string, unknown> {
  informationDate: string
  currentLivingSituation: string
  clsSubsidyType: string
  locationDetails: string
}

/** 4.12 Current Living Situation, recorded at a contact during the stay. */
export function LivingSituationModal({
  enrollment,
  opened,
  onClose,
}: {
  enrollment: Enrollment
  opened: boolean
  onClose: () => void
}) {
  return (
    <FormModal opened={opened} onClose={onClose} title={`Record a contact — ${enrollment.projectName}`}>
      <LivingSituationForm enrollment={enrollment} onClose={onClose} />
    </FormModal>
  )
}

function LivingSituationForm({ enrollment, onClose }: { enrollment: Enrollment; onClose: () => void }) {
  const today = todayIso()
  const form = useForm<ContactValues>({
    initialValues: {
      informationDate: today,
      currentLivingSituation: '',
      clsSubsidyType: '',
      locationDetails: '',
    },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (!values.informationDate) errors.informationDate = 'The contact date is required'
      else if (values.informationDate > today)
        errors.informationDate = 'The contact date must not be in the future'
      if (!values.currentLivingSituation) errors.currentLivingSituation = 'Choose the living situation'
      if (code(values.currentLivingSituation) === DESTINATION_WITH_SUBSIDY && !values.clsSubsidyType)
        errors.clsSubsidyType = 'Choose the rental subsidy type'
      return errors
    },
  })
  const { draft, submit } = useEnrollmentForm(
    form,
    `contact:${enrollment.id}`,
    (values) => {
      const situation = Number(values.currentLivingSituation)
      return enrollmentsApi.recordLivingSituation(enrollment.id, {
        informationDate: values.informationDate,
        currentLivingSituation: situation,
        clsSubsidyType: situation === DESTINATION_WITH_SUBSIDY ? (code(values.clsSubsidyType) ?? null) : null,
        locationDetails: values.locationDetails.trim() || null,
      } as NewCurrentLivingSituation)
    },
    onClose,
  )
  const values = form.getValues()
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Contact date"
            withAsterisk
            max={today}
            {...form.getInputProps('informationDate')}
          />
          <Select
            label="4.12 Current living situation"
            withAsterisk
            searchable
            data={LIVING_SITUATIONS}
            {...form.getInputProps('currentLivingSituation')}
          />
          {code(values.currentLivingSituation) === DESTINATION_WITH_SUBSIDY && (
            <Select
              label="Rental subsidy type"
              withAsterisk
              data={RENTAL_SUBSIDY_TYPES}
              {...form.getInputProps('clsSubsidyType')}
            />
          )}
          <TextInput label="Location details" maxLength={250} {...form.getInputProps('locationDetails')} />
        </SimpleGrid>
        <FormButtons onClose={onClose} pending={submit.pending} label="Save contact" />
      </Stack>
    </form>
  )
}
