import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import type { Household, HouseholdMemberRemoval } from '@threshold/core'
import { FormError, useFormSubmit } from '../../components/forms'
import { clientName } from '../clients/client-handoffs'
import { clientKeys } from '../clients/clients-api'
import { todayIso } from '../clients/use-client-form'
import { householdKeys, householdsApi } from './households-api'

type Member = Household['members'][number]

/** Ends a membership on a date, with a reason; the member stays in the household's history. */
export function RemoveMemberModal({
  household,
  member,
  onClose,
}: {
  household: Household
  member: Member | null
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const today = todayIso()
  const form = useForm<HouseholdMemberRemoval>({
    initialValues: { removedOn: today, reason: '' },
    validate: {
      removedOn: (value) =>
        !value
          ? 'Enter the date the member left'
          : value > today
            ? 'The date must not be in the future'
            : member && value < member.joinedOn
              ? `The date must not be before they joined (${member.joinedOn})`
              : null,
      reason: (value) => (value.trim() ? null : 'Say why the member left (e.g. moved out)'),
    },
  })
  const close = () => {
    form.reset()
    onClose()
  }
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => {
      if (!member) throw new Error('No member chosen')
      return householdsApi.removeMember(household.id, member.client.id, {
        ...values,
        reason: values.reason.trim(),
      })
    },
    {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: householdKeys.all })
        await queryClient.invalidateQueries({ queryKey: clientKeys.all })
        close()
      },
    },
  )
  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={member ? `Remove ${clientName(member.client)} from the household` : ''}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The membership ends on this date. The person keeps their record and any other households, and this
            household’s history still shows they were a member.
          </Text>
          <FormError message={error} />
          <TextInput
            type="date"
            label="Left the household on"
            withAsterisk
            max={today}
            {...form.getInputProps('removedOn')}
          />
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={pending}>
              Remove from household
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
