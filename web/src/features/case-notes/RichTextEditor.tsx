import { ActionIcon, Box, Group, Input, Paper } from '@mantine/core'
import { useEffect, useId, useRef } from 'react'

// A small editor for case-note text: bold, italic and lists, nothing else. The server keeps only safe
// formatting whatever the browser produces (server/src/case-notes/sanitize-note-html.ts).

const COMMANDS = [
  { command: 'bold', label: 'Bold', text: 'B', style: { fontWeight: 700 } },
  { command: 'italic', label: 'Italic', text: 'I', style: { fontStyle: 'italic' } },
  { command: 'insertUnorderedList', label: 'Bulleted list', text: '•', style: {} },
  { command: 'insertOrderedList', label: 'Numbered list', text: '1.', style: {} },
] as const

export function RichTextEditor({
  label,
  value,
  onChange,
  error,
  withAsterisk,
}: {
  label: string
  value: string
  onChange: (html: string) => void
  error?: React.ReactNode
  withAsterisk?: boolean
}) {
  const id = useId()
  const editor = useRef<HTMLDivElement>(null)

  // Values set from outside (a restored draft, a reset) replace the content; typing does not round-trip.
  useEffect(() => {
    const element = editor.current
    if (element && element.innerHTML !== value) element.innerHTML = value
  }, [value])

  const run = (command: string) => {
    editor.current?.focus()
    // execCommand is the one way to format a contenteditable without a library; every browser still has it.
    document.execCommand(command)
    onChange(editor.current?.innerHTML ?? '')
  }

  return (
    <Input.Wrapper label={label} labelProps={{ id: `${id}-label` }} error={error} withAsterisk={withAsterisk}>
      <Paper withBorder mt={4}>
        <Group gap={4} p={4} role="toolbar" aria-label={`${label} formatting`}>
          {COMMANDS.map((command) => (
            <ActionIcon
              key={command.command}
              variant="subtle"
              color="gray"
              aria-label={command.label}
              // Keeps the selection in the editor while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(command.command)}
            >
              <span style={command.style}>{command.text}</span>
            </ActionIcon>
          ))}
        </Group>
        <Box
          ref={editor}
          contentEditable
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-invalid={error ? true : undefined}
          tabIndex={0}
          onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
          onInput={(event) => onChange(event.currentTarget.innerHTML)}
          p="sm"
          mih={120}
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', outline: 'none' }}
          suppressContentEditableWarning
        />
      </Paper>
    </Input.Wrapper>
  )
}
