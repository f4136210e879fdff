import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  TextInput,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import {
  AGE_SUBJECT_LABELS,
  AGE_SUBJECTS,
  ELIGIBILITY_HOUSEHOLD_TYPES,
  type EligibilityNode,
  FLAG_LABELS,
  HOUSEHOLD_FLAGS,
  HOUSEHOLD_TYPE_LABELS,
  MAX_RULE_DEPTH,
} from '@threshold/core'
import { type NodeKind, newNode } from './new-node'

// Edits a list of eligibility rules in place in a Mantine form: each rule is a condition or an all-of /
// any-of group of them, and groups nest (up to the contract's depth). Labels carry the rule's number
// ("Rule 2.1 type") so screen readers and tests can tell the inputs apart.

export interface RuleFormValues {
  rules: EligibilityNode[]
  note: string
}

export type RuleForm = UseFormReturnType<RuleFormValues>

const KIND_OPTIONS: { value: NodeKind; label: string }[] = [
  { value: 'age', label: 'Age' },
  { value: 'household_type', label: 'Household type' },
  { value: 'flag', label: 'Household fact (veteran, chronic, disability, DV, youth)' },
  { value: 'ce_score', label: 'CE assessment score' },
  { value: 'income_ami', label: 'Income as % of area median' },
  { value: 'ce_project', label: 'CE project (where assessed)' },
  { value: 'all_of', label: 'Group: all of these' },
  { value: 'any_of', label: 'Group: any of these' },
]

function valueAt(values: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((current, key) => (current as Record<string, unknown>)?.[key], values)
}

const toNullableNumber = (value: string | number) => (value === '' ? null : Number(value))

function Bounds({ form, path, label, unit }: { form: RuleForm; path: string; label: string; unit: string }) {
  const node = valueAt(form.getValues(), path) as { min: number | null; max: number | null }
  return (
    <Group grow>
      <NumberInput
        label={`${label} minimum ${unit}`}
        value={node.min ?? ''}
        onChange={(value) => form.setFieldValue(`${path}.min`, toNullableNumber(value) as never)}
        error={form.errors[`${path}.min`]}
      />
      <NumberInput
        label={`${label} maximum ${unit}`}
        value={node.max ?? ''}
        onChange={(value) => form.setFieldValue(`${path}.max`, toNullableNumber(value) as never)}
        error={form.errors[`${path}.max`]}
      />
    </Group>
  )
}

function ConditionFields({
  form,
  path,
  label,
  node,
  ceProjects,
}: {
  form: RuleForm
  path: string
  label: string
  node: EligibilityNode
  ceProjects: { value: string; label: string }[]
}) {
  switch (node.kind) {
    case 'age':
      return (
        <>
          <Select
            label={`${label} whose age`}
            data={AGE_SUBJECTS.map((subject) => ({ value: subject, label: AGE_SUBJECT_LABELS[subject] }))}
            allowDeselect={false}
            {...form.getInputProps(`${path}.subject`)}
          />
          <Bounds form={form} path={path} label={label} unit="age" />
        </>
      )
    case 'household_type':
      return (
        <MultiSelect
          label={`${label} household types`}
          data={ELIGIBILITY_HOUSEHOLD_TYPES.map((type) => ({
            value: type,
            label: HOUSEHOLD_TYPE_LABELS[type],
          }))}
          {...form.getInputProps(`${path}.types`)}
        />
      )
    case 'flag':
      return (
        <Group grow>
          <Select
            label={`${label} fact`}
            data={HOUSEHOLD_FLAGS.map((flag) => ({ value: flag, label: FLAG_LABELS[flag].yes }))}
            allowDeselect={false}
            {...form.getInputProps(`${path}.flag`)}
          />
          <Select
            label={`${label} must be`}
            data={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            allowDeselect={false}
            value={node.is ? 'yes' : 'no'}
            onChange={(value) => form.setFieldValue(`${path}.is`, (value === 'yes') as never)}
          />
        </Group>
      )
    case 'ce_score':
      return <Bounds form={form} path={path} label={label} unit="score" />
    case 'income_ami':
      return (
        <NumberInput
          label={`${label} highest income, % of area median`}
          min={1}
          max={500}
          suffix="%"
          value={node.maxPercent}
          onChange={(value) => form.setFieldValue(`${path}.maxPercent`, Number(value) as never)}
          error={form.errors[`${path}.maxPercent`]}
        />
      )
    case 'ce_project':
      return (
        <MultiSelect
          label={`${label} CE projects`}
          data={ceProjects}
          {...form.getInputProps(`${path}.projectIds`)}
        />
      )
    default:
      return null
  }
}

function NodeEditor({
  form,
  path,
  number,
  depth,
  onRemove,
  ceProjects,
}: {
  form: RuleForm
  path: string
  number: string
  depth: number
  onRemove: () => void
  ceProjects: { value: string; label: string }[]
}) {
  const node = valueAt(form.getValues(), path) as EligibilityNode
  const label = `Rule ${number}`
  const isGroup = node.kind === 'all_of' || node.kind === 'any_of'
  const kinds =
    depth > MAX_RULE_DEPTH ? KIND_OPTIONS.filter((option) => !option.value.endsWith('_of')) : KIND_OPTIONS
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={label} style={{ margin: 0 }}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            label={`${label} type`}
            data={kinds}
            allowDeselect={false}
            value={node.kind}
            onChange={(kind) => kind && form.setFieldValue(path, newNode(kind as NodeKind) as never)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove rule ${number}`}
            onClick={onRemove}
          >
            ×
          </ActionIcon>
        </Group>
        <ConditionFields form={form} path={path} label={label} node={node} ceProjects={ceProjects} />
        {isGroup && (
          <Stack gap="xs" pl="md">
            {node.conditions.map((_child, index) => (
              <NodeEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; the path is the identity
                key={index}
                form={form}
                path={`${path}.conditions.${index}`}
                number={`${number}.${index + 1}`}
                depth={depth + 1}
                ceProjects={ceProjects}
                onRemove={() => form.removeListItem(`${path}.conditions`, index)}
              />
            ))}
            <div>
              <Button
                size="xs"
                variant="light"
                onClick={() => form.insertListItem(`${path}.conditions`, newNode('age'))}
              >
                Add a condition to rule {number}
              </Button>
            </div>
          </Stack>
        )}
        <TextInput
          label={`${label} wording (optional)`}
          description="Plain language shown to workers; generated when left empty"
          {...form.getInputProps(`${path}.description`)}
          value={(node.description as string | undefined) ?? ''}
        />
      </Stack>
    </Paper>
  )
}

export function RuleEditor({
  form,
  ceProjects,
}: {
  form: RuleForm
  ceProjects: { value: string; label: string }[]
}) {
  const { rules } = form.getValues()
  return (
    <Stack gap="sm">
      {rules.map((_rule, index) => (
        <NodeEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no ids; the path is the identity
          key={index}
          form={form}
          path={`rules.${index}`}
          number={String(index + 1)}
          depth={1}
          ceProjects={ceProjects}
          onRemove={() => form.removeListItem('rules', index)}
        />
      ))}
      <div>
        <Button variant="light" onClick={() => form.insertListItem('rules', newNode('age'))}>
          Add a rule
        </Button>
      </div>
    </Stack>
  )
}
