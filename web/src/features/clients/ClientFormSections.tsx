import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import {
  ALIAS_KINDS,
  type Client,
  PHONE_TYPES,
  REQUIRED_CLIENT_FIELDS,
  RESTRICTIONS,
  type Restriction,
} from '@threshold/core'
import type { ReactNode } from 'react'
import type { ClientFormValues, QualityField } from './client-form-values'
import { VETERAN_THEATERS, VETERAN_YES } from './client-form-values'
import {
  ALIAS_KIND_LABELS,
  CONTACT_METHOD_LABELS,
  DOB_QUALITY_LIST,
  hudOptions,
  labelledOptions,
  MARITAL_STATUS_LABELS,
  NAME_QUALITY_LIST,
  NO_YES_MISSING_LIST,
  PHONE_TYPE_LABELS,
  RACE_ETHNICITY_OPTIONS,
  RACE_NONE_LIST,
  RESTRICTION_EXPLANATIONS,
  RESTRICTION_LABELS,
  SEX_LIST,
  SSN_QUALITY_LIST,
} from './client-options'

// The Basic Client Information Assessment (ClientTrack Step 1b): sections A–E, shared by the create form
// and the edit form. Required elements carry the red asterisk; each offers HUD's "doesn't know / prefers
// not to answer / not collected" answers, so nobody has to invent a value to get past the form.

type ClientForm = UseFormReturnType<ClientFormValues>

const REQUIRED = new Set<string>(REQUIRED_CLIENT_FIELDS)

/** API field names and HUD codes inside server and core messages, in the words the form uses. */
const MESSAGE_WORDING: [RegExp, string][] = [
  [/ \(8, 9 or 99 when unknown\)/, ' (or choose why it is unknown)'],
  [/ \((raceNone )?8, 9 or 99\)/, ''],
  [/choose 8, 9 or 99 for (\w+)/, 'choose why it is missing in $1'],
  [/\bnameDataQuality\b/g, 'name data quality'],
  [/\bssnDataQuality\b/g, 'SSN data quality'],
  [/\bdobDataQuality\b/g, 'DOB data quality'],
  [/\bveteranStatus\b/g, 'veteran status'],
]

/** A validation message as a sentence under its field: "is required …" becomes "First name is required …". */
export function readableError(label: string, error: ReactNode): ReactNode {
  if (typeof error !== 'string' || !error) return error
  const message = MESSAGE_WORDING.reduce((text, [pattern, words]) => text.replace(pattern, words), error)
  return /^[a-z]/.test(message) ? `${label} ${message}` : message
}

function fieldProps(form: ClientForm, path: string, label: string) {
  const props = form.getInputProps(path)
  return { ...props, label, withAsterisk: REQUIRED.has(path), error: readableError(label, props.error) }
}

const RACE_NONE_PREFIX = 'none:'
const RACE_NONE_OPTIONS = hudOptions(RACE_NONE_LIST).map((option) => ({
  ...option,
  value: `${RACE_NONE_PREFIX}${option.value}`,
}))

function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  )
}

function QualitySelect({
  form,
  field,
  label,
  list,
  onManualChange,
}: {
  form: ClientForm
  field: QualityField
  label: string
  list: string
  onManualChange: (field: QualityField) => void
}) {
  const props = fieldProps(form, field, label)
  return (
    <Select
      {...props}
      data={hudOptions(list as never)}
      allowDeselect={false}
      onChange={(value) => {
        onManualChange(field)
        props.onChange(value)
      }}
    />
  )
}

