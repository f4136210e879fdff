import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  QUEUE_PROGRAM_TYPE_LABELS,
  QUEUE_PROGRAM_TYPES,
  type QueueProgramType,
  type QueueRankingImpact,
  RANKING_KEY_NAMES,
  RANKING_KEYS,
  type RankingKey,
  type RankingKeyName,
} from '@threshold/core'
import { useState } from 'react'
import { errorMessage } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { queueApi, queueKeys } from './queue-api'
import { directionLabel } from './queue-labels'

// The ranking editor: an ordered list of keys for one program type. Saving first shows the impact on the
// current queue; publishing adds a version (past versions stay as they were).

interface RankingValues {
  keys: RankingKey[]
  note: string
}

const PROGRAM_TYPE_OPTIONS = QUEUE_PROGRAM_TYPES.map((type) => ({
  value: type,
  label: QUEUE_PROGRAM_TYPE_LABELS[type],
}))

function KeyListEditor({
  programType,
  startVersion,
  startKeys,
  onClose,
}: {
  programType: QueueProgramType
  startVersion: number
  startKeys: RankingKey[]
  onClose(): void
}) {
  const session = useSession()
  const queryClient = useQueryClient()
  const form = useForm<RankingValues>({ initialValues: { keys: startKeys, note: '' } })
  const draft = useFormDraft(form, {
    key: draftStorageKey(session.user.id, `queue-ranking:${programType}:${startVersion}`),
  })
  const [impact, setImpact] = useState<{ keys: string; result: QueueRankingImpact } | null>(null)
  const keys = form.getValues().keys
  const keysText = JSON.stringify(keys)
  const unused = RANKING_KEY_NAMES.filter((name) => !keys.some((key) => key.key === name))

  const preview = useMutation({
    mutationFn: () => queueApi.preview(programType, keys),
    onSuccess: (result) => setImpact({ keys: keysText, result }),
  })
  const publish = useMutation({
    mutationFn: () =>
      queueApi.publish({
        programType,
        keys,
        note: form.getValues().note.trim() || null,
        expectedVersion: startVersion,
      }),
    onSuccess: async () => {
      draft.clear()
      await queryClient.invalidateQueries({ queryKey: queueKeys.all })
      onClose()
    },
  })
  const previewed = impact?.keys === keysText ? impact.result : null
  const move = (index: number, by: -1 | 1) => form.reorderListItem('keys', { from: index, to: index + by })

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Households are ordered by the first key, ties by the next, and so on; a stable random draw breaks the
        last ties. Currently {startVersion === 0 ? 'the built-in default' : `version ${startVersion}`}.
      </Text>
      <Stack gap="xs" role="list" aria-label="Ranking keys in order">
        {keys.map((key, index) => (
          <Group key={key.key} gap="xs" role="listitem" wrap="nowrap">
            <Text w={24} ta="right" fw={600}>
              {index + 1}.
            </Text>
            <Text flex={1}>{RANKING_KEYS[key.key].label}</Text>
            <Select
              aria-label={`Order for ${RANKING_KEYS[key.key].label}`}
              w={170}
              allowDeselect={false}
              data={(['desc', 'asc'] as const).map((direction) => ({
                value: direction,
                label: directionLabel(key.key, direction),
              }))}
              {...form.getInputProps(`keys.${index}.direction`)}
            />
            <ActionIcon
              variant="default"
              aria-label={`Move ${RANKING_KEYS[key.key].label} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={`Move ${RANKING_KEYS[key.key].label} down`}
              disabled={index === keys.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="default"
              color="red"
              aria-label={`Remove ${RANKING_KEYS[key.key].label}`}
              disabled={keys.length === 1}
              onClick={() => form.removeListItem('keys', index)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {unused.length > 0 && (
        <Select
          label="Add a key"
          placeholder="Choose a key"
          value={null}
          data={unused.map((name) => ({ value: name, label: RANKING_KEYS[name].label }))}
          onChange={(value) =>
            value && form.insertListItem('keys', { key: value as RankingKeyName, direction: 'desc' })
          }
        />
      )}
      <Textarea
        label="Note"
        description="Why the CoC changed its order (kept with the version)"
        {...form.getInputProps('note')}
      />
      {previewed && (
        <Alert color="blue" title="Impact on the queue now" role="status">
          {previewed.summary}; {previewed.enterTop} enter the top {previewed.top}. Largest move up:{' '}
          {previewed.largestRise} places; down: {previewed.largestFall}.
        </Alert>
      )}
      {(preview.isError || publish.isError) && (
        <Alert color="red" title="Not saved" role="alert">
          {errorMessage(preview.error ?? publish.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="light" onClick={() => preview.mutate()} loading={preview.isPending}>
          Preview impact
        </Button>
        <Button
          onClick={() => publish.mutate()}
          loading={publish.isPending}
          disabled={!previewed}
          title={previewed ? undefined : 'Preview the impact first'}
        >
          Publish version {startVersion + 1}
        </Button>
      </Group>
    </Stack>
  )
}

export function RankingEditorModal({ onClose }: { onClose(): void }) {
  const [programType, setProgramType] = useState<QueueProgramType>('all')
  const query = useQuery({
    queryKey: queueKeys.rankings(programType),
    queryFn: () => queueApi.rankings(programType),
  })
  return (
    <Modal opened onClose={onClose} title="Queue ranking" size="lg">
      <Stack>
        <Select
          label="Program type"
          allowDeselect={false}
          data={PROGRAM_TYPE_OPTIONS}
          value={programType}
          onChange={(value) => value && setProgramType(value as QueueProgramType)}
        />
        <QueryState query={query} label="ranking">
          {({ current }) => {
            const own = current.programType === programType
            return (
              <KeyListEditor
                // A fresh editor for each program type and each version it starts from.
                key={`${programType}-${current.programType}-${current.version}`}
                programType={programType}
                startVersion={own ? current.version : 0}
                startKeys={current.keys}
                onClose={onClose}
              />
            )
          }}
        </QueryState>
      </Stack>
    </Modal>
  )
}
