import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { MAX_RELEASE_DEFAULT_MONTHS, ROLE_LABELS, ROLES, type Role } from '@threshold/core'
import { useState } from 'react'
import type { Coc } from '../../api/types'
import { FormError, useFormSubmit } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { currentMembership, sessionQueryKey, useSession } from '../auth/session'
import { cocKeys, cocsApi } from './cocs-api'

function CocSettingsForm({ coc }: { coc: Coc }) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: {
      name: coc.name,
      mfaRequiredRoles: coc.mfaRequiredRoles as string[],
      releaseDefaultMonths: coc.releaseDefaultMonths as number | string,
      searchMaskedHint: coc.searchMaskedHint,
      shareableCaseNotes: coc.shareableCaseNotes,
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter the CoC’s name'),
      releaseDefaultMonths: (value) =>
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= MAX_RELEASE_DEFAULT_MONTHS
          ? null
          : `Enter a whole number of months from 1 to ${MAX_RELEASE_DEFAULT_MONTHS}`,
    },
  })
  const { onSubmit, error, pending, succeeded } = useFormSubmit(
    form,
    (values) =>
      cocsApi.update(coc.id, {
        name: values.name.trim(),
        mfaRequiredRoles: values.mfaRequiredRoles as Role[],
        releaseDefaultMonths: Number(values.releaseDefaultMonths),
        searchMaskedHint: values.searchMaskedHint,
        shareableCaseNotes: values.shareableCaseNotes,
      }),
    {
      onSuccess: async () => {
        form.resetDirty()
        await queryClient.invalidateQueries({ queryKey: cocKeys.all })
        // The signed-in user's own role may now require a second factor.
        await queryClient.invalidateQueries({ queryKey: sessionQueryKey })
      },
    },
  )

  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {coc.code} settings
          </Title>
          <FormError message={error} />
          {succeeded && !form.isDirty() && (
            <Alert color="green" variant="light" role="status">
              Saved.
            </Alert>
          )}
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Checkbox.Group
            label="Roles that must use two-step verification"
            description="People with these roles set up an authenticator app before they can work. Recommended for everyone who sees client records."
            {...form.getInputProps('mfaRequiredRoles')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {ROLES.map((role) => (
                <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <NumberInput
            label="Default length of a release of information (months)"
            description="A new release ends this many months after its start date unless an end date is entered."
            required
            min={1}
            max={MAX_RELEASE_DEFAULT_MONTHS}
            allowDecimal={false}
            allowNegative={false}
            w={{ base: '100%', sm: 360 }}
            {...form.getInputProps('releaseDefaultMonths')}
          />
          <Switch
            label="Find Client: hint at matches in restricted records"
            description="When a likely match is in a restricted (never a confidential) record the searcher cannot open, Find Client says “a possible match exists in a record you cannot open — contact the CE team”, with no personal data."
            {...form.getInputProps('searchMaskedHint', { type: 'checkbox' })}
          />
          <Switch
            label="Shareable case notes"
            description="Authors may mark a case note shareable with agencies that hold an active project-data release for the client."
            {...form.getInputProps('shareableCaseNotes', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function NewCocForm() {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { code: '', name: '' },
    validate: {
      code: (value) => (/^[A-Z]{2}-\d{3}$/.test(value.trim()) ? null : 'Use the HUD CoC code, like GA-502'),
      name: (value) => (value.trim() ? null : 'Enter the CoC’s name'),
    },
  })
  const { onSubmit, error, pending } = useFormSubmit(
    form,
    (values) => cocsApi.create({ code: values.code.trim(), name: values.name.trim() }),
    {
      conflictField: 'code',
      onSuccess: async () => {
        form.reset()
        await queryClient.invalidateQueries({ queryKey: cocKeys.all })
      },
    },
  )
  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Add a Continuum of Care
          </Title>
          <FormError message={error} />
          <Group align="flex-start" grow>
            <TextInput label="CoC code" required placeholder="GA-502" {...form.getInputProps('code')} />
            <TextInput label="Name" required {...form.getInputProps('name')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={pending}>
              Add CoC
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

export function CocSettingsPage() {
  const session = useSession()
  const cocs = useQuery({ queryKey: cocKeys.all, queryFn: cocsApi.list })
  const [selectedId, setSelectedId] = useState<string | null>(currentMembership(session)?.cocId ?? null)

  return (
    <>
      <PageHeader
        title="Continuum of Care"
        description="Settings that apply to every organization and user of the CoC."
      />
      <QueryState query={cocs} label="the CoC">
        {(rows) => {
          const selected = rows.find((coc) => coc.id === selectedId) ?? rows[0]
          return (
            <Stack gap="lg">
              {rows.length > 1 && (
                <Select
                  label="Continuum of Care"
                  data={rows.map((coc) => ({ value: coc.id, label: `${coc.code} ${coc.name}` }))}
                  value={selected?.id ?? null}
                  onChange={setSelectedId}
                  allowDeselect={false}
                  w={360}
                />
              )}
              {selected ? (
                <CocSettingsForm key={selected.id} coc={selected} />
              ) : (
                <Text c="dimmed">No Continuum of Care yet.</Text>
              )}
              {session.role === 'system_admin' && <NewCocForm />}
            </Stack>
          )
        }}
      </QueryState>
    </>
  )
}
