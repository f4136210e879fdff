import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { AMI_HOUSEHOLD_SIZES, amiAmountsFromFourPerson, type CocAreaMedianIncome } from '@threshold/core'
import { FormError, useFormSubmit } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { DraftRestoredNotice } from '../clients/DraftRestoredNotice'
import { draftStorageKey, useFormDraft } from '../clients/use-form-draft'
import { eligibilityApi, eligibilityKeys } from './eligibility-api'

// The CoC's area median income by household size, which income rules compare against. CoC administrators
// set it (typing HUD's 4-person figure fills the other sizes with HUD's adjustments); others read it.

interface AmiValues {
  year: number
  fourPerson: number | ''
  amounts: (number | '')[]
}

const SIZES = Array.from({ length: AMI_HOUSEHOLD_SIZES }, (_unused, index) => index + 1)
const dollars = (amount: number) => `$${amount.toLocaleString('en-US')}`

function AmiForm({ current }: { current: CocAreaMedianIncome }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const form = useForm<AmiValues>({
    initialValues: {
      year: current.areaMedianIncome?.year ?? new Date().getFullYear(),
      fourPerson: current.areaMedianIncome?.amounts[3] ?? '',
      amounts: current.areaMedianIncome?.amounts ?? SIZES.map(() => ''),
    },
    validate: {
      amounts: (amounts) =>
        amounts.some((amount) => amount === '') ? 'Give the amount for every size' : null,
    },
  })
  const draft = useFormDraft(form, { key: draftStorageKey(session.user.id, 'eligibility:ami') })
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    (values) =>
      eligibilityApi.setAreaMedianIncome({ year: values.year, amounts: values.amounts.map(Number) }),
    {
      onSuccess: async (updated) => {
        draft.clear()
        form.resetDirty()
        queryClient.setQueryData(eligibilityKeys.ami, updated)
        await queryClient.invalidateQueries({ queryKey: eligibilityKeys.all })
      },
    },
  )
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <DraftRestoredNotice draft={draft} />
        <FormError message={error} />
        {succeeded && !form.isDirty() && (
          <Alert color="green" variant="light" role="status">
            Area median income saved.
          </Alert>
        )}
        <Group align="flex-end">
          <NumberInput label="HUD fiscal year" min={2000} max={2200} {...form.getInputProps('year')} />
          <NumberInput
            label="4-person area median income"
            prefix="$"
            thousandSeparator
            {...form.getInputProps('fourPerson')}
          />
          <Button
            variant="light"
            onClick={() => {
              const { fourPerson } = form.getValues()
              if (fourPerson !== '')
                form.setFieldValue('amounts', amiAmountsFromFourPerson(Number(fourPerson)))
            }}
          >
            Fill sizes 1–8 from the 4-person figure
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {SIZES.map((size, index) => (
            <NumberInput
              key={size}
              label={`Household of ${size}`}
              prefix="$"
              thousandSeparator
              {...form.getInputProps(`amounts.${index}`)}
            />
          ))}
        </SimpleGrid>
        {form.errors.amounts && (
          <Text size="xs" c="red">
            {form.errors.amounts}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={pending}>
            Save area median income
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function AreaMedianIncomeForm() {
  const ami = useQuery({ queryKey: eligibilityKeys.ami, queryFn: eligibilityApi.areaMedianIncome })
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5">
        Area median income (CoC setting for income rules)
      </Title>
      <QueryState query={ami} label="the area median income">
        {(loaded) =>
          loaded.canEdit ? (
            <AmiForm current={loaded} />
          ) : (
            <Text size="sm">
              {loaded.areaMedianIncome
                ? `FY${loaded.areaMedianIncome.year}: ${loaded.areaMedianIncome.amounts.map(dollars).join(', ')} for households of 1–8`
                : 'Not set yet: income rules answer “unknown” until a CoC administrator sets it.'}
            </Text>
          )
        }
      </QueryState>
    </Stack>
  )
}
