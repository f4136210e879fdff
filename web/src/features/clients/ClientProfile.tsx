import {
  Alert,
  Button,
  DataList,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ALIAS_KINDS, type Client, NewClientAlias, RACE_ETHNICITY_LABELS } from '@threshold/core'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { ConfirmAction } from '../../components/ConfirmAction'
import { formatDate } from '../../components/format'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { PATHS } from '../shell/navigation'
import { readableError } from './ClientFormSections'
import {
  ALIAS_KIND_LABELS,
  CONTACT_METHOD_LABELS,
  codeLabel,
  DOB_QUALITY_LIST,
  MARITAL_STATUS_LABELS,
  NAME_QUALITY_LIST,
  NO_YES_MISSING_LIST,
  PHONE_TYPE_LABELS,
  RACE_NONE_LIST,
  RESTRICTION_EXPLANATIONS,
  RESTRICTION_LABELS,
  SEX_LIST,
  SSN_QUALITY_LIST,
} from './client-options'
import { clientKeys, clientsApi } from './clients-api'

const orDash = (value: ReactNode) => (value === null || value === undefined || value === '' ? '—' : value)

function Facts({ items, labelWidth = 200 }: { items: [string, ReactNode][]; labelWidth?: number }) {
  return (
    <DataList size="sm" labelWidth={labelWidth} gap={6}>
      {items.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
          <DataList.ItemValue>{orDash(value)}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  )
}

function ProfileSection({ title, children }: { title: string; children: ReactNode }) {
  const id = `profile-${title.slice(0, 1).toLowerCase()}`
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

function FullSsn({ client }: { client: Client }) {
  const [shown, setShown] = useState<string | null>(null)
  const reveal = useMutation({
    mutationFn: () => clientsApi.fullSsn(client.id),
    onSuccess: (answer) => setShown(answer.ssn),
  })
  if (!client.ssn) return <>—</>
  if (shown) {
    const formatted = `${shown.slice(0, 3)}-${shown.slice(3, 5)}-${shown.slice(5)}`
    return (
      <Group gap="xs">
        <Text span ff="monospace" size="sm">
          {formatted}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setShown(null)}>
          Hide
        </Button>
      </Group>
    )
  }
  return (
    <Group gap="xs">
      <Text span ff="monospace" size="sm">
        {client.ssn}
      </Text>
      {client.canReadFullSsn && client.ssnDataQuality === 1 && (
        <Button size="compact-xs" variant="subtle" loading={reveal.isPending} onClick={() => reveal.mutate()}>
          Show full SSN
        </Button>
      )}
      {reveal.isError && (
        <Text span size="xs" c="red.9" role="alert">
          {errorMessage(reveal.error)}
        </Text>
      )}
    </Group>
  )
}

function raceText(client: Client): string {
  if (client.raceEthnicity.length > 0) {
    return client.raceEthnicity.map((column) => RACE_ETHNICITY_LABELS[column]).join('; ')
  }
  return codeLabel(RACE_NONE_LIST, client.raceNone)
}

function addressText(client: Client): string | null {
  if (client.contact.noFixedAddress) return 'No fixed address'
  const address = client.contact.address
  if (!address) return null
  const cityLine = [address.city, [address.state, address.zip].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ')
  return [address.line1, address.line2, cityLine].filter(Boolean).join(' · ')
}

function AliasesCard({ client }: { client: Client }) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { kind: 'alias' as (typeof ALIAS_KINDS)[number], firstName: '', lastName: '' },
    validate: (values) => {
      const result = NewClientAlias.safeParse(values)
      return Object.fromEntries(
        (result.error?.issues ?? []).map((issue) => [issue.path.join('.') || 'lastName', issue.message]),
      )
    },
  })
  const updated = (saved: Client) => queryClient.setQueryData(clientKeys.detail(client.id), saved)
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => clientsApi.addAlias(client.id, values),
    {
      onSuccess: async (saved) => {
        updated(saved)
        form.reset()
        await queryClient.invalidateQueries({ queryKey: clientKeys.history(client.id) })
      },
    },
  )
  const remove = useMutation({
    mutationFn: (aliasId: string) => clientsApi.removeAlias(client.id, aliasId),
    onSuccess: updated,
  })

  return (
    <ProfileSection title="Aliases and former names">
      <Stack gap="sm">
        {client.aliases.length === 0 ? (
          <Text size="sm" c="dimmed">
            None recorded.
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                {client.canEdit && (
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {client.aliases.map((alias) => {
                const name = [alias.firstName, alias.lastName].filter(Boolean).join(' ')
                return (
                  <Table.Tr key={alias.id}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>{ALIAS_KIND_LABELS[alias.kind]}</Table.Td>
                    {client.canEdit && (
                      <Table.Td ta="right">
                        <ConfirmAction
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          label="Remove"
                          aria-label={`Remove ${name}`}
                          title={`Remove “${name}”?`}
                          message="Find Client will no longer find the client by this name. The record’s history keeps it."
                          confirmLabel="Remove"
                          loading={remove.isPending && remove.variables === alias.id}
                          onConfirm={() => remove.mutate(alias.id)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
        {remove.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(remove.error)}
          </Text>
        )}
        {client.canEdit && (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="xs">
              <FormError message={error} />
              <Group align="flex-end" gap="sm" wrap="wrap">
                <Select
                  label="Kind of name"
                  data={ALIAS_KINDS.map((kind) => ({ value: kind, label: ALIAS_KIND_LABELS[kind] }))}
                  allowDeselect={false}
                  w={200}
                  {...form.getInputProps('kind')}
                />
                <TextInput
                  label="First name"
                  w={180}
                  {...form.getInputProps('firstName')}
                  error={readableError('First name', form.getInputProps('firstName').error)}
                />
                <TextInput
                  label="Last name"
                  w={180}
                  {...form.getInputProps('lastName')}
                  error={readableError('Name', form.getInputProps('lastName').error)}
                />
                <Button type="submit" variant="light" loading={pending}>
                  Add name
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </ProfileSection>
  )
}

/** The intake assessment as recorded, section by section, with Edit for the owning agency. */
export function ClientProfile({ client }: { client: Client }) {
  const veteran = client.veteranDetails
  const phones = client.contact.phones ?? []
  const fullName = [client.firstName, client.middleName, client.lastName, client.nameSuffix]
    .filter(Boolean)
    .join(' ')
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Profile
        </Title>
        {client.canEdit ? (
          <Button component={Link} to={`${PATHS.clients}/${client.id}/edit`}>
            Edit profile
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            Kept by {client.ownerOrganizationName}; only its staff can change it.
          </Text>
        )}
      </Group>
      {client.contact.safetyNotes && (
        <Alert color="red" variant="light" title="Safety notes — read before contacting the client">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {client.contact.safetyNotes}
          </Text>
        </Alert>
      )}
      <ProfileSection title="A. Basic Client Information">
        <Facts
          items={[
            ['Name', fullName],
            ['Name data quality', codeLabel(NAME_QUALITY_LIST, client.nameDataQuality)],
            ['Social Security Number', <FullSsn key="ssn" client={client} />],
            ['SSN data quality', codeLabel(SSN_QUALITY_LIST, client.ssnDataQuality)],
            ['Date of birth', client.dob ? formatDate(client.dob) : null],
            ['DOB data quality', codeLabel(DOB_QUALITY_LIST, client.dobDataQuality)],
          ]}
        />
      </ProfileSection>
      <AliasesCard client={client} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ProfileSection title="B. Demographics">
          <Facts
            labelWidth={150}
            items={[
              ['Race and ethnicity', raceText(client)],
              ['Additional detail', client.additionalRaceEthnicity],
              ['Sex', codeLabel(SEX_LIST, client.sex)],
              ['Gender identity', client.genderIdentity],
              ['Veteran status', codeLabel(NO_YES_MISSING_LIST, client.veteranStatus)],
              ...(veteran
                ? ([
                    [
                      'Years of service',
                      [veteran.yearEnteredService, veteran.yearSeparated].filter(Boolean).join(' – ') || null,
                    ],
                    [
                      'Branch',
                      veteran.militaryBranch == null ? null : codeLabel('V1.11', veteran.militaryBranch),
                    ],
                    [
                      'Discharge status',
                      veteran.dischargeStatus == null ? null : codeLabel('V1.12', veteran.dischargeStatus),
                    ],
                  ] as [string, ReactNode][])
                : []),
            ]}
          />
        </ProfileSection>
        <ProfileSection title="C. Contact">
          <Facts
            labelWidth={150}
            items={[
              [
                'Phone',
                phones.length > 0 ? (
                  <Stack gap={0} key="phones">
                    {phones.map((phone) => (
                      <span key={phone.number}>
                        {phone.number} ({PHONE_TYPE_LABELS[phone.type]}
                        {phone.safeToLeaveMessage ? ', safe to leave a message' : ', no messages'})
                      </span>
                    ))}
                  </Stack>
                ) : null,
              ],
              ['Email', client.contact.email],
              ['Address', addressText(client)],
              [
                'Preferred contact',
                [
                  client.contact.preferredContactMethod &&
                    CONTACT_METHOD_LABELS[client.contact.preferredContactMethod],
                  client.contact.preferredContactTimes,
                ]
                  .filter(Boolean)
                  .join(', ') || null,
              ],
            ]}
          />
        </ProfileSection>
        <ProfileSection title="D. Family">
          <Facts
            labelWidth={150}
            items={[
              ['Marital status', client.maritalStatus && MARITAL_STATUS_LABELS[client.maritalStatus]],
              ['Number of children', client.childrenCount],
            ]}
          />
        </ProfileSection>
        <ProfileSection title="E. Record restriction">
          <Facts
            labelWidth={150}
            items={[
              [
                'Restriction',
                <Stack gap={0} key="restriction">
                  <Text size="sm">{RESTRICTION_LABELS[client.restriction]}</Text>
                  <Text size="xs" c="dimmed">
                    {RESTRICTION_EXPLANATIONS[client.restriction]}
                  </Text>
                </Stack>,
              ],
              [
                'Referrals viewable by other agencies?',
                client.referralsViewableByOtherAgencies ? 'Yes' : 'No',
              ],
              ['Owner agency', client.ownerOrganizationName],
            ]}
          />
        </ProfileSection>
      </SimpleGrid>
    </Stack>
  )
}
