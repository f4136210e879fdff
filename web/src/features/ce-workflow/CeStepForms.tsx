import { Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import {
  type CeWorkflow,
  type CeWorkflowMember,
  DESTINATION_WITH_SUBSIDY,
  HUD_LIST_SUBSETS,
  type HudList,
} from '@threshold/core'
import { hudOptions } from '../clients/client-options'
import { getIn, type StepData } from './step-data'

// The HUD step forms of the CE workflow: each edits its step's draft object; labels come from core's lists.

export interface StepFormProps {
  workflow: CeWorkflow
  data: StepData
  onChange(path: readonly string[], value: unknown): void
}

export function CodeSelect({
  label,
  list,
  path,
  data,
  onChange,
}: {
  label: string
  list: HudList
  path: readonly string[]
} & Omit<StepFormProps, 'workflow'>) {
  const value = getIn(data, path)
  return (
    <Select
      label={label}
      data={hudOptions(list)}
      value={value === undefined || value === null ? null : String(value)}
      onChange={(next) => onChange(path, next === null ? null : Number(next))}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
    />
  )
}

export function DateField({
  label,
  path,
  data,
  onChange,
}: { label: string; path: readonly string[] } & Omit<StepFormProps, 'workflow'>) {
  const value = getIn(data, path)
  return (
    <TextInput
      type="date"
      label={label}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(path, event.currentTarget.value || null)}
    />
  )
}

