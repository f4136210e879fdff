import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
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
import { hudOptions } from '../clients/client-options'
import { DraftFormFrame, FormModal, PastDateInput, pastDateError } from '../clients/DraftForm'
import { todayIso } from '../clients/use-client-form'
import { MEMBER_RELATIONSHIP_OPTIONS } from '../households/relationships'
import {
  type MemberFormValues,
  MemberStartFields,
  memberStart,
  newMemberValues,
} from './EnrollHouseholdModal'
import { MemberAnswers, useEnrollmentForm } from './EnrollmentForm'
import { enrollmentsApi } from './enrollments-api'
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

interface EnrollmentModalProps {
  enrollment: Enrollment
  opened: boolean
  onClose: () => void
}

/** The dialog of one of the enrollment's forms, titled "<what> — <project>". */
function enrollmentModal(
  what: string,
  Form: (props: { enrollment: Enrollment; onClose: () => void }) => ReactNode,
) {
  return function EnrollmentModal({ enrollment, opened, onClose }: EnrollmentModalProps) {
    return (
      <FormModal size="xl" opened={opened} onClose={onClose} title={`${what} — ${enrollment.projectName}`}>
        <Form enrollment={enrollment} onClose={onClose} />
      </FormModal>
    )
  }
}

interface AssessmentValues extends Record<string, unknown> {
  dataCollectionStage: string
  informationDate: string
  answers: StageFormValues
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
      const dateError = pastDateError(values.informationDate, today, 'information date')
      if (dateError) return { informationDate: dateError }
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
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Save assessment">
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
        <PastDateInput label="Information date" {...form.getInputProps('informationDate')} />
      </SimpleGrid>
      <StageAnswersFields form={form} path="answers" values={form.getValues().answers} />
    </DraftFormFrame>
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
}: EnrollmentModalProps & {
  /** One member leaves; undefined: the household exits. */
  leaving?: string
  names: Map<string, string>
}) {
  const title = leaving ? `${names.get(leaving) ?? 'Member'} leaves` : 'Exit the household'
  return (
    <FormModal size="xl" opened={opened} onClose={onClose} title={`${title} — ${enrollment.projectName}`}>
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
      const dateError = pastDateError(values.exitDate, today, 'exit date')
      if (dateError) errors.exitDate = dateError
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
    <DraftFormFrame
      draft={draft}
      submit={submit}
      onClose={onClose}
      label={leaving ? 'Record leaving' : 'Exit household'}
    >
      <PastDateInput label="3.11 Exit date" maw={240} {...form.getInputProps('exitDate')} />
      <MemberAnswers members={values.members} opened={values.members.map((member) => member.clientId)}>
        {(member, index) => (
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
        )}
      </MemberAnswers>
    </DraftFormFrame>
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
}: EnrollmentModalProps & {
  /** Members of the client's household not in this enrollment yet. */
  candidates: { clientId: string; name: string }[]
}) {
  return (
    <FormModal size="xl" opened={opened} onClose={onClose} title={`Add a member — ${enrollment.projectName}`}>
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
      const dateError = pastDateError(values.entryDate, today, 'start date')
      if (dateError) errors.entryDate = dateError
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
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Add member">
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
        <PastDateInput label="3.10 Start date" {...form.getInputProps('entryDate')} />
      </SimpleGrid>
      <MemberStartFields form={form} path="member" member={values.member} />
    </DraftFormFrame>
  )
}

function MoveInForm({ enrollment, onClose }: { enrollment: Enrollment; onClose: () => void }) {
  const today = todayIso()
  const form = useForm<{ moveInDate: string }>({
    initialValues: { moveInDate: enrollment.moveInDate ?? today },
    validate: (values) => {
      const dateError = pastDateError(values.moveInDate, today, 'move-in date')
      if (dateError) return { moveInDate: dateError }
      if (values.moveInDate < enrollment.entryDate)
        return { moveInDate: 'The move-in date must not be before the start' }
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
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Save move-in date">
      <PastDateInput
        label="3.20 Housing move-in date"
        min={enrollment.entryDate}
        maw={240}
        {...form.getInputProps('moveInDate')}
      />
    </DraftFormFrame>
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
      const dateError = pastDateError(values.informationDate, today, 'contact date')
      if (dateError) errors.informationDate = dateError
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
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Save contact">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PastDateInput label="Contact date" {...form.getInputProps('informationDate')} />
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
    </DraftFormFrame>
  )
}

export const AssessmentModal = enrollmentModal('Update or annual assessment', AssessmentForm)
/** 3.20 Housing Move-In Date of a permanent housing enrollment (a correction of the enrollment). */
export const MoveInModal = enrollmentModal('Housing move-in date', MoveInForm)
/** 4.12 Current Living Situation, recorded at a contact during the stay. */
export const LivingSituationModal = enrollmentModal('Record a contact', LivingSituationForm)
