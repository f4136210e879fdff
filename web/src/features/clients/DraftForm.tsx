import { Button, Group, Modal, type ModalProps, Stack, TextInput, type TextInputProps } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { type FieldMapping, FormError, useFormSubmit } from '../../components/forms'
import { useSession } from '../auth/session'
import { DraftRestoredNotice } from './DraftRestoredNotice'
import { todayIso } from './use-client-form'
import { draftStorageKey, type FormDraft, useFormDraft } from './use-form-draft'

// A dialog form that keeps a draft and saves through the API: after a save the draft is forgotten, the
// lists showing what was saved are refreshed and the dialog closes. Enrollment, case-note and service
// forms are this frame around their own fields.

/** What is wrong with a required date that must not be in the future ('The <what> is required'), or null. */
export function pastDateError(value: string | null | undefined, today: string, what: string): string | null {
  if (!value) return `The ${what} is required`
  return value > today ? `The ${what} must not be in the future` : null
}

/** The input of such a date: required, and the browser's picker stops at today. */
export function PastDateInput(props: TextInputProps) {
  return <TextInput type="date" withAsterisk max={todayIso()} {...props} />
}

/** A modal whose body mounts only while open, so a draft is restored each time the form opens. */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  children,
}: {
  opened: boolean
  onClose: () => void
  title: string
  size?: ModalProps['size']
  children: ReactNode
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      {opened && children}
    </Modal>
  )
}

/** The draft of `form` (under the signed-in user and `subject`) and its submit handler. */
export function useDraftForm<Values, Result, Extra = undefined>(
  form: UseFormReturnType<Values>,
  {
    subject,
    extra,
    save,
    refresh,
    onClose,
    ...mapping
  }: FieldMapping & {
    /** What the draft is of, e.g. `case-note:<id>`. */
    subject: string
    /** Stored beside the draft, e.g. the version an edit started from. */
    extra?: Extra
    /** The request; `draft` tells what came back with a restored draft. */
    save: (values: Values, draft: FormDraft<Extra>) => Promise<Result>
    /** The queries that show what was saved. */
    refresh: QueryKey
    onClose: () => void
  },
) {
  const session = useSession()
  const queryClient = useQueryClient()
  const draft = useFormDraft<Values, Extra>(form, { key: draftStorageKey(session.user.id, subject), extra })
  const submit = useFormSubmit(form, (values: Values) => save(values, draft), {
    ...mapping,
    onSuccess: async () => {
      draft.clear()
      await queryClient.invalidateQueries({ queryKey: refresh })
      onClose()
    },
  })
  return { draft, submit }
}

/** Restored-draft notice and error above the fields; Cancel and the save button (`label`) below. */
export function DraftFormFrame({
  draft,
  submit,
  onClose,
  label,
  children,
}: {
  draft: FormDraft<unknown>
  submit: Pick<ReturnType<typeof useFormSubmit>, 'onSubmit' | 'error' | 'pending'>
  onClose: () => void
  label: string
  children: ReactNode
}) {
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <DraftRestoredNotice draft={draft} />
        <FormError message={submit.error} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.pending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Adds a new item or edits one: `editing` is the item, 'new', or null while the dialog is closed. */
export function EditorModal<Item>({
  editing,
  onClose,
  titles,
  size,
  children,
}: {
  editing: Item | 'new' | null
  onClose: () => void
  titles: { add: string; edit: string }
  size?: ModalProps['size']
  /** The form, given the item to edit or null for a new one. */
  children: (item: Item | null) => ReactNode
}) {
  return (
    <FormModal
      opened={editing !== null}
      onClose={onClose}
      title={editing === 'new' ? titles.add : titles.edit}
      size={size}
    >
      {editing !== null && children(editing === 'new' ? null : editing)}
    </FormModal>
  )
}
