import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type { Client, ClientPatch } from '@threshold/core'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { ConfirmAction } from '../../components/ConfirmAction'
import { FormError, showServerErrors } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { householdKeys } from '../households/households-api'
import { PATHS } from '../shell/navigation'
import { ClientFormSections } from './ClientFormSections'
import { VersionsTable } from './ClientHistorySection'
import { type ClientFormValues, changedClientFields, fromClient } from './client-form-values'
import { leaveSaveNotice } from './client-handoffs'
import { clientKeys, clientsApi } from './clients-api'
import { DraftRestoredNotice } from './DraftRestoredNotice'
import { FormActionBar } from './FormActionBar'
import { focusFirstError, useClientForm } from './use-client-form'
import { draftStorageKey, readDraft } from './use-form-draft'

/** Kept with an edit's draft: the version and values the edit started from, so a reload still detects conflicts. */
interface EditStart {
  version: number
  baseline: ClientFormValues
}

/** Someone saved the record after this edit began: what they changed, and what the user can do now. */
function ConflictNotice({
  client,
  sinceVersion,
  onSaveMine,
  saving,
}: {
  client: Client
  sinceVersion: number
  onSaveMine: () => void
  saving: boolean
}) {
  const history = useQuery({
    queryKey: clientKeys.history(client.id),
    queryFn: () => clientsApi.history(client.id),
  })
  return (
    <Alert
      color="orange"
      variant="light"
      title="Someone else changed this record while you were editing"
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">
          Your changes are not saved yet, and they are still in the form below. Here is what changed in the
          meantime. Saving again applies only the fields you changed; their other changes stay.
        </Text>
        <QueryState query={history} label="the changes">
          {({ versions }) => (
            <VersionsTable
              versions={versions.filter((version) => version.version > sinceVersion)}
              caption="Changes saved by others since you started editing"
            />
          )}
        </QueryState>
        <Group>
          <Button color="orange" onClick={onSaveMine} loading={saving}>
            Save my changes anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

/** The intake form over an existing record: only changed fields are sent, against the version it started from. */
export function EditClientSection({ client }: { client: Client }) {
  const session = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [start] = useState<EditStart>(
    () =>
      readDraft<ClientFormValues, EditStart>(draftStorageKey(session.user.id, `client:${client.id}`))
        ?.extra ?? {
        version: client.version,
        baseline: fromClient(client),
      },
  )
  const [againstVersion, setAgainstVersion] = useState(start.version)
  const [conflict, setConflict] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [nothingChanged, setNothingChanged] = useState(false)
  const edit = { baseline: start.baseline, client }
  const { form, draft, warnings, onManualQuality } = useClientForm<EditStart>({
    initialValues: start.baseline,
    edit,
    draftSubject: client.id,
    draftExtra: start,
  })
  const profilePath = `${PATHS.clients}/${client.id}/profile`

  const save = useMutation({
    mutationFn: (patch: ClientPatch) => clientsApi.update(client.id, patch),
    onSuccess: async (saved) => {
      draft.clear()
      queryClient.setQueryData(clientKeys.detail(client.id), saved.client)
      await queryClient.invalidateQueries({ queryKey: clientKeys.history(client.id) })
      await queryClient.invalidateQueries({ queryKey: householdKeys.all })
      leaveSaveNotice(client.id, { message: 'Your changes were saved.', warnings: saved.warnings })
      await navigate({ to: profilePath })
    },
    onError: async (failure) => {
      if (failure instanceof ApiError && failure.code === 'conflict') {
        setConflict(true)
        setError(null)
        // The record as it is now: the header, the form's checks and the changes list follow it.
        await queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) })
        await queryClient.invalidateQueries({ queryKey: clientKeys.history(client.id) })
        window.scrollTo({ top: 0, behavior: 'smooth' })
        return
      }
      setError(showServerErrors(form, failure, { fieldNames: { raceNone: 'raceEthnicity' } }))
      focusFirstError()
    },
  })

  const submitAgainst = (version: number) =>
    form.onSubmit(
      (values) => {
        setError(null)
        const changes = changedClientFields(start.baseline, values, Boolean(client.ssn))
        if (Object.keys(changes).length === 0) {
          setNothingChanged(true)
          return
        }
        setNothingChanged(false)
        save.mutate({ ...changes, version })
      },
      () => focusFirstError(),
    )

  return (
    <form onSubmit={submitAgainst(againstVersion)} noValidate>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Edit profile
          </Title>
          <Text size="sm" c="dimmed">
            Fields with a red asterisk are required.
          </Text>
        </Group>
        <DraftRestoredNotice
          draft={draft}
          note="For safety the SSN is never kept in a draft: type it again if you were changing it."
        />
        {conflict && (
          <ConflictNotice
            client={client}
            sinceVersion={againstVersion}
            saving={save.isPending}
            onSaveMine={() => {
              setConflict(false)
              setAgainstVersion(client.version)
              void submitAgainst(client.version)()
            }}
          />
        )}
        {nothingChanged && (
          <Alert color="blue" variant="light" role="status">
            Nothing to save: no field was changed.
          </Alert>
        )}
        <FormError message={error} />
        <ClientFormSections
          form={form}
          client={client}
          warnings={warnings}
          onManualQuality={onManualQuality}
        />
        <FormActionBar>
          {form.isDirty() ? (
            <ConfirmAction
              variant="default"
              label="Cancel"
              title="Discard your changes?"
              message="The changes you made in this form will be thrown away. The record stays as it is."
              confirmLabel="Discard changes"
              onConfirm={() => {
                draft.clear()
                void navigate({ to: profilePath })
              }}
            />
          ) : (
            <Button variant="default" component={Link} to={profilePath}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            Save changes
          </Button>
        </FormActionBar>
      </Stack>
    </form>
  )
}
