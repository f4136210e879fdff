import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CaseNote, Client } from '@threshold/core'
import { useState } from 'react'
import { formatDate, formatDateTime } from '../../components/format'
import { errorMessage, FormError } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { DraftFormFrame, EditorModal, PastDateInput, pastDateError, useDraftForm } from '../clients/DraftForm'
import { todayIso } from '../clients/use-client-form'
import { cocKeys, cocsApi } from '../cocs/cocs-api'
import { enrollmentOptions } from '../enrollments/enrollment-options'
import { enrollmentKeys, enrollmentsApi } from '../enrollments/enrollments-api'
import { serviceMeasure } from '../services/ServicesPanel'
import { serviceKeys, servicesApi } from '../services/services-api'
import { caseNoteKeys, caseNotesApi } from './case-notes-api'
import { NoteText } from './NoteText'
import { RichTextEditor } from './RichTextEditor'

interface NoteValues {
  entryDate: string
  regarding: string
  text: string
  enrollmentId: string | null
  /** Services recorded on the linked enrollment that the note is about. */
  serviceRecordIds: string[]
  shareable: boolean
  locked: boolean
}

/** Whether the client's CoC lets authors share notes with agencies holding a project-data release. */
function useSharingAllowed(client: Client): boolean {
  const cocs = useQuery({ queryKey: cocKeys.all, queryFn: cocsApi.list })
  return cocs.data?.find((coc) => coc.id === client.cocId)?.shareableCaseNotes ?? false
}

function NoteForm({ client, note, onClose }: { client: Client; note: CaseNote | null; onClose: () => void }) {
  const session = useSession()
  const today = todayIso()
  const sharingAllowed = useSharingAllowed(client)
  const enrollments = useQuery({
    queryKey: enrollmentKeys.ofClient(client.id),
    queryFn: () => enrollmentsApi.ofClient(client.id),
  })
  const form = useForm<NoteValues>({
    initialValues: {
      entryDate: note?.entryDate ?? today,
      regarding: note?.regarding ?? '',
      text: note?.text ?? '',
      enrollmentId: note?.enrollmentId ?? null,
      serviceRecordIds: note?.serviceRecordIds ?? [],
      shareable: note?.shareable ?? false,
      locked: false,
    },
    validate: {
      entryDate: (value) => pastDateError(value, today, 'entry date'),
      regarding: (value) => (value.trim() ? null : 'Say what the note is regarding'),
    },
  })
  const { draft, submit } = useDraftForm(form, {
    subject: note ? `case-note:${note.id}` : `case-note:new:${client.id}`,
    extra: note?.version,
    save: (values, { restoredExtra }) => {
      const fields = {
        entryDate: values.entryDate,
        regarding: values.regarding.trim(),
        text: values.text,
        ...(sharingAllowed && { shareable: values.shareable }),
      }
      if (note) {
        const sharingChanged = values.shareable !== note.shareable
        return caseNotesApi.update(note.id, {
          version: restoredExtra ?? note.version,
          ...fields,
          ...(!sharingChanged && { shareable: undefined }),
          enrollmentId: values.enrollmentId,
          serviceRecordIds: values.serviceRecordIds,
        })
      }
      return caseNotesApi.create(client.id, {
        ...fields,
        ...(values.enrollmentId && { enrollmentId: values.enrollmentId }),
        ...(values.serviceRecordIds.length > 0 && { serviceRecordIds: values.serviceRecordIds }),
        locked: values.locked,
      })
    },
    refresh: caseNoteKeys.all,
    onClose,
  })
  const values = form.getValues()
  const services = useQuery({
    queryKey: serviceKeys.ofEnrollment(values.enrollmentId ?? ''),
    queryFn: () => servicesApi.ofEnrollment(values.enrollmentId ?? ''),
    enabled: values.enrollmentId !== null,
  })
  return (
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Save note">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PastDateInput
          label="Entry date"
          description="May be back-dated, never in the future"
          {...form.getInputProps('entryDate')}
        />
        <Select
          label="Enrollment"
          clearable
          data={enrollmentOptions(enrollments.data ?? [])}
          {...form.getInputProps('enrollmentId')}
          onChange={(enrollmentId) => {
            // The services offered are the chosen enrollment's: a new choice starts the list over.
            form.setFieldValue('enrollmentId', enrollmentId)
            form.setFieldValue('serviceRecordIds', [])
          }}
        />
      </SimpleGrid>
      {values.enrollmentId !== null && (
        <MultiSelect
          label="Services"
          description="Services recorded on this enrollment that the note is about"
          searchable
          data={(services.data ?? []).map((record) => ({
            value: record.id,
            label: `${formatDate(record.date)} · ${record.serviceType.name} · ${serviceMeasure(record)}`,
          }))}
          {...form.getInputProps('serviceRecordIds')}
        />
      )}
      <TextInput label="Regarding" withAsterisk maxLength={200} {...form.getInputProps('regarding')} />
      <RichTextEditor
        label="Note"
        value={values.text}
        onChange={(html) => form.setFieldValue('text', html)}
        error={form.errors.text}
      />
      {sharingAllowed && (
        <Checkbox
          label="Shareable with agencies that hold the client's project-data release"
          disabled={note !== null && note.author.id !== session.user.id}
          {...form.getInputProps('shareable', { type: 'checkbox' })}
        />
      )}
      {!note && (
        <Checkbox
          label="Lock once saved (read-only)"
          {...form.getInputProps('locked', { type: 'checkbox' })}
        />
      )}
    </DraftFormFrame>
  )
}

