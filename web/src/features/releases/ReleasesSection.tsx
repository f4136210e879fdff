import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Client, RELEASE_DOCUMENT_TYPES, type Release, type ReleaseRevocation } from '@threshold/core'
import { useState } from 'react'
import { ConfirmAction } from '../../components/ConfirmAction'
import { formatDate, formatDateTime } from '../../components/format'
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { clientName } from '../clients/client-handoffs'
import { clientKeys } from '../clients/clients-api'
import { todayIso } from '../clients/use-client-form'
import { currentMembers, householdsOf } from '../households/household-summary'
import { householdKeys, householdsApi } from '../households/households-api'
import { isHead, relationshipLabel } from '../households/relationships'
import { NewReleaseModal, type ReleaseMember } from './NewReleaseModal'
import { DOCUMENT_TYPE_LABELS, documentProblem, formatBytes } from './release-document'
import { releaseKeys, releasesApi } from './releases-api'

const STATUS_BADGES: Record<Release['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  not_started: { label: 'Not started', color: 'blue' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
}

function useReleaseChanged(clientId: string) {
  const queryClient = useQueryClient()
  return async () => {
    await queryClient.invalidateQueries({ queryKey: releaseKeys.ofClient(clientId) })
    await queryClient.invalidateQueries({ queryKey: clientKeys.all })
  }
}

