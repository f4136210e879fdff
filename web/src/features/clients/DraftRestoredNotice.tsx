import { Alert, Button, Group, Text } from '@mantine/core'
import { formatDateTime } from '../../components/format'
import type { FormDraft } from './use-form-draft'

/** Says that unsaved work came back, and lets the user throw it away instead. */
export function DraftRestoredNotice({ draft, note }: { draft: FormDraft<unknown>; note?: string }) {
  if (!draft.restoredAt) return null
  return (
    <Alert color="blue" variant="light" title="Draft restored" role="status">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" maw={720}>
          Your unsaved changes from {formatDateTime(draft.restoredAt)} are back in the form. {note}
        </Text>
        <Button size="xs" variant="default" onClick={draft.discard}>
          Discard draft
        </Button>
      </Group>
    </Alert>
  )
}