function HistoryModal({ note, onClose }: { note: CaseNote | null; onClose: () => void }) {
  const history = useQuery({
    queryKey: caseNoteKeys.history(note?.id ?? ''),
    queryFn: () => caseNotesApi.history(note?.id ?? ''),
    enabled: note !== null,
  })
  return (
    <Modal
      opened={note !== null}
      onClose={onClose}
      title={`Edit history — ${note?.regarding ?? ''}`}
      size="lg"
    >
      {note && (
        <QueryState query={history} label="the edit history">
          {({ versions }) => (
            <Stack gap="sm">
              {versions.map((version) => (
                <Paper withBorder p="sm" key={version.version}>
                  <Text size="sm" fw={600}>
                    Version {version.version}: {version.action} by {version.changedBy?.name ?? 'someone'} on{' '}
                    {formatDateTime(version.changedAt)}
                  </Text>
                  {version.changedFields.length > 0 && (
                    <Text size="xs" c="dimmed">
                      Changed: {version.changedFields.join(', ')}
                    </Text>
                  )}
                  <Text size="sm">
                    {formatDate(version.entryDate)} · {version.regarding}
                  </Text>
                  <NoteText html={version.text} />
                </Paper>
              ))}
            </Stack>
          )}
        </QueryState>
      )}
    </Modal>
  )
}

function NoteCard({
  note,
  enrollmentName,
  onEdit,
  onHistory,
}: {
  note: CaseNote
  /** The project of the linked enrollment, when there is one. */
  enrollmentName: string | undefined
  onEdit: () => void
  onHistory: () => void
}) {
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)
  const toggleLock = useMutation({
    mutationFn: () => (note.locked ? caseNotesApi.unlock(note.id) : caseNotesApi.lock(note.id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseNoteKeys.all }),
    onError: (failure) => setError(errorMessage(failure)),
  })
  return (
    <Paper withBorder p="md" component="article" aria-label={`Case note: ${note.regarding}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {note.regarding}
            </Title>
            <Text size="xs" c="dimmed">
              {formatDate(note.entryDate)} · {note.author.name} · {note.organization.name}
            </Text>
            {enrollmentName && (
              <Text size="xs" c="dimmed">
                Enrollment: {enrollmentName}
                {note.serviceRecordIds.length > 0 &&
                  ` · ${note.serviceRecordIds.length} linked service${note.serviceRecordIds.length === 1 ? '' : 's'}`}
              </Text>
            )}
          </Stack>
          <Group gap={4}>
            {note.locked && <Badge color="gray">Locked</Badge>}
            {note.shareable && <Badge color="blue">Shareable</Badge>}
          </Group>
        </Group>
        <NoteText html={note.text} />
        <FormError message={error} />
        <Group gap="xs">
          {note.canEdit && !note.locked && (
            <Button size="xs" variant="light" onClick={onEdit}>
              Edit
            </Button>
          )}
          {((note.canEdit && !note.locked) || (note.locked && note.canUnlock)) && (
            <Button
              size="xs"
              variant="light"
              loading={toggleLock.isPending}
              onClick={() => toggleLock.mutate()}
            >
              {note.locked ? 'Unlock' : 'Lock'}
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onHistory}>
            Edit history
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** Case notes about the client that the viewer may see: search, write, edit, lock and their history. */
export function CaseNotesPanel({ client }: { client: Client }) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 300)
  const [editing, setEditing] = useState<CaseNote | 'new' | null>(null)
  const [historyOf, setHistoryOf] = useState<CaseNote | null>(null)
  const notes = useQuery({
    queryKey: caseNoteKeys.ofClient(client.id, q),
    queryFn: () => caseNotesApi.ofClient(client.id, q),
  })
  const enrollments = useQuery({
    queryKey: enrollmentKeys.ofClient(client.id),
    queryFn: () => enrollmentsApi.ofClient(client.id),
  })
  const projectOf = (enrollmentId: string | null) =>
    enrollments.data?.find((enrollment) => enrollment.id === enrollmentId)?.projectName
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-notes-heading">
      <Group justify="space-between">
        <Title order={3} size="h4" id="case-notes-heading">
          Case notes
        </Title>
        <Button size="sm" onClick={() => setEditing('new')}>
          New case note
        </Button>
      </Group>
      <TextInput
        label="Search the client's notes"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      <QueryState query={notes} label="the case notes">
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{q ? 'No note matches.' : 'No case note yet.'}</Text>
          ) : (
            <Stack gap="sm">
              {list.map((note) => (
                <NoteCard
                  key={note.id}
                  note={note}
                  enrollmentName={projectOf(note.enrollmentId)}
                  onEdit={() => setEditing(note)}
                  onHistory={() => setHistoryOf(note)}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <EditorModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ add: 'New case note', edit: 'Edit case note' }}
        size="xl"
      >
        {(note) => <NoteForm client={client} note={note} onClose={() => setEditing(null)} />}
      </EditorModal>
      <HistoryModal note={historyOf} onClose={() => setHistoryOf(null)} />
    </Stack>
  )
}
