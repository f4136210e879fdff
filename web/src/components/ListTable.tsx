import { Paper, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * The bordered, striped table every administration list uses; scrolls sideways on narrow screens. The
 * scrolling region takes keyboard focus, so a list whose rows hold no link or button can still be scrolled
 * without a mouse.
 */
export function ListTable({
  minWidth = 720,
  label = 'List (scrolls sideways on narrow screens)',
  children,
}: {
  minWidth?: number
  label?: string
  children: ReactNode
}) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
        <Table striped highlightOnHover verticalSpacing="sm">
          {children}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}

/** The one row a list shows when nothing matches. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}
