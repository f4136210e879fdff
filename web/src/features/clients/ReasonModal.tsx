import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { type ReactNode, useState } from 'react'

/**
 * Asks for the reason behind a consequential step (create despite a likely match, undo a merge) before
 * doing it. The reason is required and goes into the audit trail.
 */
export function ReasonModal({
  opened,
  onClose,
  title,
  explanation,
  confirmLabel,
  confirmColor,
  placeholder,
  onConfirm,
}: {
  opened: boolean
  onClose: () => void
  title: string
  explanation: ReactNode
  confirmLabel: string
  confirmColor?: string
  placeholder?: string
  onConfirm: (reason: string) => void
}) {
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const close = () => {
    setReason('')
    setMissing(false)
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (!reason.trim()) {
            setMissing(true)
            return
          }
          onConfirm(reason.trim())
          close()
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{explanation}</Text>
          <Textarea
            label="Reason"
            withAsterisk
            data-autofocus
            value={reason}
            error={missing ? 'Give the reason; it is kept in the audit trail' : undefined}
            onChange={(event) => {
              setReason(event.currentTarget.value)
              setMissing(false)
            }}
            placeholder={placeholder}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={confirmColor}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
