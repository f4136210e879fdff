import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
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
import { errorMessage, FormError, useFormSubmit } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { DraftRestoredNotice } from '../clients/DraftRestoredNotice'
import { todayIso } from '../clients/use-client-form'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { cocKeys, cocsApi } from '../cocs/cocs-api'
import { enrollmentKeys, enrollmentsApi } from '../enrollments/enrollments-api'
import { caseNoteKeys, caseNotesApi } from './case-notes-api'
import { NoteText } from './NoteText'
import { RichTextEditor } from './RichTextEditor'

interface NoteValues {
  entryDate: string
  regarding: string
  text: string
  enrollmentId: string | null
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
  const queryClient = useQueryClient()
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
      shareable: note?.shareable ?? false,
      locked: false,
    },
    validate: {
      entryDate: (value) =>
        !value
          ? 'The entry date is required'
          : value > today
            ? 'The entry date must not be in the future'
            : null,
      regarding: (value) => (value.trim() ? null : 'Say what the note is regarding'),
    },
  })
  const draft = useFormDraft(form, {
    key: draftStorageKey(session.user.id, note ? `case-note:${note.id}` : `case-note:new:${client.id}`),
    extra: note?.version,
  })
  const submit = useFormSubmit(
    form,
    (values) => {
      const fields = {
        entryDate: values.entryDate,
        regarding: values.regarding.trim(),
        text: values.text,
        ...(sharingAllowed && { shareable: values.shareable }),
      }
      if (note) {
        const sharingChanged = values.shareable !== note.shareable
        return caseNotesApi.update(note.id, {
          version: draft.restoredExtra ?? note.version,
          ...fields,
          ...(!sharingChanged && { shareable: undefined }),
          enrollmentId: values.enrollmentId,
        })
      }
      return caseNotesApi.create(client.id, {
        ...fields,
        ...(values.enrollmentId && { enrollmentId: values.enrollmentId }),
        locked: values.locked,
      })
    },
    {
      onSuccess: async () => {
        draft.clear()
        await queryClient.invalidateQueries({ queryKey: caseNoteKeys.all })
        onClose()
      },
    },
  )
  const values = form.getValues()
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Entry date"
            description="May be back-dated, never in the future"
            withAsterisk
            max={today}
            {...form.getInputProps('entryDate')}
          />
          <Select
            label="Enrollment"
            clearable
            data={(enrollments.data ?? []).map((enrollment) => ({
              value: enrollment.id,
              label: `${enrollment.projectName} (from ${formatDate(enrollment.entryDate)})`,
            }))}
            {...form.getInputProps('enrollmentId')}
          />
        </SimpleGrid>
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.pending}>
            Save note
          </Button>
        </Group>
      </Stack>
    </form>
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
      closeButtonProps={{ 'aria-label': 'Close' }}
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
  onEdit,
  onHistory,
}: {
  note: CaseNote
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
                  onEdit={() => setEditing(note)}
                  onHistory={() => setHistoryOf(note)}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New case note' : 'Edit case note'}
        size="xl"
      >
        {editing !== null && (
          <NoteForm
            client={client}
            note={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
      <HistoryModal note={historyOf} onClose={() => setHistoryOf(null)} />
    </Stack>
  )
}
