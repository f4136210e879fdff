import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import type { Client, ClientSearchResult, Household } from '@threshold/core'
import { useState } from 'react'
import { errorMessage } from '../../components/forms'
import { useSession } from '../auth/session'
import { ClientSearch } from '../clients/ClientSearch'
import { clientName, handOffToIntake, prefillFromSearch } from '../clients/client-handoffs'
import { clientKeys } from '../clients/clients-api'
import { todayIso } from '../clients/use-client-form'
import { PATHS } from '../shell/navigation'
import { currentMembers } from './household-summary'
import { householdKeys, joinHousehold } from './households-api'
import { isHead, MEMBER_RELATIONSHIP_OPTIONS, relationshipLabel } from './relationships'

/**
 * Adding a household member is a Find Client search: pick an existing client, or — only when nobody
 * matches — create the new one (the create form runs the duplicate check and then adds them here).
 * `household` is null when the client has none yet: the first member starts it with the client as head.
 */
export function AddMemberModal({
  opened,
  onClose,
  client,
  household,
}: {
  opened: boolean
  onClose: () => void
  client: Client
  household: Household | null
}) {
  const session = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [relationship, setRelationship] = useState<string | null>(null)
  const [joinedOn, setJoinedOn] = useState(todayIso())
  const [relationshipError, setRelationshipError] = useState<string | null>(null)
  const members = new Set(
    household ? currentMembers(household).map((member) => member.client.id) : [client.id],
  )

  const join = () => ({
    householdId: household?.id ?? null,
    headClientId: client.id,
    relationshipToHoh: Number(relationship),
    joinedOn,
  })
  const ready = () => {
    if (relationship) return true
    setRelationshipError('Choose how this person is related to the head of household first')
    return false
  }

  const add = useMutation({
    mutationFn: (member: ClientSearchResult) => joinHousehold(join(), member.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: householdKeys.all })
      await queryClient.invalidateQueries({ queryKey: clientKeys.all })
      close()
    },
  })

  function close() {
    setRelationship(null)
    setRelationshipError(null)
    add.reset()
    onClose()
  }

  const headName = household
    ? clientName(currentMembers(household).find(isHead)?.client ?? client)
    : clientName(client)

  return (
    <Modal opened={opened} onClose={close} title="Add household member" size="80rem">
      <Stack gap="md">
        <Text size="sm">
          {household
            ? `The new member joins ${headName}’s household.`
            : `${clientName(client)} is not in a household yet: adding a member starts one, with ${clientName(client)} as head of household (Self).`}{' '}
          Search first; add a new client only when nobody matches.
        </Text>
        <Group align="flex-start" gap="sm">
          <Select
            label={`Relationship to ${headName} (head of household)`}
            withAsterisk
            data={MEMBER_RELATIONSHIP_OPTIONS}
            value={relationship}
            onChange={(value) => {
              setRelationship(value)
              setRelationshipError(null)
            }}
            error={relationshipError}
            w={360}
            data-autofocus
          />
          <TextInput
            type="date"
            label="Joined the household on"
            withAsterisk
            value={joinedOn}
            max={todayIso()}
            onChange={(event) => setJoinedOn(event.currentTarget.value)}
            w={200}
          />
        </Group>
        {add.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(add.error)}
          </Text>
        )}
        <ClientSearch
          label="Find the household member"
          action={(result) =>
            members.has(result.id) ? (
              <Badge variant="light" color="gray">
                Already a member
              </Badge>
            ) : (
              <Button
                size="xs"
                loading={add.isPending && add.variables?.id === result.id}
                onClick={() => ready() && add.mutate(result)}
                aria-label={`Add ${clientName(result)} to the household`}
              >
                Add to household
              </Button>
            )
          }
          onAddNew={(criteria) => {
            if (!ready()) return
            handOffToIntake({
              userId: session.user.id,
              prefill: prefillFromSearch(criteria),
              household: { ...join(), returnTo: { clientId: client.id, name: clientName(client) } },
            })
            close()
            void navigate({ to: `${PATHS.clients}/new` })
          }}
        />
        {relationship && (
          <Text size="xs" c="dimmed">
            Adding as: {relationshipLabel(Number(relationship))}, from {joinedOn}.
          </Text>
        )}
      </Stack>
    </Modal>
  )
}