function SectionBasic({
  form,
  client,
  warnings,
  onManualQuality,
}: {
  form: ClientForm
  client?: Client
  warnings: Record<string, string>
  onManualQuality: (field: QualityField) => void
}) {
  const values = form.getValues()
  const checkWarnings = Object.values(warnings)
  return (
    <FormSection id="section-basic" title="A. Basic Client Information">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput autoComplete="off" {...fieldProps(form, 'firstName', 'First name')} />
        <TextInput autoComplete="off" {...fieldProps(form, 'middleName', 'Middle name')} />
        <TextInput autoComplete="off" {...fieldProps(form, 'lastName', 'Last name')} />
        <TextInput
          autoComplete="off"
          {...fieldProps(form, 'nameSuffix', 'Suffix')}
          placeholder="Jr., Sr., III"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <QualitySelect
          form={form}
          field="nameDataQuality"
          label="Name data quality"
          list={NAME_QUALITY_LIST}
          onManualChange={onManualQuality}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          autoComplete="off"
          inputMode="numeric"
          {...fieldProps(form, 'ssn', 'Social Security Number')}
          withAsterisk={!client}
          placeholder={client?.ssn ? `${client.ssn} on file` : '123-45-6789'}
          description={
            client?.ssn
              ? 'Leave empty to keep the number on file; type a new one to replace it.'
              : 'All 9 digits, or the last 4 with "Approximate or partial".'
          }
        />
        <QualitySelect
          form={form}
          field="ssnDataQuality"
          label="SSN data quality"
          list={SSN_QUALITY_LIST}
          onManualChange={onManualQuality}
        />
        <TextInput type="date" {...fieldProps(form, 'dob', 'Date of birth')} />
        <QualitySelect
          form={form}
          field="dobDataQuality"
          label="DOB data quality"
          list={DOB_QUALITY_LIST}
          onManualChange={onManualQuality}
        />
      </SimpleGrid>
      {checkWarnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Check before saving" role="status">
          <Stack gap={2}>
            {checkWarnings.map((warning) => (
              <Text key={warning} size="sm">
                {warning}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {client ? (
        <Text size="sm" c="dimmed">
          {client.aliases.length > 0
            ? `Aliases and former names: ${client.aliases
                .map((alias) => [alias.firstName, alias.lastName].filter(Boolean).join(' '))
                .join(', ')}. `
            : 'No aliases or former names. '}
          Add or remove them on the Profile page.
        </Text>
      ) : (
        <AliasesFields form={form} aliases={values.aliases} />
      )}
    </FormSection>
  )
}

function AliasesFields({ form, aliases }: { form: ClientForm; aliases: ClientFormValues['aliases'] }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Aliases and former names
      </Text>
      {aliases.length === 0 && (
        <Text size="sm" c="dimmed">
          Names the client has used before or goes by on the street; Find Client searches them too.
        </Text>
      )}
      {aliases.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <Group key={index} align="flex-end" gap="sm" wrap="wrap">
          <Select
            {...form.getInputProps(`aliases.${index}.kind`)}
            label={`Kind of name ${index + 1}`}
            data={ALIAS_KINDS.map((kind) => ({ value: kind, label: ALIAS_KIND_LABELS[kind] }))}
            allowDeselect={false}
            w={200}
          />
          <TextInput {...fieldProps(form, `aliases.${index}.firstName`, `First name ${index + 1}`)} w={200} />
          <TextInput {...fieldProps(form, `aliases.${index}.lastName`, `Last name ${index + 1}`)} w={200} />
          <Button variant="subtle" color="red" onClick={() => form.removeListItem('aliases', index)}>
            Remove
          </Button>
        </Group>
      ))}
      <div>
        <Button
          variant="light"
          size="xs"
          onClick={() => form.insertListItem('aliases', { kind: 'alias', firstName: '', lastName: '' })}
        >
          Add alias or former name
        </Button>
      </div>
    </Stack>
  )
}

function RaceEthnicityField({ form }: { form: ClientForm }) {
  const values = form.getValues()
  const selected = values.raceNone ? [`${RACE_NONE_PREFIX}${values.raceNone}`] : values.raceEthnicity
  const props = form.getInputProps('raceEthnicity')
  const raceNoneError = form.getInputProps('raceNone').error
  return (
    <Checkbox.Group
      label="Race and ethnicity"
      description="Select all that apply (HUD 3.04)"
      withAsterisk
      value={selected}
      error={readableError('Race and ethnicity', props.error ?? raceNoneError)}
      onChange={(next) => {
        // A reason for no answer and an answer exclude each other: the last click decides.
        const added = next.find((value) => !selected.includes(value))
        if (added?.startsWith(RACE_NONE_PREFIX)) {
          form.setValues({ raceEthnicity: [], raceNone: added.slice(RACE_NONE_PREFIX.length) })
        } else {
          form.setValues({
            raceEthnicity: next.filter((value) => !value.startsWith(RACE_NONE_PREFIX)),
            raceNone: null,
          })
        }
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt="xs">
        {RACE_ETHNICITY_OPTIONS.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} />
        ))}
      </SimpleGrid>
      <Divider my="xs" label="or, when not answered" labelPosition="left" />
      <Group gap="lg">
        {RACE_NONE_OPTIONS.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} />
        ))}
      </Group>
    </Checkbox.Group>
  )
}

