import {
  Button,
  Checkbox,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import {
  type AssistanceTotals,
  type Client,
  type Enrollment,
  FINANCIAL_ASSISTANCE_KIND_LABELS,
  SERVICE_CATEGORY_LABELS,
  type ServiceRecord,
  type ServiceType,
} from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { QueryState } from '../../components/QueryState'
import { DraftFormFrame, FormModal, PastDateInput, pastDateError, useDraftForm } from '../clients/DraftForm'
import { todayIso } from '../clients/use-client-form'
import { enrollmentOptions } from '../enrollments/enrollment-options'
import { enrollmentKeys, enrollmentsApi } from '../enrollments/enrollments-api'
import { serviceKeys, servicesApi } from './services-api'

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
export const formatMoney = (amount: number) => money.format(amount)

const serviceLabel = (type: Pick<ServiceType, 'name' | 'category'>) =>
  `${type.name} (${SERVICE_CATEGORY_LABELS[type.category]})`

/** How much was given: the amount in dollars, or the quantity in the service's unit. */
export const serviceMeasure = (record: Pick<ServiceRecord, 'amount' | 'quantity' | 'serviceType'>) =>
  record.amount !== null ? formatMoney(record.amount) : `${record.quantity ?? '—'} ${record.serviceType.unit}`

interface ServiceValues {
  date: string
  serviceTypeId: string | null
  value: number | string
  funder: string
  note: string
  wholeHousehold: boolean
}

function RecordServiceForm({ enrollment, onClose }: { enrollment: Enrollment; onClose: () => void }) {
  const today = todayIso()
  const catalogue = useQuery({
    queryKey: serviceKeys.catalogue(false),
    queryFn: () => servicesApi.catalogue(),
  })
  const form = useForm<ServiceValues>({
    initialValues: {
      date: today,
      serviceTypeId: null,
      value: '',
      funder: '',
      note: '',
      wholeHousehold: false,
    },
    validate: {
      date: (value) => pastDateError(value, today, 'date'),
      serviceTypeId: (value) => (value ? null : 'Choose the service'),
    },
  })
  const values = form.getValues()
  const chosen = catalogue.data?.find((type) => type.id === values.serviceTypeId)
  const dollars = chosen?.unit === 'dollars'
  const { draft, submit } = useDraftForm(form, {
    subject: `service:${enrollment.id}`,
    save: (submitted) => {
      const measure =
        submitted.value === '' ? {} : { [dollars ? 'amount' : 'quantity']: Number(submitted.value) }
      return servicesApi.record(enrollment.id, {
        date: submitted.date,
        serviceTypeId: submitted.serviceTypeId ?? '',
        ...measure,
        ...(submitted.funder.trim() && { funder: submitted.funder.trim() }),
        ...(submitted.note.trim() && { note: submitted.note.trim() }),
        wholeHousehold: submitted.wholeHousehold,
      })
    },
    refresh: serviceKeys.all,
    onClose,
    fieldNames: { amount: 'value', quantity: 'value' },
  })
  return (
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Record service">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PastDateInput label="Date" {...form.getInputProps('date')} />
        <Select
          label="Service"
          withAsterisk
          searchable
          data={(catalogue.data ?? []).map((type) => ({ value: type.id, label: serviceLabel(type) }))}
          {...form.getInputProps('serviceTypeId')}
        />
        <NumberInput
          label={dollars ? 'Amount' : `Quantity${chosen ? ` (${chosen.unit})` : ''}`}
          description={
            chosen?.defaultValue != null ? `Blank: the default, ${chosen.defaultValue}` : undefined
          }
          prefix={dollars ? '$' : undefined}
          min={0}
          decimalScale={2}
          thousandSeparator=","
          {...form.getInputProps('value')}
        />
        <TextInput label="Funder or grant" maxLength={200} {...form.getInputProps('funder')} />
      </SimpleGrid>
      <Textarea label="Note" maxLength={2000} autosize minRows={2} {...form.getInputProps('note')} />
      <Checkbox
        label="For the whole household (everyone enrolled on the date)"
        description="Each member gets a record with this quantity or amount: a rent payment is recorded once"
        {...form.getInputProps('wholeHousehold', { type: 'checkbox' })}
      />
    </DraftFormFrame>
  )
}

function totalsText(totals: AssistanceTotals): string {
  if (totals.byKind.length === 0) return formatMoney(0)
  const kinds = totals.byKind
    .map((entry) => `${FINANCIAL_ASSISTANCE_KIND_LABELS[entry.kind]} ${formatMoney(entry.amount)}`)
    .join(', ')
  return `${formatMoney(totals.total)} (${kinds})`
}

function FinancialAssistance({ client }: { client: Client }) {
  const assistance = useQuery({
    queryKey: serviceKeys.assistance(client.id),
    queryFn: () => servicesApi.assistance(client.id),
  })
  return (
    <QueryState query={assistance} label="the financial assistance">
      {({ enrollments }) => (
        <ListTable minWidth={560}>
          <Table.Caption>Financial assistance per enrollment and household</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Enrollment</Table.Th>
              <Table.Th>For this client</Table.Th>
              <Table.Th>For the household</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {enrollments.length === 0 && <EmptyRow colSpan={3}>No enrollment.</EmptyRow>}
            {enrollments.map((row) => (
              <Table.Tr key={row.enrollmentId}>
                <Table.Td>
                  {row.project.name} ({formatDate(row.entryDate)} –{' '}
                  {row.exitDate ? formatDate(row.exitDate) : 'open'})
                </Table.Td>
                <Table.Td>{totalsText(row.enrollment)}</Table.Td>
                <Table.Td>{totalsText(row.household)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </QueryState>
  )
}

function EnrollmentServices({ enrollment }: { enrollment: Enrollment }) {
  const [recording, setRecording] = useState(false)
  const services = useQuery({
    queryKey: serviceKeys.ofEnrollment(enrollment.id),
    queryFn: () => servicesApi.ofEnrollment(enrollment.id),
  })
  return (
    <Stack gap="xs">
      {enrollment.canEdit && (
        <div>
          <Button size="xs" variant="light" onClick={() => setRecording(true)}>
            Record a service
          </Button>
        </div>
      )}
      <QueryState query={services} label="the services">
        {(list) => (
          <ListTable minWidth={640}>
            <Table.Caption>Services of {enrollment.projectName}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Service</Table.Th>
                <Table.Th>Quantity or amount</Table.Th>
                <Table.Th>Funder</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.length === 0 && <EmptyRow colSpan={5}>No service recorded.</EmptyRow>}
              {list.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{formatDate(record.date)}</Table.Td>
                  <Table.Td>{serviceLabel(record.serviceType)}</Table.Td>
                  <Table.Td>{serviceMeasure(record)}</Table.Td>
                  <Table.Td>{record.funder ?? '—'}</Table.Td>
                  <Table.Td>{record.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryState>
      <FormModal
        opened={recording}
        onClose={() => setRecording(false)}
        title={`Record a service — ${enrollment.projectName}`}
        size="lg"
      >
        <RecordServiceForm enrollment={enrollment} onClose={() => setRecording(false)} />
      </FormModal>
    </Stack>
  )
}

/** Services recorded on the client's enrollments, and the financial assistance they add up to. */
export function ServicesPanel({ client }: { client: Client }) {
  const enrollments = useQuery({
    queryKey: enrollmentKeys.ofClient(client.id),
    queryFn: () => enrollmentsApi.ofClient(client.id),
  })
  const [chosen, setChosen] = useState<string | null>(null)
  return (
    <Stack gap="sm" component="section" aria-labelledby="services-heading">
      <Title order={3} size="h4" id="services-heading">
        Services and financial assistance
      </Title>
      <FinancialAssistance client={client} />
      <QueryState query={enrollments} label="the enrollments">
        {(list) => {
          if (list.length === 0)
            return <Text size="sm">Services are recorded on an enrollment: enroll first.</Text>
          const enrollment = list.find((candidate) => candidate.id === chosen) ?? list[0]
          return (
            <Stack gap="xs">
              <Select
                label="Enrollment"
                maw={420}
                allowDeselect={false}
                value={enrollment?.id ?? null}
                onChange={setChosen}
                data={enrollmentOptions(list)}
              />
              {enrollment && <EnrollmentServices key={enrollment.id} enrollment={enrollment} />}
            </Stack>
          )
        }}
      </QueryState>
    </Stack>
  )
}
