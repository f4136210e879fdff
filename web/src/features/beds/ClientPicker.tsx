import { Button, Group, Text } from '@mantine/core'
import { ClientSearch } from '../clients/ClientSearch'
import { clientName } from '../clients/client-handoffs'

export interface ChosenClient {
  id: string
  name: string
}

/**
 * Find Client, to pick an existing client: the facility screens never create one (someone who is not found
 * goes through intake first).
 */
export function ClientPicker({
  label,
  chosen,
  onChoose,
}: {
  /** Names the search, e.g. "Find Client for bed A1". */
  label: string
  chosen: ChosenClient | null
  onChoose: (client: ChosenClient | null) => void
}) {
  if (chosen) {
    return (
      <Group gap="sm">
        <Text fw={600}>{chosen.name}</Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => onChoose(null)}
          aria-label={`Change ${chosen.name} for someone else`}
        >
          Change
        </Button>
      </Group>
    )
  }
  return (
    <ClientSearch
      label={label}
      action={(result) => (
        <Button
          size="xs"
          onClick={() => onChoose({ id: result.id, name: clientName(result) })}
          aria-label={`Choose ${clientName(result)}`}
        >
          Choose
        </Button>
      )}
    />
  )
}
