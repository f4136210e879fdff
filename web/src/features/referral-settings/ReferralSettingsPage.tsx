import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  DECLINE_CONSEQUENCE_LABELS,
  DECLINE_CONSEQUENCES,
  type DeclineConsequence,
  type DeclineReason,
  type ReferralRules,
  type ReferralTimerSettings,
} from '@threshold/core'
import type { FormEventHandler, ReactNode } from 'react'
import { type FieldMapping, FormError, useFormSubmit } from '../../components/forms'
import { ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { projectTypeLabel } from '../projects/project-types'
import { referralKeys, referralsApi } from '../referrals/referrals-api'
import {
  type DeclineReasonRow,
  declineErrorPaths,
  declineReasonsUpdateFrom,
  declineRowsFrom,
  inheritedTimers,
  newDeclineRow,
  TIMER_FIELDS,
  TIMER_LIMITS,
  type TimerRow,
  timerErrorPaths,
  timerRowsFrom,
  timerSettingsFrom,
  validateDeclineRows,
  validateTimerRows,
} from './settings-forms'

const CONSEQUENCE_OPTIONS = DECLINE_CONSEQUENCES.map((value) => ({
  value,
  label: DECLINE_CONSEQUENCE_LABELS[value],
}))

/**
 * Saves one settings form; on success the form shows what the server kept (no longer dirty) and the
 * settings query is refreshed. A failure keeps the input and marks the fields.
 */
function useSettingsSave<Values, Saved>(
  form: UseFormReturnType<Values>,
  save: (values: Values) => Promise<Saved>,
  options: { valuesFrom: (saved: Saved) => Values; queryKey: QueryKey } & FieldMapping,
) {
  const queryClient = useQueryClient()
  const { valuesFrom, queryKey, ...fieldMapping } = options
  const submit = useFormSubmit(form, save, {
    ...fieldMapping,
    onSuccess: async (saved) => {
      form.setValues(valuesFrom(saved))
      form.resetDirty(valuesFrom(saved))
      await queryClient.invalidateQueries({ queryKey })
    },
  })
  return { ...submit, saved: submit.succeeded && !form.isDirty() }
}

/** One settings form in its card: title, explanation, the save outcome, then the fields. */
function SettingsCard({
  title,
  description,
  onSubmit,
  error,
  saved,
  children,
}: {
  title: string
  description?: ReactNode
  onSubmit: FormEventHandler<HTMLFormElement>
  error: string | null
  saved: boolean
  children: ReactNode
}) {
  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <div>
            <Title order={2} size="h4">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          <FormError message={error} />
          {saved && (
            <Alert color="green" variant="light" role="status">
              Saved.
            </Alert>
          )}
          {children}
        </Stack>
      </form>
    </Paper>
  )
}

const reasonName = (row: DeclineReasonRow, index: number) => row.label.trim() || `reason ${index + 1}`