/** Members the step asks about, each in a fieldset named after them. */
function MemberFieldsets({
  members,
  children,
}: {
  members: readonly CeWorkflowMember[]
  children: (member: CeWorkflowMember) => React.ReactNode
}) {
  return (
    <Stack>
      {members.map((member) => (
        <Fieldset
          key={member.enrollmentId}
          legend={`${member.label}${member.isHead ? ' (head of household)' : ''}`}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{children(member)}</SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  )
}

const headAndAdults = (workflow: CeWorkflow) =>
  workflow.members.filter((member) => member.isHead || member.isAdult)

export function UniversalDataForm({ workflow, data, onChange }: StepFormProps) {
  const field = { data, onChange }
  return (
    <MemberFieldsets members={workflow.members}>
      {(member) => {
        const base = ['members', member.enrollmentId]
        const prior = [...base, 'priorLivingSituation']
        const asked = member.isHead || member.isAdult
        return (
          <>
            <CodeSelect
              label="3.08 Disabling condition"
              list="1.8"
              path={[...base, 'disablingCondition']}
              {...field}
            />
            {asked && (
              <>
                <CodeSelect
                  label="3.917 Prior living situation"
                  list={HUD_LIST_SUBSETS.priorLivingSituation}
                  path={[...prior, 'livingSituation']}
                  {...field}
                />
                {getIn(data, [...prior, 'livingSituation']) === DESTINATION_WITH_SUBSIDY && (
                  <CodeSelect
                    label="Rental subsidy type"
                    list="3.12.A"
                    path={[...prior, 'rentalSubsidyType']}
                    {...field}
                  />
                )}
                <CodeSelect
                  label="Length of stay in prior living situation"
                  list="3.917.2"
                  path={[...prior, 'lengthOfStay']}
                  {...field}
                />
                <CodeSelect
                  label="Length of stay under the threshold"
                  list="1.7"
                  path={[...prior, 'losUnderThreshold']}
                  {...field}
                />
                <CodeSelect
                  label="On the night before, stayed on the streets, ES or SH"
                  list="1.7"
                  path={[...prior, 'previousStreetEssh']}
                  {...field}
                />
                <DateField
                  label="Approximate date homelessness started"
                  path={[...prior, 'dateToStreetEssh']}
                  {...field}
                />
                <CodeSelect
                  label="Times homeless in the past three years"
                  list="3.917.4"
                  path={[...prior, 'timesHomelessPastThreeYears']}
                  {...field}
                />
                <CodeSelect
                  label="Months homeless in the past three years"
                  list="3.917.5"
                  path={[...prior, 'monthsHomelessPastThreeYears']}
                  {...field}
                />
              </>
            )}
          </>
        )
      }}
    </MemberFieldsets>
  )
}

const DISABILITIES = [
  { type: '5', label: '4.05 Physical disability', indefinite: true },
  { type: '6', label: '4.06 Developmental disability', indefinite: false },
  { type: '7', label: '4.07 Chronic health condition', indefinite: true },
  { type: '8', label: '4.08 HIV/AIDS', indefinite: false },
  { type: '9', label: '4.09 Mental health disorder', indefinite: true },
  { type: '10', label: '4.10 Substance use disorder', indefinite: true },
] as const

export function DisabilitiesForm({ workflow, data, onChange }: StepFormProps) {
  const field = { data, onChange }
  return (
    <MemberFieldsets members={workflow.members}>
      {(member) =>
        DISABILITIES.map((disability) => {
          const path = ['members', member.enrollmentId, disability.type]
          const response = getIn(data, [...path, 'disabilityResponse'])
          const yes = typeof response === 'number' && response !== 0 && response < 8
          return (
            <Stack key={disability.type} gap="xs">
              <CodeSelect
                label={disability.label}
                list={disability.type === '10' ? '4.10.2' : '1.8'}
                path={[...path, 'disabilityResponse']}
                {...field}
              />
              {yes && disability.indefinite && (
                <CodeSelect
                  label={`${disability.label}: expected to be of long-continued duration`}
                  list="1.8"
                  path={[...path, 'indefiniteAndImpairs']}
                  {...field}
                />
              )}
            </Stack>
          )
        })
      }
    </MemberFieldsets>
  )
}

export function DomesticViolenceForm({ workflow, data, onChange }: StepFormProps) {
  const field = { data, onChange }
  return (
    <MemberFieldsets members={headAndAdults(workflow)}>
      {(member) => {
        const base = ['members', member.enrollmentId]
        return (
          <>
            <CodeSelect
              label="4.11 Domestic violence survivor"
              list="1.8"
              path={[...base, 'domesticViolenceSurvivor']}
              {...field}
            />
            {getIn(data, [...base, 'domesticViolenceSurvivor']) === 1 && (
              <>
                <CodeSelect
                  label="When the experience occurred"
                  list="4.11.A"
                  path={[...base, 'whenOccurred']}
                  {...field}
                />
                <CodeSelect
                  label="Currently fleeing"
                  list="1.8"
                  path={[...base, 'currentlyFleeing']}
                  {...field}
                />
              </>
            )}
          </>
        )
      }}
    </MemberFieldsets>
  )
}

export function CurrentLivingSituationForm({ data, onChange }: StepFormProps) {
  const field = { data, onChange }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <DateField label="Date of contact" path={['informationDate']} {...field} />
      <CodeSelect
        label="4.12 Current living situation"
        list={HUD_LIST_SUBSETS.currentLivingSituation}
        path={['currentLivingSituation']}
        {...field}
      />
      {getIn(data, ['currentLivingSituation']) === DESTINATION_WITH_SUBSIDY && (
        <CodeSelect label="Rental subsidy type" list="3.12.A" path={['clsSubsidyType']} {...field} />
      )}
      <TextInput
        label="Location details"
        value={(getIn(data, ['locationDetails']) as string | undefined) ?? ''}
        onChange={(event) => onChange(['locationDetails'], event.currentTarget.value || null)}
      />
    </SimpleGrid>
  )
}

export function EnrollmentStepForm({
  workflow,
  data,
  onChange,
  me,
}: StepFormProps & { me: { id: string; displayName: string } }) {
  const caseManagers = [
    { value: workflow.caseManagerUserId, label: workflow.caseManagerName ?? 'Current case manager' },
    ...(me.id === workflow.caseManagerUserId ? [] : [{ value: me.id, label: `${me.displayName} (you)` }]),
  ]
  return (
    <Stack>
      <Text size="sm">
        {workflow.projectName}, project start date {workflow.entryDate}. Members:{' '}
        {workflow.members.map((member) => member.label).join(', ')}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="3.16 Enrollment CoC"
          value={(getIn(data, ['enrollmentCoc']) as string | undefined) ?? ''}
          onChange={(event) => onChange(['enrollmentCoc'], event.currentTarget.value.toUpperCase() || null)}
        />
        <Select
          label="Case manager"
          data={caseManagers}
          value={(getIn(data, ['caseManagerUserId']) as string | undefined) ?? null}
          onChange={(value) => onChange(['caseManagerUserId'], value)}
        />
      </SimpleGrid>
    </Stack>
  )
}
