import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type { ClientSearchResult, NewClient, SavedClient } from '@threshold/core'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { ConfirmAction } from '../../components/ConfirmAction'
import { formatDateTime } from '../../components/format'
import { errorMessage, FormError, showServerErrors } from '../../components/forms'
import { PageHeader } from '../../components/PageHeader'
import { useSession } from '../auth/session'
import { householdKeys, joinHousehold } from '../households/households-api'
import { relationshipLabel } from '../households/relationships'
import { PATHS } from '../shell/navigation'
import { ClientFormSections } from './ClientFormSections'
import { type ClientFormValues, EMPTY_CLIENT_FORM, toClientFields, toNewAliases } from './client-form-values'
import {
  clearIntakeHandoff,
  clientName,
  type HouseholdJoin,
  type IntakeHandoff,
  leaveSaveNotice,
  pendingIntakeFor,
} from './client-handoffs'
import { clientKeys, clientsApi } from './clients-api'
import { DraftRestoredNotice } from './DraftRestoredNotice'
import { FormActionBar } from './FormActionBar'
import { duplicateCandidates, PossibleDuplicates } from './PossibleDuplicates'
import { focusFirstError, useClientForm } from './use-client-form'
import { draftStorageKey, readDraft } from './use-form-draft'

/** Stored with a new client's draft, so a reload still knows which household the client joins. */
interface NewClientDraftContext {
  household?: HouseholdJoin
}

const SSN_NOT_IN_DRAFTS = 'For safety the SSN is never kept in a draft: type it again if you had entered one.'

/** Only reached from Find Client: with no search (and no unfinished draft) the user is sent to search first. */
function SearchFirst() {
  return (
    <>
      <PageHeader title="New client" />
      <Paper withBorder p="lg" maw={640}>
        <Stack gap="sm">
          <Text fw={600}>Search for the client first</Text>
          <Text size="sm">
            Every new record starts with a Find Client search, so nobody ends up with two records. If the
            search finds no match, “No match — Add new client” brings you back here with what you typed.
          </Text>
          <div>
            <Button component={Link} to={PATHS.clients}>
              Go to Find Client
            </Button>
          </div>
        </Stack>
      </Paper>
    </>
  )
}

/** A fresh search and an unfinished new client at once: the user says which one to work on. */
function ChooseDraftOrFresh({
  draftName,
  savedAt,
  onChoose,
}: {
  draftName: string
  savedAt: string
  onChoose: (choice: 'draft' | 'fresh') => void
}) {
  return (
    <>
      <PageHeader title="New client" />
      <Paper withBorder p="lg" maw={640}>
        <Stack gap="sm">
          <Text fw={600}>You have an unfinished new client</Text>
          <Text size="sm">
            {draftName}, last changed {formatDateTime(savedAt)}, was never saved. Continue with it, or start
            the client you just searched for (the unfinished one is then discarded).
          </Text>
          <Group>
            <Button onClick={() => onChoose('draft')}>Continue the unfinished client</Button>
            <Button variant="default" onClick={() => onChoose('fresh')}>
              Start the new client
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  )
}

export function NewClientPage() {
  const session = useSession()
  const draftKey = draftStorageKey(session.user.id, 'client:new')
  const [handoff] = useState(() => pendingIntakeFor(session.user.id))
  const [draft] = useState(() => readDraft<ClientFormValues, NewClientDraftContext>(draftKey))
  const [choice, setChoice] = useState<'draft' | 'fresh' | null>(
    draft ? (handoff ? null : 'draft') : handoff ? 'fresh' : null,
  )

  if (!handoff && !draft) return <SearchFirst />
  if (choice === null && draft) {
    return (
      <ChooseDraftOrFresh
        draftName={clientName(draft.values)}
        savedAt={draft.savedAt}
        onChoose={(chosen) => {
          if (chosen === 'fresh') window.localStorage.removeItem(draftKey)
          setChoice(chosen)
        }}
      />
    )
  }
  const fresh = choice === 'fresh' && handoff
  return (
    <NewClientForm
      initialValues={fresh ? { ...EMPTY_CLIENT_FORM, ...handoff.prefill } : EMPTY_CLIENT_FORM}
      household={fresh ? handoff.household : draft?.extra?.household}
      handoff={fresh ? handoff : null}
    />
  )
}