function RevokeModal({ release, onClose }: { release: Release | null; onClose: () => void }) {
  const today = todayIso()
  const changed = useReleaseChanged(release?.clientId ?? '')
  const form = useForm<ReleaseRevocation>({
    initialValues: { revokedOn: today, reason: '' },
    validate: {
      revokedOn: (value) =>
        !value
          ? 'Enter the date the client withdrew consent'
          : value > today
            ? 'The date must not be in the future'
            : null,
      reason: (value) => (value.trim() ? null : 'Say how the client withdrew consent (e.g. asked in person)'),
    },
  })
  const close = () => {
    form.reset()
    onClose()
  }
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => {
      if (!release) throw new Error('No release chosen')
      return releasesApi.revoke(release.id, { ...values, reason: values.reason.trim() })
    },
    {
      onSuccess: async () => {
        await changed()
        close()
      },
    },
  )
  return (
    <Modal opened={release !== null} onClose={close} title="Revoke release of information">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            From this date the release counts for nobody. It stays on the list, marked revoked.
          </Text>
          <FormError message={error} />
          <TextInput
            type="date"
            label="Revoked on"
            withAsterisk
            max={today}
            {...form.getInputProps('revokedOn')}
          />
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={pending}>
              Revoke release
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function DocumentCell({ release, canChange }: { release: Release; canChange: boolean }) {
  const changed = useReleaseChanged(release.clientId)
  const [problem, setProblem] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: (file: File) => releasesApi.uploadDocument(release.id, file),
    onSuccess: changed,
    onError: (failure) => setProblem(errorMessage(failure)),
  })
  if (release.document) {
    const { document } = release
    return (
      <Stack gap={0}>
        <Anchor href={releasesApi.documentUrl(release.id)} download={document.fileName} size="sm">
          {document.fileName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {DOCUMENT_TYPE_LABELS[document.contentType]} · {formatBytes(document.sizeBytes)}
        </Text>
      </Stack>
    )
  }
  if (!canChange) return <Text size="sm">—</Text>
  return (
    <Stack gap={2}>
      <FileButton
        accept={RELEASE_DOCUMENT_TYPES.join(',')}
        onChange={(file) => {
          if (!file) return
          const refused = documentProblem(file)
          setProblem(refused)
          if (!refused) upload.mutate(file)
        }}
      >
        {(props) => (
          <Button {...props} size="compact-xs" variant="light" loading={upload.isPending}>
            Attach scan
          </Button>
        )}
      </FileButton>
      {problem && (
        <Text size="xs" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  )
}

function ReleaseRow({ release, onRevoke }: { release: Release; onRevoke: (release: Release) => void }) {
  const changed = useReleaseChanged(release.clientId)
  const signed = useMutation({
    mutationFn: () => releasesApi.recordSignedForm(release.id),
    onSuccess: changed,
  })
  const status = STATUS_BADGES[release.status]
  const open = release.status !== 'revoked' && release.status !== 'expired'
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Group gap={4} mb={4}>
          {release.releaseIdentity && (
            <Badge variant="light" color="indigo" tt="none" size="sm">
              Identifying information
            </Badge>
          )}
          {release.releaseProjectData && (
            <Badge variant="light" color="teal" tt="none" size="sm">
              Project data
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Shared with{' '}
          {release.scope === 'coc'
            ? 'every agency in the CoC'
            : release.organizations.map((organization) => organization.name).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(release.startDate)} – {formatDate(release.endDate)}
        </Text>
        <Badge variant="light" color={status.color} size="sm">
          {status.label}
        </Badge>
        {release.revokedOn && (
          <Text size="xs" c="dimmed">
            on {formatDate(release.revokedOn)}
            {release.revokedReason && `: ${release.revokedReason}`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {release.documentation === 'signed' ? (
          <Stack gap={0}>
            <Text size="sm">Signed</Text>
            {release.signedFormRecordedAt && (
              <Text size="xs" c="dimmed">
                Given verbally; signed form recorded {formatDateTime(release.signedFormRecordedAt)}
              </Text>
            )}
          </Stack>
        ) : (
          <Stack gap={2}>
            <Text size="sm">Verbal</Text>
            <Badge variant="light" color="orange" size="sm" tt="none">
              Signed form needed
            </Badge>
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          Witness: {release.witness.displayName}
        </Text>
      </Table.Td>
      <Table.Td>
        <DocumentCell release={release} canChange={open} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-end">
          {release.needsSignedForm && open && (
            <ConfirmAction
              size="compact-xs"
              variant="light"
              color="indigo"
              label="Mark signed"
              title="Record the signed form?"
              message="Confirm the client has now signed the release form. Attach the scan if you have it."
              confirmLabel="Signed form received"
              loading={signed.isPending}
              onConfirm={() => signed.mutate()}
            />
          )}
          {release.status !== 'revoked' && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRevoke(release)}>
              Revoke
            </Button>
          )}
          {signed.isError && (
            <Text size="xs" c="red.9" role="alert">
              {errorMessage(signed.error)}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  )
}

function MemberReleases({
  member,
  subtitle,
  onAdd,
}: {
  member: ReleaseMember
  subtitle: string
  onAdd: (member: ReleaseMember) => void
}) {
  const [revoking, setRevoking] = useState<Release | null>(null)
  const releases = useQuery({
    queryKey: releaseKeys.ofClient(member.id),
    queryFn: () => releasesApi.ofClient(member.id),
  })
  return (
    <Paper withBorder p="md" component="section" aria-label={`Releases of ${member.name}`}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Stack gap={0}>
          <Title order={3} size="h5">
            {member.name}
          </Title>
          <Text size="xs" c="dimmed">
            {subtitle}
          </Text>
        </Stack>
        <Button size="xs" onClick={() => onAdd(member)}>
          Add release
        </Button>
      </Group>
      <QueryState query={releases} label={`the releases of ${member.name}`}>
        {({ releases: list }) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              No release recorded: only the owning agency (and, for an open record, Coordinated Entry staff)
              can see this client’s information.
            </Text>
          ) : (
            <Stack gap="xs">
              {list
                .flatMap((release) => release.warnings)
                .map((warning) => (
                  <Alert key={warning} color="yellow" variant="light" py={6}>
                    <Text size="sm">{warning}</Text>
                  </Alert>
                ))}
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="xs" fz="sm">
                  <caption className="visually-hidden">Releases of information of {member.name}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Release</Table.Th>
                      <Table.Th>Period and status</Table.Th>
                      <Table.Th>Documentation</Table.Th>
                      <Table.Th>Scanned form</Table.Th>
                      <Table.Th>
                        <span className="visually-hidden">Actions</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((release) => (
                      <ReleaseRow key={release.id} release={release} onRevoke={setRevoking} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
      <RevokeModal release={revoking} onClose={() => setRevoking(null)} />
    </Paper>
  )
}

/**
 * Family Member Information Release: each current household member's consent to share, one list per
 * member, so a family's releases are recorded in one place.
 */
export function ReleasesSection({ client }: { client: Client }) {
  const [adding, setAdding] = useState<ReleaseMember | null>(null)
  const [documentProblemMessage, setDocumentProblem] = useState<string | null>(null)
  const households = useQuery({
    queryKey: householdKeys.ofClient(client.id),
    queryFn: () => householdsApi.ofClient(client.id),
  })
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4">
          Releases of information
        </Title>
        <TextInput
          label="Referrals viewable by other agencies?"
          value={client.referralsViewableByOtherAgencies ? 'Yes' : 'No'}
          readOnly
          variant="filled"
          size="xs"
          w={260}
        />
      </Group>
      <Text size="sm" c="dimmed" maw={820}>
        A release lets other agencies see a client’s identifying information, project data, or both, for a
        period. Referrals are viewable by other agencies only while the record is open and an active CoC-wide
        release of project data is in force.
      </Text>
      {documentProblemMessage && (
        <Alert
          color="orange"
          variant="light"
          withCloseButton
          onClose={() => setDocumentProblem(null)}
          role="alert"
        >
          {documentProblemMessage}
        </Alert>
      )}
      <QueryState query={households} label="the household">
        {(list) => {
          const current = householdsOf(list, client.id)
          const members = new Map<string, { member: ReleaseMember; subtitle: string }>()
          const headsOf = (clientId: string) =>
            current
              .filter((household) =>
                currentMembers(household).some((member) => member.client.id === clientId),
              )
              .flatMap((household) => currentMembers(household).filter(isHead))
              .filter((head) => head.client.id !== clientId)
              .map((head) => ({ id: head.client.id, name: clientName(head.client) }))
          for (const household of current) {
            for (const member of currentMembers(household)) {
              if (members.has(member.client.id)) continue
              members.set(member.client.id, {
                member: {
                  id: member.client.id,
                  name: clientName(member.client),
                  dob: member.client.dob,
                  heads: headsOf(member.client.id),
                },
                subtitle: `${relationshipLabel(member.relationshipToHoh)}${member.client.id === client.id ? ' · this client' : ''}`,
              })
            }
          }
          // This client first, then the rest of the household.
          const self = members.get(client.id) ?? {
            member: { id: client.id, name: clientName(client), dob: client.dob, heads: [] },
            subtitle: 'This client',
          }
          const ordered = [self, ...[...members.values()].filter((entry) => entry.member.id !== client.id)]
          return (
            <Stack gap="md">
              {ordered.map(({ member, subtitle }) => (
                <MemberReleases key={member.id} member={member} subtitle={subtitle} onAdd={setAdding} />
              ))}
            </Stack>
          )
        }}
      </QueryState>
      <NewReleaseModal
        member={adding}
        onClose={() => setAdding(null)}
        onDocumentFailed={setDocumentProblem}
      />
    </Stack>
  )
}
