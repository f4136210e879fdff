import { Checkbox, Fieldset, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import {
  BENEFIT_FIELDS,
  DISABILITY_TYPE_CODES,
  DISABILITY_TYPES,
  INCOME_SOURCE_FIELDS,
  INSURANCE_FIELDS,
} from '@threshold/core'
import { hudOptions } from '../clients/client-options'
import {
  BENEFIT_LABELS,
  DISABILITY_LABELS,
  INCOME_SOURCE_LABELS,
  INSURANCE_LABELS,
  type StageFormValues,
} from './stage-answers'

const NO_YES_REASONS = hudOptions('1.8')
const SUBSTANCE_USE = hudOptions('4.10.2')
const WHEN_OCCURRED = hudOptions('4.11.A')

/**
 * HUD 4.02 income, 4.03 benefits, 4.04 health insurance, 4.05–4.10 disabilities and 4.11 domestic violence,
 * for one person at one stage. `path` is where the StageFormValues sit in the form ('answers',
 * 'members.0.answers').
 */
export function StageAnswersFields<Values>({
  form,
  path,
  values,
}: {
  form: UseFormReturnType<Values>
  path: string
  values: StageFormValues
}) {
  const input = (field: string) => form.getInputProps(`${path}.${field}` as never)
  return (
    <Stack gap="md">
      <Fieldset legend="4.02 Income and sources">
        <Stack gap="sm">
          <Select
            label="Income from any source"
            data={NO_YES_REASONS}
            clearable
            {...input('incomeFromAnySource')}
          />
          {values.incomeFromAnySource === '1' && (
            <Checkbox.Group label="Sources" {...input('incomeSources')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={6}>
                {INCOME_SOURCE_FIELDS.map((source) => (
                  <Checkbox key={source} value={source} label={INCOME_SOURCE_LABELS[source]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          {values.incomeFromAnySource === '1' && values.incomeSources.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {values.incomeSources.map((source) => (
                <NumberInput
                  key={source}
                  label={`${INCOME_SOURCE_LABELS[source]}: monthly amount`}
                  prefix="$"
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  {...input(`incomeAmounts.${source}`)}
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend="4.03 Non-cash benefits">
        <Stack gap="sm">
          <Select
            label="Non-cash benefits from any source"
            data={NO_YES_REASONS}
            clearable
            {...input('benefitsFromAnySource')}
          />
          {values.benefitsFromAnySource === '1' && (
            <Checkbox.Group label="Benefits" {...input('benefits')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={6}>
                {BENEFIT_FIELDS.map((benefit) => (
                  <Checkbox key={benefit} value={benefit} label={BENEFIT_LABELS[benefit]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend="4.04 Health insurance">
        <Stack gap="sm">
          <Select
            label="Covered by health insurance"
            data={NO_YES_REASONS}
            clearable
            {...input('insuranceFromAnySource')}
          />
          {values.insuranceFromAnySource === '1' && (
            <Checkbox.Group label="Insurance" {...input('insurance')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={6}>
                {INSURANCE_FIELDS.map((insurance) => (
                  <Checkbox key={insurance} value={insurance} label={INSURANCE_LABELS[insurance]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend="4.05–4.10 Disabilities">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {DISABILITY_TYPE_CODES.map((type) => (
            <Select
              key={type}
              label={DISABILITY_LABELS[type]}
              data={type === DISABILITY_TYPES.substanceUse ? SUBSTANCE_USE : NO_YES_REASONS}
              clearable
              {...input(`disabilities.${type}`)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="4.11 Domestic violence">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Survivor of domestic violence"
            data={NO_YES_REASONS}
            clearable
            {...input('domesticViolenceSurvivor')}
          />
          {values.domesticViolenceSurvivor === '1' && (
            <>
              <Select label="When it occurred" data={WHEN_OCCURRED} clearable {...input('whenOccurred')} />
              <Select
                label="Currently fleeing"
                data={NO_YES_REASONS}
                clearable
                {...input('currentlyFleeing')}
              />
            </>
          )}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  )
}
