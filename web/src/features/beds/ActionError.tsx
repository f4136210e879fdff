import { Alert } from '@mantine/core'
import { errorMessage } from '../../components/forms'

/** Why the server refused (a bar's reason, an occupied bed): its own words. */
export function ActionError({ error, title = 'Not done' }: { error: unknown; title?: string }) {
  if (!error) return null
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  )
}
