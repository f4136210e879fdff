import { Alert, Button, Center, Loader, VisuallyHidden } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { errorMessage } from './forms'

/** Loading spinner, a readable failure with "Try again", or the content once the data is there. */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<T>
  /** What is loading, for screen readers and the error title ("users"). */
  label: string
  children: (data: T) => ReactNode
}) {
  if (query.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>Loading {label}…</VisuallyHidden>
      </Center>
    )
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" title={`Could not load ${label}`} role="alert">
        {errorMessage(query.error)}
        <div>
          <Button mt="sm" size="xs" variant="default" onClick={() => query.refetch()}>
            Try again
          </Button>
        </div>
      </Alert>
    )
  }
  return <>{children(query.data)}</>
}