function NewClientForm({
  initialValues,
  household,
  handoff,
}: {
  initialValues: ClientFormValues
  household: HouseholdJoin | undefined
  handoff: IntakeHandoff | null
}) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { form, draft, warnings, onManualQuality } = useClientForm<NewClientDraftContext>({
    initialValues,
    draftSubject: 'new',
    draftExtra: { household },
  })
  const [error, setError] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<ClientSearchResult[]>([])

  const backTo = household ? `${PATHS.clients}/${household.returnTo.clientId}/household` : PATHS.clients

  async function finish(saved: SavedClient) {
    draft.clear()
    clearIntakeHandoff()
    await queryClient.invalidateQueries({ queryKey: clientKeys.all })
    const { client, warnings: serverWarnings } = saved
    if (!household) {
      leaveSaveNotice(client.id, { message: `${clientName(client)} was added.`, warnings: serverWarnings })
      await navigate({ to: `${PATHS.clients}/${client.id}` })
      return
    }
    try {
      await joinHousehold(household, client.id)
      await queryClient.invalidateQueries({ queryKey: householdKeys.all })
      leaveSaveNotice(household.returnTo.clientId, {
        message: `${clientName(client)} was added and joined the household as ${relationshipLabel(household.relationshipToHoh)}.`,
        warnings: serverWarnings,
      })
      await navigate({ to: backTo })
    } catch (failure) {
      // The record exists; only joining failed. Say so on the new record rather than lose track of it.
      leaveSaveNotice(client.id, {
        message: `${clientName(client)} was added, but could not join the household: ${errorMessage(failure)}`,
        warnings: serverWarnings,
      })
      await navigate({ to: `${PATHS.clients}/${client.id}` })
    }
  }

  const create = useMutation({
    mutationFn: (input: NewClient) => clientsApi.create(input),
    onSuccess: finish,
    onError: (failure) => {
      if (failure instanceof ApiError && failure.code === 'possible_duplicates') {
        setCandidates(duplicateCandidates(failure.details))
        setError(null)
        window.requestAnimationFrame(() => window.scrollTo({ top: 0, behavior: 'smooth' }))
        return
      }
      setError(showServerErrors(form, failure, { fieldNames: { raceNone: 'raceEthnicity' } }))
      focusFirstError()
    },
  })

  // The likely match is the person after all: they join the household instead of a new record.
  const joinExisting = useMutation({
    mutationFn: (candidate: ClientSearchResult) => {
      if (!household) throw new Error('Only when adding a household member')
      return joinHousehold(household, candidate.id)
    },
    onSuccess: async (_, candidate) => {
      draft.clear()
      clearIntakeHandoff()
      await queryClient.invalidateQueries({ queryKey: householdKeys.all })
      if (household) {
        leaveSaveNotice(household.returnTo.clientId, {
          message: `${clientName(candidate)} joined the household; no new record was created.`,
          warnings: [],
        })
      }
      await navigate({ to: backTo })
    },
    onError: (failure) => setError(errorMessage(failure)),
  })

  const payload = (values: ClientFormValues, reason?: string): NewClient => ({
    ...toClientFields(values),
    aliases: toNewAliases(values),
    ...(reason && { duplicateOverride: { reason } }),
  })

  const submit = form.onSubmit(
    (values) => {
      setError(null)
      setCandidates([])
      create.mutate(payload(values))
    },
    () => focusFirstError(),
  )

  return (
    <>
      <Anchor component={Link} to={backTo} size="sm">
        ← {household ? `Back to ${household.returnTo.name}’s household` : 'Back to Find Client'}
      </Anchor>
      <PageHeader
        title="New client"
        description="Basic Client Information Assessment. Fields with a red asterisk are required; “Client doesn’t know”, “Client prefers not to answer” and “Data not collected” are always accepted."
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={1100}>
          <DraftRestoredNotice draft={draft} note={SSN_NOT_IN_DRAFTS} />
          {handoff && !draft.restoredAt && Object.keys(handoff.prefill).length > 0 && (
            <Text size="sm" c="dimmed">
              What you typed into Find Client is filled in below.
            </Text>
          )}
          {household && (
            <Alert color="indigo" variant="light" title="Adding a household member" role="status">
              Once saved, this client joins {household.returnTo.name}’s household as “
              {relationshipLabel(household.relationshipToHoh)}”.
            </Alert>
          )}
          {candidates.length > 0 && (
            <PossibleDuplicates
              candidates={candidates}
              creating={create.isPending}
              onCreateAnyway={(reason) => create.mutate(payload(form.getValues(), reason))}
              alternative={
                household
                  ? (candidate) => (
                      <Button
                        size="xs"
                        loading={joinExisting.isPending && joinExisting.variables?.id === candidate.id}
                        onClick={() => joinExisting.mutate(candidate)}
                      >
                        Add to household instead
                      </Button>
                    )
                  : undefined
              }
            />
          )}
          <FormError message={error} />
          <ClientFormSections form={form} warnings={warnings} onManualQuality={onManualQuality} />
          <FormActionBar>
            <ConfirmAction
              variant="default"
              label="Cancel"
              title="Discard this new client?"
              message="Nothing has been saved yet. Everything typed into this form will be thrown away."
              confirmLabel="Discard"
              onConfirm={() => {
                draft.clear()
                clearIntakeHandoff()
                void navigate({ to: backTo })
              }}
            />
            <Button type="submit" loading={create.isPending}>
              Save client
            </Button>
          </FormActionBar>
        </Stack>
      </form>
    </>
  )
}
