import { Alert, Checkbox, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import {
  type Client,
  DESTINATION_WITH_SUBSIDY,
  HEAD_OF_HOUSEHOLD,
  type Household,
  HUD_LIST_SUBSETS,
  type NewEnrollment,
} from '@threshold/core'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { clientName } from '../clients/client-handoffs'
import { hudOptions } from '../clients/client-options'
import { DraftFormFrame, FormModal, PastDateInput, pastDateError } from '../clients/DraftForm'
import { todayIso } from '../clients/use-client-form'
import { cocKeys, cocsApi } from '../cocs/cocs-api'
import { householdKeys, householdsApi } from '../households/households-api'
import { MEMBER_RELATIONSHIP_OPTIONS } from '../households/relationships'
import { projectTypeLabel } from '../projects/project-types'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { MemberAnswers, useEnrollmentForm } from './EnrollmentForm'
import { enrollmentsApi } from './enrollments-api'
import { StageAnswersFields } from './StageAnswersFields'
import { code, emptyStageValues, hasAnswers, type StageFormValues, toStageAnswers } from './stage-answers'

const NO_YES_REASONS = hudOptions('1.8')
const PRIOR_LIVING_SITUATIONS = hudOptions(HUD_LIST_SUBSETS.priorLivingSituation)
const LENGTH_OF_STAY = hudOptions('3.917.2')
const RENTAL_SUBSIDY_TYPES = hudOptions('3.12.A')

/** Roles that enroll in any project of the CoC; everyone else in their own agency's projects. */
const ENROLLING_ANY_PROJECT = ['ce_manager', 'coc_admin']

export interface MemberFormValues {
  clientId: string
  name: string
  include: boolean
  relationshipToHoh: string
  disablingCondition: string
  livingSituation: string
  rentalSubsidyType: string
  lengthOfStay: string
  answers: StageFormValues
}

interface EnrollFormValues {
  projectId: string
  entryDate: string
  enrollmentCoc: string
  headClientId: string
  members: MemberFormValues[]
}

/** 3.917 and 3.08 of one member, as the API takes them (left out when not asked). */
export function memberStart(member: MemberFormValues) {
  const answers = toStageAnswers(member.answers)
  const livingSituation = code(member.livingSituation)
  return {
    ...(code(member.disablingCondition) !== undefined && {
      disablingCondition: code(member.disablingCondition),
    }),
    ...(livingSituation !== undefined && {
      priorLivingSituation: {
        livingSituation,
        rentalSubsidyType:
          livingSituation === DESTINATION_WITH_SUBSIDY ? (code(member.rentalSubsidyType) ?? null) : null,
        lengthOfStay: code(member.lengthOfStay) ?? null,
      },
    }),
    ...(hasAnswers(answers) && { projectStart: answers }),
  }
}

function toNewEnrollment(values: EnrollFormValues, cocCode: string | undefined): NewEnrollment {
  return {
    projectId: values.projectId,
    entryDate: values.entryDate,
    ...((values.enrollmentCoc.trim() || cocCode) && {
      enrollmentCoc: values.enrollmentCoc.trim() || cocCode,
    }),
    members: values.members
      .filter((member) => member.include)
      .map((member) => ({
        clientId: member.clientId,
        relationshipToHoh:
          member.clientId === values.headClientId ? HEAD_OF_HOUSEHOLD : Number(member.relationshipToHoh),
        ...memberStart(member),
      })),
  } as NewEnrollment
}

export const newMemberValues = (
  clientId: string,
  name: string,
  relationshipToHoh = '',
): MemberFormValues => ({
  clientId,
  name,
  include: true,
  relationshipToHoh,
  disablingCondition: '',
  livingSituation: '',
  rentalSubsidyType: '',
  lengthOfStay: '',
  answers: emptyStageValues(),
})

/** 3.08 and 3.917 of one member; shared by enrolling and joining. */
export function MemberStartFields({
  form,
  path,
  member,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: used by two forms whose values differ around the member
  form: any
  path: string
  member: MemberFormValues
}) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="3.08 Disabling condition"
          data={NO_YES_REASONS}
          clearable
          {...form.getInputProps(`${path}.disablingCondition`)}
        />
        <Select
          label="3.917 Prior living situation"
          data={PRIOR_LIVING_SITUATIONS}
          searchable
          clearable
          {...form.getInputProps(`${path}.livingSituation`)}
        />
        {code(member.livingSituation) === DESTINATION_WITH_SUBSIDY && (
          <Select
            label="Rental subsidy type"
            data={RENTAL_SUBSIDY_TYPES}
            withAsterisk
            {...form.getInputProps(`${path}.rentalSubsidyType`)}
          />
        )}
        <Select
          label="Length of stay in prior living situation"
          data={LENGTH_OF_STAY}
          clearable
          {...form.getInputProps(`${path}.lengthOfStay`)}
        />
      </SimpleGrid>
      <StageAnswersFields form={form} path={`${path}.answers`} values={member.answers} />
    </Stack>
  )
}

/** The form starts from the client's current household, so it waits for it. */
function EnrollHouseholdForm({ client, onClose }: { client: Client; onClose: () => void }) {
  const households = useQuery({
    queryKey: householdKeys.ofClient(client.id),
    queryFn: () => householdsApi.ofClient(client.id),
  })
  return (
    <QueryState query={households} label="the household">
      {(list) => <EnrollForm client={client} households={list} onClose={onClose} />}
    </QueryState>
  )
}

