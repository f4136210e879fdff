import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { type ClientSearchResult, parseSearchText, readSsn } from '@threshold/core'
import { type ReactNode, useState } from 'react'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { rememberedSearchFor, rememberSearch } from './client-handoffs'
import { type ClientSearchCriteria, clientKeys, clientsApi } from './clients-api'
import { SearchResultsTable } from './SearchResultsTable'

type SearchValues = Required<ClientSearchCriteria>

const NO_SEARCH: SearchValues = { firstName: '', lastName: '', dob: '', ssn: '', clientNumber: '', q: '' }

const hasLetter = (value: string) => !value.trim() || /\p{L}/u.test(value)

/** The criteria to send: trimmed, blanks left out; null when nothing was typed. */
function criteriaOf(values: SearchValues): ClientSearchCriteria | null {
  const entries = Object.entries(values)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value)
  return entries.length > 0 ? (Object.fromEntries(entries) as ClientSearchCriteria) : null
}

function useSearchForm(initialValues: SearchValues) {
  return useForm<SearchValues>({
    initialValues,
    validate: {
      firstName: (value) => (hasLetter(value) ? null : 'A name must contain at least one letter'),
      lastName: (value) => (hasLetter(value) ? null : 'A name must contain at least one letter'),
      ssn: (value) =>
        !value.trim() || readSsn(value).kind !== 'invalid'
          ? null
          : 'Enter all 9 digits or the last 4 (e.g. 123-45-6789 or 6789)',
      clientNumber: (value) =>
        !value.trim() || /^\d{1,15}$/.test(value.trim()) ? null : 'A Client ID is digits only',
      q: (value) => {
        const problems = value.trim() ? parseSearchText(value).problems : []
        return problems.length > 0 ? problems.join('; ') : null
      },
    },
  })
}

/** What the search found, in words: weak results are only the nearest records, not matches. */
function resultSummary(results: ClientSearchResult[]): string {
  if (results.length === 0) return 'No client matches this search.'
  const matches = results.filter((result) => result.matchLevel !== null).length
  if (matches === 0)
    return `No likely or possible match. The ${results.length} nearest records are listed below.`
  return `${matches} ${matches === 1 ? 'likely or possible match' : 'likely or possible matches'}, best first`
}

export interface ClientSearchProps {
  /** Names the search for screen readers and the results' caption ("Find Client"). */
  label: string
  /** A button per result (e.g. "Add to household"); without it a result opens the client. */
  action?: (result: ClientSearchResult) => ReactNode
  /** "No match — Add new client", offered once a search has run, with the criteria typed (none without it). */
  onAddNew?: (criteria: ClientSearchCriteria) => void
  /** Keep the last search for when the user comes back to the page (Find Client itself). */
  remember?: boolean
}

/**
 * Find Client: first and last name, date of birth, SSN or its last 4, Client ID, and one free-text box that
 * takes any of them. Enter searches; the results follow in the tab order.
 */
export function ClientSearch({ label, action, onAddNew, remember = false }: ClientSearchProps) {
  const session = useSession()
  const remembered = remember ? rememberedSearchFor(session.user.id) : null
  const form = useSearchForm({ ...NO_SEARCH, ...remembered?.values })
  const [criteria, setCriteria] = useState<ClientSearchCriteria | null>(remembered?.criteria ?? null)
  const [nothingTyped, setNothingTyped] = useState(false)
  const search = useQuery({
    queryKey: clientKeys.search(criteria ?? {}),
    queryFn: () => clientsApi.search(criteria ?? {}),
    enabled: criteria !== null,
    staleTime: 0,
  })

  const submit = form.onSubmit((values) => {
    const next = criteriaOf(values)
    setNothingTyped(next === null)
    if (!next) return
    setCriteria(next)
    if (remember) rememberSearch({ userId: session.user.id, values, criteria: next })
    // The same search again asks the server again: someone may have just added the client.
    if (JSON.stringify(next) === JSON.stringify(criteria)) void search.refetch()
  })

  const clear = () => {
    form.reset()
    form.setValues(NO_SEARCH)
    setCriteria(null)
    setNothingTyped(false)
    if (remember) rememberSearch({ userId: session.user.id, values: NO_SEARCH, criteria: null })
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-label={label}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
              <TextInput label="First name" autoComplete="off" {...form.getInputProps('firstName')} />
              <TextInput label="Last name" autoComplete="off" {...form.getInputProps('lastName')} />
              <TextInput type="date" label="Date of birth" {...form.getInputProps('dob')} />
              <TextInput
                label="SSN or last 4"
                autoComplete="off"
                inputMode="numeric"
                {...form.getInputProps('ssn')}
              />
              <TextInput
                label="Client ID"
                autoComplete="off"
                inputMode="numeric"
                {...form.getInputProps('clientNumber')}
              />
            </SimpleGrid>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label="Or search any of these in one box"
                placeholder="e.g. Smith, John 3/14/1985 6789"
                autoComplete="off"
                style={{ flex: '1 1 320px' }}
                {...form.getInputProps('q')}
              />
              <Button type="submit" loading={search.isFetching}>
                Search
              </Button>
              <Button variant="default" onClick={clear}>
                Clear
              </Button>
            </Group>
            {nothingTyped && (
              <Text size="sm" c="red.9" role="alert">
                Type at least one thing to search for: a name, a date of birth, an SSN or a Client ID.
              </Text>
            )}
          </Stack>
        </form>
      </Paper>

      {criteria && (
        <QueryState query={search} label="search results">
          {({ results, hint }) => {
            const hasMatch = results.some((result) => result.matchLevel !== null)
            return (
              <Stack gap="sm">
                {hint && (
                  <Alert
                    color="blue"
                    variant="light"
                    title="A record you cannot open may match"
                    role="status"
                  >
                    {hint}
                  </Alert>
                )}
                <Paper withBorder>
                  <Group justify="space-between" px="md" py="sm">
                    <Text size="sm" fw={600} role="status">
                      {resultSummary(results)}
                    </Text>
                    {onAddNew && (
                      <Button variant={hasMatch ? 'light' : 'filled'} onClick={() => onAddNew(criteria)}>
                        No match — Add new client
                      </Button>
                    )}
                  </Group>
                  {results.length > 0 && (
                    <SearchResultsTable results={results} action={action} caption={`${label} results`} />
                  )}
                </Paper>
              </Stack>
            )
          }}
        </QueryState>
      )}
    </Stack>
  )
}
