import { Alert, Button, Group, Paper, Stack } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Link } from '@tanstack/react-router'
import type { ClientSearchResult } from '@threshold/core'
import type { ReactNode } from 'react'
import { PATHS } from '../shell/navigation'
import { ReasonModal } from './ReasonModal'
import { SearchResultsTable } from './SearchResultsTable'

/** The candidates of a 409 `possible_duplicates`, read defensively from the error details. */
export function duplicateCandidates(details: unknown): ClientSearchResult[] {
  const candidates = (details as { candidates?: unknown } | undefined)?.candidates
  return Array.isArray(candidates) ? (candidates as ClientSearchResult[]) : []
}

/**
 * The create form's answer to likely matches: open the existing record (or use it, e.g. add it to the
 * household instead), or create the new one anyway with a reason that goes into the audit trail.
 */
export function PossibleDuplicates({
  candidates,
  onCreateAnyway,
  creating,
  alternative,
}: {
  candidates: ClientSearchResult[]
  onCreateAnyway: (reason: string) => void
  creating: boolean
  /** An extra action per candidate, e.g. "Add to household instead". */
  alternative?: (candidate: ClientSearchResult) => ReactNode
}) {
  const [opened, { open, close }] = useDisclosure(false)

  return (
    <Paper withBorder p="md" style={{ borderColor: 'var(--mantine-color-orange-6)' }}>
      <Stack gap="sm">
        <Alert color="orange" variant="light" title="This person may already have a record" role="alert">
          Nothing was saved. Check these records first: if one is the same person, open it instead of creating
          a second record.
        </Alert>
        <SearchResultsTable
          results={candidates}
          caption="Likely matches of the new client"
          action={(candidate) => (
            <Group gap="xs" wrap="nowrap">
              {alternative?.(candidate)}
              <Button component={Link} to={`${PATHS.clients}/${candidate.id}`} size="xs" variant="light">
                Open this client
              </Button>
            </Group>
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={open} loading={creating}>
            Create anyway
          </Button>
        </Group>
      </Stack>
      <ReasonModal
        opened={opened}
        onClose={close}
        title="Create a new record anyway?"
        explanation="Administrators review records created despite a likely match. Say how you know this is a different person."
        placeholder="e.g. Different middle name and SSN; confirmed with the client’s ID"
        confirmLabel="Create anyway"
        onConfirm={onCreateAnyway}
      />
    </Paper>
  )
}