function DeclineReasonsForm({ reasons }: { reasons: DeclineReason[] }) {
  const form = useForm<{ rows: DeclineReasonRow[] }>({
    initialValues: { rows: declineRowsFrom(reasons) },
    validate: (values) => validateDeclineRows(values.rows),
  })
  const rows = form.getValues().rows
  const { onSubmit, error, pending, saved } = useSettingsSave(
    form,
    (values) => referralsApi.saveDeclineReasons(declineReasonsUpdateFrom(values.rows)),
    {
      fieldNames: declineErrorPaths(rows),
      valuesFrom: (kept) => ({ rows: declineRowsFrom(kept) }),
      queryKey: referralKeys.declineReasons,
    },
  )
  return (
    <SettingsCard
      title="Decline reasons"
      description="The reasons a provider chooses from when declining a referral, and what happens to the household on the Housing Queue. Inactive reasons are no longer offered but stay on old referrals."
      onSubmit={onSubmit}
      error={error}
      saved={saved}
    >
      {form.errors.rows && (
        <Text c="red" size="sm" role="alert">
          {form.errors.rows}
        </Text>
      )}
      <ListTable minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Label</Table.Th>
            <Table.Th>Consequence</Table.Th>
            <Table.Th>Days inactive</Table.Th>
            <Table.Th>Active</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const name = reasonName(row, index)
            return (
              // Rows are only appended, never reordered or removed: the index is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={index}>
                <Table.Td>
                  <TextInput aria-label={`Code of ${name}`} {...form.getInputProps(`rows.${index}.code`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Label of reason ${index + 1}`}
                    {...form.getInputProps(`rows.${index}.label`)}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Consequence of ${name}`}
                    data={CONSEQUENCE_OPTIONS}
                    {...form.getInputProps(`rows.${index}.consequence`)}
                    onChange={(event) => {
                      const consequence = event.currentTarget.value as DeclineConsequence
                      form.setFieldValue(`rows.${index}.consequence`, consequence)
                      if (consequence !== 'inactive') form.setFieldValue(`rows.${index}.inactiveDays`, '')
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Days inactive for ${name}`}
                    disabled={row.consequence !== 'inactive'}
                    min={1}
                    max={365}
                    allowDecimal={false}
                    allowNegative={false}
                    w={110}
                    {...form.getInputProps(`rows.${index}.inactiveDays`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${name} is active`}
                    {...form.getInputProps(`rows.${index}.active`, { type: 'checkbox' })}
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </ListTable>
      <Group justify="space-between">
        <Button variant="default" onClick={() => form.insertListItem('rows', newDeclineRow())}>
          Add a reason
        </Button>
        <Button type="submit" loading={pending}>
          Save decline reasons
        </Button>
      </Group>
    </SettingsCard>
  )
}

const TIMER_COLUMNS: Record<(typeof TIMER_FIELDS)[number], string> = {
  acknowledgeWorkingDays: 'Acknowledge (working days)',
  decisionDays: 'Decision (days)',
  expireDays: 'Expire (days)',
}

const timerRowName = (row: TimerRow) =>
  row.projectType === null ? 'CoC default' : projectTypeLabel(row.projectType)

function TimersForm({ settings }: { settings: ReferralTimerSettings }) {
  const form = useForm<{ rows: TimerRow[] }>({
    initialValues: { rows: timerRowsFrom(settings) },
    validate: (values) => validateTimerRows(values.rows),
  })
  const rows = form.getValues().rows
  const { onSubmit, error, pending, saved } = useSettingsSave(
    form,
    (values) => referralsApi.saveTimers(timerSettingsFrom(values.rows)),
    {
      fieldNames: timerErrorPaths(rows),
      valuesFrom: (kept) => ({ rows: timerRowsFrom(kept) }),
      queryKey: referralKeys.timers,
    },
  )
  return (
    <SettingsCard
      title="Timers by project type"
      description="How long the receiving agency has to acknowledge and decide, and when an undecided referral expires. An empty box uses the value shown in it: the CoC default where set, otherwise the built-in one. Referrals already sent keep their due dates."
      onSubmit={onSubmit}
      error={error}
      saved={saved}
    >
      <ListTable minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project type</Table.Th>
            {TIMER_FIELDS.map((field) => (
              <Table.Th key={field}>{TIMER_COLUMNS[field]}</Table.Th>
            ))}
            <Table.Th>Housed on enrollment</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const name = timerRowName(row)
            const inherited = inheritedTimers(rows, row.projectType)
            return (
              <Table.Tr key={row.projectType ?? 'default'}>
                <Table.Td>{name}</Table.Td>
                {TIMER_FIELDS.map((field) => (
                  <Table.Td key={field}>
                    <NumberInput
                      aria-label={`${TIMER_COLUMNS[field]} for ${name}`}
                      placeholder={String(inherited[field])}
                      min={1}
                      max={TIMER_LIMITS[field]}
                      allowDecimal={false}
                      allowNegative={false}
                      w={120}
                      {...form.getInputProps(`rows.${index}.${field}`)}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Switch
                    aria-label={`Housed on enrollment for ${name}`}
                    {...form.getInputProps(`rows.${index}.housedOnEnroll`, { type: 'checkbox' })}
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </ListTable>
      <Text size="xs" c="dimmed">
        Housed on enrollment: enrolling through a referral takes the household off the queue as housed. Off:
        the household stays on the queue for other program types.
      </Text>
      <Group justify="flex-end">
        <Button type="submit" loading={pending}>
          Save timers
        </Button>
      </Group>
    </SettingsCard>
  )
}

function RulesForm({ rules }: { rules: ReferralRules }) {
  const form = useForm<ReferralRules>({ initialValues: rules })
  const { onSubmit, error, pending, saved } = useSettingsSave(form, referralsApi.saveRules, {
    valuesFrom: (kept) => kept,
    queryKey: referralKeys.rules,
  })
  return (
    <SettingsCard title="Rules" onSubmit={onSubmit} error={error} saved={saved}>
      <Switch
        label="One active referral per program type"
        description="A household holds at most one pending, acknowledged or accepted referral to each program type. Referrals already made keep the rule they were made under."
        {...form.getInputProps('oneActivePerProgramType', { type: 'checkbox' })}
      />
      <Group justify="flex-end">
        <Button type="submit" loading={pending}>
          Save rules
        </Button>
      </Group>
    </SettingsCard>
  )
}

/** The CoC's decline reasons, referral timers and referral rules (CoC administrators). */
export function ReferralSettingsPage() {
  const reasons = useQuery({
    queryKey: referralKeys.declineReasonSettings,
    queryFn: referralsApi.declineReasonSettings,
  })
  const timers = useQuery({ queryKey: referralKeys.timers, queryFn: referralsApi.timers })
  const rules = useQuery({ queryKey: referralKeys.rules, queryFn: referralsApi.rules })
  return (
    <>
      <PageHeader
        title="Referral settings"
        description="How referrals work across the CoC: why a provider may decline and what follows, how long each step may take, and who may hold more than one referral."
      />
      <Stack gap="lg">
        <QueryState query={reasons} label="decline reasons">
          {(data) => <DeclineReasonsForm reasons={data} />}
        </QueryState>
        <QueryState query={timers} label="referral timers">
          {(data) => <TimersForm settings={data} />}
        </QueryState>
        <QueryState query={rules} label="referral rules">
          {(data) => <RulesForm rules={data} />}
        </QueryState>
      </Stack>
    </>
  )
}