function EnrollForm({
  client,
  households,
  onClose,
}: {
  client: Client
  households: Household[]
  onClose: () => void
}) {
  const session = useSession()
  const today = todayIso()
  const anyProject = ENROLLING_ANY_PROJECT.includes(session.role)
  const projects = useQuery({
    queryKey: projectKeys.list({ active: true }),
    queryFn: () => projectsApi.list({ active: true }),
  })
  const cocs = useQuery({ queryKey: cocKeys.all, queryFn: cocsApi.list })
  const household = households.find((candidate) =>
    candidate.members.some((member) => member.client.id === client.id && member.removedOn === null),
  )
  const current = household?.members.filter((member) => member.removedOn === null) ?? []
  const initialMembers =
    current.length > 0
      ? current.map((member) =>
          newMemberValues(
            member.client.id,
            clientName(member.client),
            member.relationshipToHoh === HEAD_OF_HOUSEHOLD ? '' : String(member.relationshipToHoh),
          ),
        )
      : [newMemberValues(client.id, clientName(client))]
  const form = useForm<EnrollFormValues>({
    initialValues: {
      projectId: '',
      entryDate: today,
      enrollmentCoc: '',
      headClientId: household?.headClientId ?? client.id,
      members: initialMembers,
    },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (!values.projectId) errors.projectId = 'Choose the project'
      const dateError = pastDateError(values.entryDate, today, 'project start date')
      if (dateError) errors.entryDate = dateError
      const head = values.members.find((member) => member.clientId === values.headClientId)
      if (!head?.include) errors.headClientId = 'The head of household must be enrolled'
      values.members.forEach((member, index) => {
        if (member.include && member.clientId !== values.headClientId && !member.relationshipToHoh)
          errors[`members.${index}.relationshipToHoh`] = 'Choose the relationship to the head'
      })
      return errors
    },
  })
  const values = form.getValues()
  const projectOptions = (projects.data ?? [])
    .filter((project) => anyProject || project.organizationId === session.currentOrganizationId)
    .map((project) => ({
      value: project.id,
      label: `${project.name} (${projectTypeLabel(project.projectType)})`,
    }))
  const chosenProject = projects.data?.find((project) => project.id === values.projectId)
  const projectCoc = cocs.data?.find((coc) => coc.id === chosenProject?.cocId)?.code
  const { draft, submit } = useEnrollmentForm(
    form,
    `enroll:${client.id}`,
    (submitted) => enrollmentsApi.enroll(toNewEnrollment(submitted, projectCoc)),
    onClose,
  )

  return (
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Enroll">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Project"
          withAsterisk
          searchable
          data={projectOptions}
          {...form.getInputProps('projectId')}
        />
        <PastDateInput label="3.10 Project start date" {...form.getInputProps('entryDate')} />
        <TextInput
          label="3.16 Enrollment CoC"
          placeholder={projectCoc ?? 'GA-502'}
          description="Blank: the project's CoC"
          {...form.getInputProps('enrollmentCoc')}
        />
      </SimpleGrid>
      <Radio.Group label="Head of household" withAsterisk {...form.getInputProps('headClientId')}>
        <Table aria-label="Members to enroll" mt={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Enroll</Table.Th>
              <Table.Th>Member</Table.Th>
              <Table.Th>Head</Table.Th>
              <Table.Th>3.15 Relationship to head</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.members.map((member, index) => (
              <Table.Tr key={member.clientId}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Enroll ${member.name}`}
                    {...form.getInputProps(`members.${index}.include`, { type: 'checkbox' })}
                  />
                </Table.Td>
                <Table.Td>{member.name}</Table.Td>
                <Table.Td>
                  <Radio value={member.clientId} aria-label={`${member.name} is the head of household`} />
                </Table.Td>
                <Table.Td>
                  {member.clientId === values.headClientId ? (
                    <Text size="sm">Self (head of household)</Text>
                  ) : (
                    <Select
                      aria-label={`Relationship of ${member.name} to the head`}
                      data={MEMBER_RELATIONSHIP_OPTIONS}
                      disabled={!member.include}
                      {...form.getInputProps(`members.${index}.relationshipToHoh`)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      {current.length === 0 && (
        <Text size="xs" c="dimmed">
          To enroll family members together, add them to the client's household first.
        </Text>
      )}
      <Text size="sm" fw={600}>
        Project start answers
      </Text>
      <MemberAnswers members={values.members} opened={[values.headClientId]}>
        {(member, index) => <MemberStartFields form={form} path={`members.${index}`} member={member} />}
      </MemberAnswers>
      {chosenProject && !anyProject && chosenProject.organizationId !== session.currentOrganizationId && (
        <Alert color="yellow">Your agency does not operate this project.</Alert>
      )}
    </DraftFormFrame>
  )
}

/** Enroll the client's household in a project: members, head, start date and the project-start answers. */
export function EnrollHouseholdModal({
  client,
  opened,
  onClose,
}: {
  client: Client
  opened: boolean
  onClose: () => void
}) {
  return (
    <FormModal size="xl" opened={opened} onClose={onClose} title={`Enroll ${clientName(client)}'s household`}>
      <EnrollHouseholdForm client={client} onClose={onClose} />
    </FormModal>
  )
}
