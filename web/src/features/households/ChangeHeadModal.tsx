import { Alert, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Household, HouseholdHeadChange } from '@threshold/core'
import { useState } from 'react'
import { errorMessage } from '../../components/forms'
import { clientName } from '../clients/client-handoffs'
import { clientKeys } from '../clients/clients-api'
import { currentMembers } from './household-summary'
import { householdKeys, householdsApi } from './households-api'
import { isHead, MEMBER_RELATIONSHIP_OPTIONS, relationshipLabel } from './relationships'

type Relationship = HouseholdHeadChange['relationships'][number]['relationshipToHoh']

/**
 * Changing the head of household in one step: choose the new head, then say how every other member
 * (the old head included) is related to them — relationships to the old head don't carry over.
 */
export function ChangeHeadModal({
  opened,
  onClose,
  household,
}: {
  opened: boolean
  onClose: () => void
  household: Household
}) {
  const queryClient = useQueryClient()
  const members = currentMembers(household)
  const oldHead = members.find(isHead)
  const [newHeadId, setNewHeadId] = useState<string | null>(null)
  const [relationships, setRelationships] = useState<Record<string, string | null>>({})
  const [missing, setMissing] = useState(false)
  const others = members.filter((member) => member.client.id !== newHeadId)

  const change = useMutation({
    mutationFn: (input: HouseholdHeadChange) => householdsApi.changeHead(household.id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: householdKeys.all })
      await queryClient.invalidateQueries({ queryKey: clientKeys.all })
      close()
    },
  })

  function close() {
    setNewHeadId(null)
    setRelationships({})
    setMissing(false)
    change.reset()
    onClose()
  }

  function submit() {
    if (!newHeadId) return
    const restated = others.map((member) => ({
      clientId: member.client.id,
      code: relationships[member.client.id],
    }))
    if (restated.some((entry) => !entry.code)) {
      setMissing(true)
      return
    }
    change.mutate({
      clientId: newHeadId,
      relationships: restated.map((entry) => ({
        clientId: entry.clientId,
        relationshipToHoh: Number(entry.code) as Relationship,
      })),
      ...(household.headClientId && { expectedHeadClientId: household.headClientId }),
    })
  }

  const newHead = members.find((member) => member.client.id === newHeadId)
  return (
    <Modal opened={opened} onClose={close} title="Change head of household" size="lg">
      <Stack gap="md">
        <Text size="sm">
          Current head: <strong>{oldHead ? clientName(oldHead.client) : 'not visible to you'}</strong>. Choose
          the new head, then say how each other member is related to them.
        </Text>
        <Select
          label="New head of household"
          withAsterisk
          data={members
            .filter((member) => !isHead(member))
            .map((member) => ({ value: member.client.id, label: clientName(member.client) }))}
          value={newHeadId}
          onChange={(value) => {
            setNewHeadId(value)
            setRelationships({})
            setMissing(false)
          }}
          data-autofocus
        />
        {newHead && (
          <Table verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">Relationships to the new head of household</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th>Was</Table.Th>
                <Table.Th>Relationship to {clientName(newHead.client)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {others.map((member) => {
                const value = relationships[member.client.id] ?? null
                return (
                  <Table.Tr key={member.client.id}>
                    <Table.Td>{clientName(member.client)}</Table.Td>
                    <Table.Td>{relationshipLabel(member.relationshipToHoh)}</Table.Td>
                    <Table.Td>
                      <Select
                        label={`Relationship of ${clientName(member.client)} to ${clientName(newHead.client)}`}
                        labelProps={{ className: 'visually-hidden' }}
                        data={MEMBER_RELATIONSHIP_OPTIONS}
                        value={value}
                        onChange={(next) =>
                          setRelationships((current) => ({ ...current, [member.client.id]: next }))
                        }
                        error={missing && !value ? 'Choose a relationship' : undefined}
                        w={300}
                      />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
        {change.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(change.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!newHeadId} loading={change.isPending}>
            Change head of household
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
