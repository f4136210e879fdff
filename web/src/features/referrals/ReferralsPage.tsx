import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import {
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  type Referral,
  type ReferralStatus,
} from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { errorMessage } from '../../components/forms'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useLiveChannel } from '../../lib/use-live-channel'
import { useSession } from '../auth/session'
import { PATHS } from '../shell/navigation'
import { OpeningsPanel } from './OpeningsPanel'
import { ReferralStatusBadge } from './ReferralStatusBadge'
import { type ReferralFilter, referralEventsUrl, referralKeys, referralsApi } from './referrals-api'

const STATUS_OPTIONS = REFERRAL_STATUSES.map((status) => ({
  value: status,
  label: REFERRAL_STATUS_LABELS[status],
}))

function QuickAcknowledge({ referral }: { referral: Referral }) {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: () => referralsApi.acknowledge(referral.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  })
  if (!referral.actions.includes('acknowledge')) return null
  return (
    <Stack gap={2}>
      <Button size="xs" variant="light" loading={mutation.isPending} onClick={() => mutation.mutate()}>
        Acknowledge
      </Button>
      {mutation.isError && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(mutation.error)}
        </Text>
      )}
    </Stack>
  )
}

/** Referrals in one direction, with the status and stalled filters and their due dates. */
function ReferralList({ direction }: { direction: ReferralFilter['direction'] }) {
  const [status, setStatus] = useState<ReferralStatus | null>(null)
  const [stalled, setStalled] = useState(false)
  const filter: ReferralFilter = { direction, status: status ?? undefined, stalled }
  const query = useQuery({ queryKey: referralKeys.list(filter), queryFn: () => referralsApi.list(filter) })
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus(value as ReferralStatus | null)}
          clearable
          w={240}
        />
        <Checkbox
          label="Stalled only"
          checked={stalled}
          onChange={(event) => setStalled(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <QueryState query={query} label="referrals">
        {(referrals) => (
          <ListTable minWidth={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Household</Table.Th>
                <Table.Th>Project</Table.Th>
                <Table.Th>{direction === 'incoming' ? 'From' : 'To'}</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Acknowledge by</Table.Th>
                <Table.Th>Decide by</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.length === 0 && <EmptyRow colSpan={8}>No referrals match.</EmptyRow>}
              {referrals.map((referral) => (
                <Table.Tr key={referral.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${PATHS.referrals}/${referral.id}`}>
                      {referral.householdLabel}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{referral.project.name}</Table.Td>
                  <Table.Td>
                    {direction === 'incoming'
                      ? referral.referringOrganization.name
                      : referral.receivingOrganization.name}
                  </Table.Td>
                  <Table.Td>
                    <ReferralStatusBadge status={referral.status} stalled={referral.stalled} />
                  </Table.Td>
                  <Table.Td>{formatDate(referral.sentOn)}</Table.Td>
                  <Table.Td>{formatDate(referral.acknowledgeDueOn)}</Table.Td>
                  <Table.Td>{formatDate(referral.decisionDueOn)}</Table.Td>
                  <Table.Td>
                    <QuickAcknowledge referral={referral} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryState>
    </Stack>
  )
}

/** Providers work their incoming referrals; Coordinated Entry follows its outgoing ones and posts openings. */
export function ReferralsPage() {
  const session = useSession()
  const ce = session.role === 'ce_manager' || session.role === 'coc_admin'
  const [tab, setTab] = useState<string | null>(ce ? 'outgoing' : 'incoming')
  useLiveChannel(referralEventsUrl(), [referralKeys.all])
  return (
    <>
      <PageHeader
        title="Referrals"
        description="Closed-loop referrals from the Housing Queue to openings: acknowledge, decide, enroll."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="incoming">Incoming</Tabs.Tab>
          <Tabs.Tab value="outgoing">Outgoing</Tabs.Tab>
          <Tabs.Tab value="openings">Openings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incoming">
          <ReferralList direction="incoming" />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing">
          <ReferralList direction="outgoing" />
        </Tabs.Panel>
        <Tabs.Panel value="openings">
          <OpeningsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
