import { Group, Paper } from '@mantine/core'
import type { ReactNode } from 'react'

/** The save and cancel buttons of a long form, kept in view at the bottom of the window. */
export function FormActionBar({ children }: { children: ReactNode }) {
  return (
    <Paper
      withBorder
      shadow="sm"
      p="sm"
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-sm)', zIndex: 5 }}
    >
      <Group justify="flex-end" gap="sm">
        {children}
      </Group>
    </Paper>
  )
}