function SectionDemographics({ form }: { form: ClientForm }) {
  const values = form.getValues()
  return (
    <FormSection id="section-demographics" title="B. Demographics">
      <RaceEthnicityField form={form} />
      <TextInput
        {...fieldProps(form, 'additionalRaceEthnicity', 'Additional race and ethnicity detail')}
        description="In the client's own words, if they want to add any"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Select
          {...fieldProps(form, 'sex', 'Sex')}
          description="HUD 4.21"
          data={hudOptions(SEX_LIST)}
          allowDeselect={false}
        />
        <TextInput
          {...fieldProps(form, 'genderIdentity', 'Gender identity')}
          description="Local field, in the client's words; not exported to HUD"
        />
        <Select
          {...fieldProps(form, 'veteranStatus', 'Veteran status')}
          description="Required for adults (HUD 3.07)"
          data={hudOptions(NO_YES_MISSING_LIST)}
          allowDeselect={false}
        />
      </SimpleGrid>
      {values.veteranStatus === VETERAN_YES && <VeteranDetailsFields form={form} />}
    </FormSection>
  )
}

const THEATER_LABELS: Record<(typeof VETERAN_THEATERS)[number], string> = {
  worldWarII: 'World War II',
  koreanWar: 'Korean War',
  vietnamWar: 'Vietnam War',
  desertStorm: 'Gulf War (Desert Storm)',
  afghanistanOEF: 'Afghanistan (OEF)',
  iraqOIF: 'Iraq (OIF)',
  iraqOND: 'Iraq (OND)',
  otherTheater: 'Other peacekeeping',
}

