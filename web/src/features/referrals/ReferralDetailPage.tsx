import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import {
  CANCEL_REASON_LABELS,
  CANCEL_REASONS,
  DECLINE_CONSEQUENCE_LABELS,
  hudLabel,
  REFERRAL_STATUS_LABELS,
  type ReferralDecline,
  type ReferralDetail,
} from '@threshold/core'
import { type ReactNode, useState } from 'react'
import { formatDate, formatDateTime } from '../../components/format'
import { FormError, useFormSubmit } from '../../components/forms'
import { ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useLiveChannel } from '../../lib/use-live-channel'
import { useSession } from '../auth/session'
import { todayIso } from '../clients/use-client-form'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { ReferralStatusBadge } from './ReferralStatusBadge'
import { referralEventsUrl, referralKeys, referralsApi } from './referrals-api'

type Dialog = 'decline' | 'enroll' | 'cancel' | null

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  )
}

/** One small form in a modal; its input survives a reload (draft) until it is sent. */
function ActionForm<Values extends Record<string, string>>({
  referral,
  subject,
  initialValues,
  submitLabel,
  send,
  onDone,
  children,
}: {
  referral: ReferralDetail
  subject: string
  initialValues: Values
  submitLabel: string
  send: (values: Values) => Promise<ReferralDetail>
  onDone: () => void
  children: (form: UseFormReturnType<Values>) => ReactNode
}) {
  const session = useSession()
  const queryClient = useQueryClient()
  const form = useForm<Values>({ initialValues })
  const draft = useFormDraft(form, {
    key: draftStorageKey(session.user.id, `referral-${subject}-${referral.id}`),
  })
  const submit = useFormSubmit(form, send, {
    onSuccess: async () => {
      draft.clear()
      await queryClient.invalidateQueries({ queryKey: referralKeys.all })
      onDone()
    },
  })
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="sm">
        {children(form)}
        <FormError message={submit.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function DeclineForm({ referral, onDone }: { referral: ReferralDetail; onDone: () => void }) {
  const session = useSession()
  const reasons = useQuery({ queryKey: referralKeys.declineReasons, queryFn: referralsApi.declineReasons })
  const receiving = session.currentOrganizationId === referral.receivingOrganization.id
  const who = [
    ...(receiving ? [{ value: 'provider', label: 'Declined by the provider' }] : []),
    { value: 'client', label: 'Declined by the client' },
    { value: 'unable_to_contact', label: 'Unable to contact / no show' },
  ]
  return (
    <ActionForm
      referral={referral}
      subject="decline"
      initialValues={{ declinedBy: who[0]?.value ?? 'client', reasonCode: '', note: '' }}
      submitLabel="Decline referral"
      send={(values) =>
        referralsApi.decline(referral.id, {
          declinedBy: values.declinedBy as ReferralDecline['declinedBy'],
          ...(values.reasonCode && { reasonCode: values.reasonCode }),
          ...(values.note && { note: values.note }),
        })
      }
      onDone={onDone}
    >
      {(form) => (
        <>
          <Select
            label="Who declined"
            data={who}
            allowDeselect={false}
            {...form.getInputProps('declinedBy')}
          />
          <Select
            label="Reason"
            withAsterisk={form.getValues().declinedBy === 'provider'}
            data={(reasons.data ?? []).map((reason) => ({
              value: reason.code,
              label: `${reason.label} — ${DECLINE_CONSEQUENCE_LABELS[reason.consequence]}${
                reason.inactiveDays ? ` (${reason.inactiveDays} days)` : ''
              }`,
            }))}
            clearable
            {...form.getInputProps('reasonCode')}
          />
          <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        </>
      )}
    </ActionForm>
  )
}

function EnrollForm({ referral, onDone }: { referral: ReferralDetail; onDone: () => void }) {
  return (
    <ActionForm
      referral={referral}
      subject="enroll"
      initialValues={{ entryDate: todayIso(), note: '' }}
      submitLabel="Enroll household"
      send={(values) =>
        referralsApi.enroll(referral.id, {
          entryDate: values.entryDate,
          ...(values.note && { note: values.note }),
        })
      }
      onDone={onDone}
    >
      {(form) => (
        <>
          <Text size="sm">
            Enrolls {referral.members.length} referred {referral.members.length === 1 ? 'person' : 'people'}{' '}
            in {referral.project.name}, head of household and relationships as referred.
          </Text>
          <TextInput
            type="date"
            label="Project start date"
            withAsterisk
            {...form.getInputProps('entryDate')}
          />
          <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        </>
      )}
    </ActionForm>
  )
}

function CancelForm({ referral, onDone }: { referral: ReferralDetail; onDone: () => void }) {
  return (
    <ActionForm
      referral={referral}
      subject="cancel"
      initialValues={{ reason: 'filled_otherwise', note: '' }}
      submitLabel="Cancel referral"
      send={(values) =>
        referralsApi.cancel(referral.id, {
          reason: values.reason as (typeof CANCEL_REASONS)[number],
          ...(values.note && { note: values.note }),
        })
      }
      onDone={onDone}
    >
      {(form) => (
        <>
          <Select
            label="Reason"
            allowDeselect={false}
            data={CANCEL_REASONS.map((reason) => ({ value: reason, label: CANCEL_REASON_LABELS[reason] }))}
            {...form.getInputProps('reason')}
          />
          <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        </>
      )}
    </ActionForm>
  )
}

function Actions({ referral }: { referral: ReferralDetail }) {
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const quick = async (run: () => Promise<unknown>) => {
    setError(null)
    setPending(true)
    try {
      await run()
      await queryClient.invalidateQueries({ queryKey: referralKeys.all })
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The change was not saved')
    } finally {
      setPending(false)
    }
  }
  if (referral.actions.length === 0) return null
  const close = () => setDialog(null)
  return (
    <Stack gap="xs">
      <Group>
        {referral.actions.includes('acknowledge') && (
          <Button loading={pending} onClick={() => quick(() => referralsApi.acknowledge(referral.id))}>
            Acknowledge
          </Button>
        )}
        {referral.actions.includes('accept') && (
          <Button loading={pending} onClick={() => quick(() => referralsApi.accept(referral.id))}>
            Accept
          </Button>
        )}
        {referral.actions.includes('enroll') && <Button onClick={() => setDialog('enroll')}>Enroll</Button>}
        {referral.actions.includes('decline') && (
          <Button variant="default" onClick={() => setDialog('decline')}>
            Decline
          </Button>
        )}
        {referral.actions.includes('cancel') && (
          <Button variant="subtle" color="red" onClick={() => setDialog('cancel')}>
            Cancel referral
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Modal opened={dialog === 'decline'} onClose={close} title="Decline the referral">
        <DeclineForm referral={referral} onDone={close} />
      </Modal>
      <Modal opened={dialog === 'enroll'} onClose={close} title="Enroll the household">
        <EnrollForm referral={referral} onDone={close} />
      </Modal>
      <Modal opened={dialog === 'cancel'} onClose={close} title="Cancel the referral">
        <CancelForm referral={referral} onDone={close} />
      </Modal>
    </Stack>
  )
}

function Detail({ referral }: { referral: ReferralDetail }) {
  const event = referral.ceEvent
  return (
    <Stack gap="lg">
      <PageHeader
        title={`Referral: ${referral.householdLabel}`}
        description={`To ${referral.project.name} (${referral.receivingOrganization.name})`}
      />
      <Actions referral={referral} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Fact label="Status">
            <ReferralStatusBadge status={referral.status} stalled={referral.stalled} />
          </Fact>
          <Fact label="Sent">{formatDate(referral.sentOn)}</Fact>
          <Fact label="Referred by">{referral.referringOrganization.name}</Fact>
          <Fact label="Acknowledge by">{formatDate(referral.acknowledgeDueOn)}</Fact>
          <Fact label="Decide by">{formatDate(referral.decisionDueOn)}</Fact>
          <Fact label="Expires">{formatDate(referral.expiresOn)}</Fact>
          <Fact label="Acknowledged on">{formatDate(referral.acknowledgedOn)}</Fact>
          <Fact label="CE event">{event ? hudLabel('4.20.2', event.eventType) : '—'}</Fact>
          <Fact label="Referral result">
            {event?.referralResult
              ? `${hudLabel('4.20.D', event.referralResult)} (${formatDate(event.resultDate)})`
              : 'No result yet'}
          </Fact>
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            Household
          </Title>
          <List size="sm">
            {referral.members.map((member) => (
              <List.Item key={member.clientId}>
                {member.name ?? 'Name not shared with your agency'} —{' '}
                {hudLabel('3.15.1', member.relationshipToHoh) ?? 'Member'}
              </List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            Why this household
          </Title>
          <List size="sm">
            {referral.snapshot.origin ? (
              <List.Item>Not from the queue: {referral.snapshot.origin}</List.Item>
            ) : (
              <List.Item>
                Rank {referral.snapshot.rank ?? '—'} ({referral.snapshot.rankingVersion ?? 'no ranking'})
              </List.Item>
            )}
            {Object.entries(referral.snapshot.values).map(([key, value]) => (
              <List.Item key={key}>
                {key}: {value === null ? '—' : String(value)}
              </List.Item>
            ))}
          </List>
        </Paper>
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={2} size="h5">
          History
        </Title>
        <ListTable minWidth={700}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referral.history.map((change) => (
              <Table.Tr key={`${change.changedAt}-${change.toStatus}`}>
                <Table.Td>{formatDateTime(change.changedAt)}</Table.Td>
                <Table.Td>{REFERRAL_STATUS_LABELS[change.toStatus]}</Table.Td>
                <Table.Td>
                  {change.changedBy
                    ? `${change.changedBy.name} (${change.organization?.name ?? ''})`
                    : 'Automatic (timer)'}
                </Table.Td>
                <Table.Td>{change.reasonCode ?? '—'}</Table.Td>
                <Table.Td>{change.note ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      </Stack>
      <Anchor component={Link} to="/referrals">
        Back to referrals
      </Anchor>
    </Stack>
  )
}

export function ReferralDetailPage() {
  const { referralId } = useParams({ strict: false }) as { referralId: string }
  const query = useQuery({
    queryKey: referralKeys.detail(referralId),
    queryFn: () => referralsApi.get(referralId),
  })
  useLiveChannel(referralEventsUrl(referralId), [referralKeys.detail(referralId)])
  return (
    <QueryState query={query} label="the referral">
      {(referral) => <Detail referral={referral} />}
    </QueryState>
  )
}
