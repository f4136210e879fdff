import { Alert, Button, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { type Enrollment, HEAD_OF_HOUSEHOLD, type ReferralDetail } from '@threshold/core'
import { useState } from 'react'
import { formatDate } from '../../components/format'
import { FormError, useFormSubmit } from '../../components/forms'
import { QueryState } from '../../components/QueryState'
import { useSession } from '../auth/session'
import { projectKeys, projectsApi } from '../projects/projects-api'
import { canVisit, PATHS } from '../shell/navigation'
import { referralKeys, referralsApi } from './referrals-api'

interface DirectReferralValues {
  openingId: string
  note: string
}

/** Open openings of other projects that accept direct referrals (the server decides again). */
function useDirectOpenings(fromProjectId: string, enabled: boolean) {
  const openings = useQuery({ queryKey: referralKeys.openings, queryFn: referralsApi.openings, enabled })
  const projects = useQuery({
    queryKey: projectKeys.list({ active: true }),
    queryFn: () => projectsApi.list({ active: true }),
    enabled,
  })
  const accepting = new Set(
    (projects.data ?? []).filter((project) => project.acceptsDirectReferrals).map((project) => project.id),
  )
  const options = (openings.data ?? [])
    .filter(
      (opening) =>
        accepting.has(opening.project.id) &&
        opening.project.id !== fromProjectId &&
        !opening.closed &&
        opening.slotsTaken < opening.capacity,
    )
    .map((opening) => ({
      value: opening.id,
      label: `${opening.project.name} (${opening.organization.name}) · from ${formatDate(opening.availableOn)}`,
    }))
  return { query: openings, projectsLoaded: projects.isSuccess, options }
}

function DirectReferralForm({ enrollment, onClose }: { enrollment: Enrollment; onClose(): void }) {
  const session = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [sent, setSent] = useState<ReferralDetail | null>(null)
  const { query, projectsLoaded, options } = useDirectOpenings(enrollment.projectId, true)
  const form = useForm<DirectReferralValues>({
    initialValues: { openingId: '', note: '' },
    validate: { openingId: (value) => (value ? null : 'Choose the opening') },
  })
  const submit = useFormSubmit(
    form,
    (values) =>
      referralsApi.create({
        openingId: values.openingId,
        sourceEnrollmentId: enrollment.id,
        ...(values.note.trim() && { note: values.note.trim() }),
      }),
    {
      onSuccess: async (referral) => {
        await queryClient.invalidateQueries({ queryKey: referralKeys.all })
        const page = `${PATHS.referrals}/${referral.id}`
        // Roles without the Referrals pages (case managers) get the confirmation here.
        if (!canVisit(session.role, page)) return setSent(referral)
        onClose()
        await navigate({ to: page })
      },
    },
  )
  if (sent) {
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light" role="status" title="Referral sent">
          {sent.project.name} ({sent.receivingOrganization.name}) has been notified and responds to the
          referral; Coordinated Entry sees it too.
        </Alert>
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Stack>
    )
  }
  return (
    <QueryState query={query} label="openings">
      {() =>
        projectsLoaded && options.length === 0 ? (
          <Alert color="blue" variant="light">
            No project accepting direct referrals has an open opening now. Coordinated Entry can still refer
            the household through the queue.
          </Alert>
        ) : (
          <form onSubmit={submit.onSubmit} noValidate>
            <Stack gap="sm">
              <Text size="sm">
                The household of this {enrollment.projectName} enrollment is referred directly, without the
                Coordinated Entry queue. The receiving agency sees it as a direct referral from your project.
              </Text>
              <Select
                label="Opening"
                data={options}
                withAsterisk
                searchable
                {...form.getInputProps('openingId')}
              />
              <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
              <FormError message={submit.error} />
              <Button type="submit" loading={submit.pending}>
                Send referral
              </Button>
            </Stack>
          </form>
        )
      }
    </QueryState>
  )
}

/** "Refer to another project" on an open enrollment of the head of household (not CE's own). */
export function DirectReferralButton({ enrollment }: { enrollment: Enrollment }) {
  const [opened, setOpened] = useState(false)
  if (
    !enrollment.canEdit ||
    enrollment.exitDate !== null ||
    enrollment.relationshipToHoh !== HEAD_OF_HOUSEHOLD ||
    enrollment.projectType === 14
  )
    return null
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        Refer to another project
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Refer to another project">
        {opened && <DirectReferralForm enrollment={enrollment} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  )
}
