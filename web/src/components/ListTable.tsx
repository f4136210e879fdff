import { Paper, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** The bordered, striped table every administration list uses; scrolls sideways on narrow screens. */
export function ListTable({ minWidth = 720, children }: { minWidth?: number; children: ReactNode }) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={minWidth} type="native">
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