function VeteranDetailsFields({ form }: { form: ClientForm }) {
  const theaterOptions = hudOptions(NO_YES_MISSING_LIST)
  return (
    <Fieldset legend="Veteran’s information (HUD V1)" variant="filled">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NumberInput
            {...fieldProps(form, 'veteranDetails.yearEnteredService', 'Year entered service')}
            min={1920}
            max={2200}
            allowDecimal={false}
            hideControls
          />
          <NumberInput
            {...fieldProps(form, 'veteranDetails.yearSeparated', 'Year separated')}
            min={1920}
            max={2200}
            allowDecimal={false}
            hideControls
          />
          <Select
            {...fieldProps(form, 'veteranDetails.militaryBranch', 'Branch of the military')}
            data={hudOptions('V1.11')}
            clearable
          />
          <Select
            {...fieldProps(form, 'veteranDetails.dischargeStatus', 'Discharge status')}
            data={hudOptions('V1.12')}
            clearable
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Theaters of operations
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {VETERAN_THEATERS.map((theater) => (
            <Select
              key={theater}
              {...fieldProps(form, `veteranDetails.${theater}`, THEATER_LABELS[theater])}
              data={theaterOptions}
              clearable
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Fieldset>
  )
}

const MAX_PHONES = 5

function SectionContact({ form }: { form: ClientForm }) {
  const { contact } = form.getValues()
  return (
    <FormSection id="section-contact" title="C. Contact">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Phone numbers
        </Text>
        {contact.phones.length === 0 && (
          <Text size="sm" c="dimmed">
            No phone number recorded.
          </Text>
        )}
        {contact.phones.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <Group key={index} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              {...fieldProps(form, `contact.phones.${index}.number`, `Phone ${index + 1}`)}
              type="tel"
              autoComplete="off"
              w={200}
            />
            <Select
              {...form.getInputProps(`contact.phones.${index}.type`)}
              label={`Type of phone ${index + 1}`}
              data={PHONE_TYPES.map((type) => ({ value: type, label: PHONE_TYPE_LABELS[type] }))}
              allowDeselect={false}
              w={180}
            />
            <Checkbox
              {...form.getInputProps(`contact.phones.${index}.safeToLeaveMessage`, { type: 'checkbox' })}
              label="Safe to leave a message"
              mb={8}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove phone ${index + 1}`}
              onClick={() => form.removeListItem('contact.phones', index)}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {contact.phones.length < MAX_PHONES && (
          <div>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                form.insertListItem('contact.phones', {
                  number: '',
                  type: 'mobile',
                  safeToLeaveMessage: false,
                })
              }
            >
              Add phone
            </Button>
          </div>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput {...fieldProps(form, 'contact.email', 'Email')} type="email" autoComplete="off" />
      </SimpleGrid>
      <Checkbox
        {...form.getInputProps('contact.noFixedAddress', { type: 'checkbox' })}
        label="No fixed address"
        description="Literally homeless, or no address the client wants to give"
      />
      {!contact.noFixedAddress && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput {...fieldProps(form, 'contact.address.line1', 'Address line 1')} autoComplete="off" />
          <TextInput {...fieldProps(form, 'contact.address.line2', 'Address line 2')} autoComplete="off" />
          <TextInput {...fieldProps(form, 'contact.address.city', 'City')} autoComplete="off" />
          <Group gap="sm" grow>
            <TextInput
              {...fieldProps(form, 'contact.address.state', 'State')}
              maxLength={2}
              placeholder="GA"
            />
            <TextInput {...fieldProps(form, 'contact.address.zip', 'ZIP code')} inputMode="numeric" />
          </Group>
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          {...fieldProps(form, 'contact.preferredContactMethod', 'Preferred contact method')}
          data={labelledOptions(CONTACT_METHOD_LABELS)}
          clearable
        />
        <TextInput
          {...fieldProps(form, 'contact.preferredContactTimes', 'Preferred contact times')}
          placeholder="e.g. weekday mornings"
        />
      </SimpleGrid>
      <Textarea
        {...fieldProps(form, 'contact.safetyNotes', 'Safety notes')}
        description="Read before every contact attempt, e.g. “do not call after 6pm, partner checks the phone”"
        autosize
        minRows={2}
      />
    </FormSection>
  )
}

function SectionFamily({ form }: { form: ClientForm }) {
  return (
    <FormSection id="section-family" title="D. Family">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Select
          {...fieldProps(form, 'maritalStatus', 'Marital status')}
          data={labelledOptions(MARITAL_STATUS_LABELS)}
          clearable
        />
        <NumberInput
          {...fieldProps(form, 'childrenCount', 'Number of children')}
          min={0}
          max={30}
          allowDecimal={false}
          allowNegative={false}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Household members and their relationship to the head of household are recorded on the client’s
        Household page once the client is saved.
      </Text>
    </FormSection>
  )
}

function SectionRestriction({ form, client }: { form: ClientForm; client?: Client }) {
  const locked = client ? !client.canChangeRestriction : false
  const props = form.getInputProps('restriction')
  const referralsViewable = client?.referralsViewableByOtherAgencies ?? false
  return (
    <FormSection id="section-restriction" title="E. Record restriction">
      <Radio.Group
        {...props}
        label="Who outside your agency may see this record"
        description={locked ? 'Your role cannot change who may see a client record.' : undefined}
      >
        <Stack gap="sm" mt="xs">
          {RESTRICTIONS.map((restriction: Restriction) => (
            <Radio
              key={restriction}
              value={restriction}
              label={RESTRICTION_LABELS[restriction]}
              description={RESTRICTION_EXPLANATIONS[restriction]}
              disabled={locked}
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label="Referrals viewable by other agencies?"
        value={referralsViewable ? 'Yes' : 'No'}
        readOnly
        variant="filled"
        maw={360}
        description={
          referralsViewable
            ? 'The record is open and the client has an active CoC-wide release of project data.'
            : 'Only when the record is open and the client has an active CoC-wide release of project data (recorded on the Releases page).'
        }
      />
    </FormSection>
  )
}

/** Sections A–E of the intake form. */
export function ClientFormSections({
  form,
  client,
  warnings,
  onManualQuality,
}: {
  form: ClientForm
  /** The record being edited; absent for a new client. */
  client?: Client
  warnings: Record<string, string>
  onManualQuality: (field: QualityField) => void
}) {
  return (
    <Stack gap="md">
      <SectionBasic form={form} client={client} warnings={warnings} onManualQuality={onManualQuality} />
      <SectionDemographics form={form} />
      <SectionContact form={form} />
      <SectionFamily form={form} />
      <SectionRestriction form={form} client={client} />
    </Stack>
  )
}
