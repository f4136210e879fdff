import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ADULT_AGE, ageOn, NewRelease, RELEASE_DOCUMENT_TYPES } from '@threshold/core'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { errorMessage, FormError, showServerErrors } from '../../components/forms'
import { useSession } from '../auth/session'
import { readableError } from '../clients/ClientFormSections'
import { clientKeys } from '../clients/clients-api'
import { todayIso } from '../clients/use-client-form'
import { useOrganizationOptions } from '../organizations/use-organization-options'
import { documentProblem, formatBytes } from './release-document'
import { releaseKeys, releasesApi } from './releases-api'

export interface ReleaseMember {
  id: string
  name: string
  dob: string | null
  /** Heads of the households this member belongs to, who sign for a minor. */
  heads: { id: string; name: string }[]
}

interface ReleaseFormValues {
  releaseIdentity: string
  releaseProjectData: string
  scope: 'coc' | 'organizations'
  organizationIds: string[]
  startDate: string
  endDate: string
  documentation: 'signed' | 'verbal'
  signedByClientId: string | null
  document: File | null
}

/** A release lasts a year unless the user says otherwise. */
const oneYearAfter = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayjs(date).add(1, 'year').format('YYYY-MM-DD') : ''

const isMinorOn = (member: ReleaseMember, date: string) =>
  member.dob !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && ageOn(member.dob, date) < ADULT_AGE

function toNewRelease(values: ReleaseFormValues, member: ReleaseMember): NewRelease {
  return {
    releaseIdentity: values.releaseIdentity === 'yes',
    releaseProjectData: values.releaseProjectData === 'yes',
    scope: values.scope,
    ...(values.scope === 'organizations' && { organizationIds: values.organizationIds }),
    startDate: values.startDate,
    ...(values.endDate && { endDate: values.endDate }),
    documentation: values.documentation,
    ...(isMinorOn(member, values.startDate) &&
      values.signedByClientId && { signedByClientId: values.signedByClientId }),
  }
}

const YES_NO = (
  <Group gap="lg" mt={4}>
    <Radio value="yes" label="Yes" />
    <Radio value="no" label="No" />
  </Group>
)

/**
 * Family Member Information Release (ClientTrack Step 2b): the member's consent to share identifying
 * information and project data, CoC-wide or with named agencies, for a period, signed or verbal.
 */
export function NewReleaseModal({
  member,
  onClose,
  onDocumentFailed,
}: {
  member: ReleaseMember | null
  onClose: () => void
  /** The release was recorded but its scan did not upload: the list offers to attach it again. */
  onDocumentFailed: (message: string) => void
}) {
  const session = useSession()
  const queryClient = useQueryClient()
  const organizations = useOrganizationOptions()
  const today = todayIso()
  const endTouched = useRef(false)
  const [error, setError] = useState<string | null>(null)
  const form = useForm<ReleaseFormValues>({
    initialValues: {
      releaseIdentity: 'yes',
      releaseProjectData: 'yes',
      scope: 'coc',
      organizationIds: [],
      startDate: today,
      endDate: oneYearAfter(today),
      documentation: 'signed',
      signedByClientId: null,
      document: null,
    },
    validate: (values) => {
      if (!member) return {}
      const errors: Record<string, string> = {}
      if (values.scope === 'organizations' && values.organizationIds.length === 0) {
        errors.organizationIds = 'Name at least one agency, or share with every agency in the CoC'
      }
      const parsed = NewRelease.safeParse(toNewRelease(values, member))
      for (const issue of parsed.error?.issues ?? []) errors[issue.path.join('.')] ??= issue.message
      if (values.startDate > today) errors.startDate = 'must not be in the future'
      if (isMinorOn(member, values.startDate) && !values.signedByClientId) {
        errors.signedByClientId = 'is required: the head of household signs for a minor'
      }
      const documentError = values.document ? documentProblem(values.document) : null
      if (documentError) errors.document = documentError
      return errors
    },
  })
  const values = form.getValues()
  const minor = member ? isMinorOn(member, values.startDate) : false

  const close = () => {
    form.reset()
    endTouched.current = false
    setError(null)
    onClose()
  }

  const save = useMutation({
    mutationFn: async (input: { release: NewRelease; document: File | null }) => {
      if (!member) throw new Error('No member chosen')
      const release = await releasesApi.record(member.id, input.release)
      if (input.document) {
        try {
          await releasesApi.uploadDocument(release.id, input.document)
        } catch (failure) {
          onDocumentFailed(
            `The release was recorded, but the scanned form was not attached: ${errorMessage(failure)}`,
          )
        }
      }
      return release
    },
    onSuccess: async () => {
      if (member) await queryClient.invalidateQueries({ queryKey: releaseKeys.ofClient(member.id) })
      await queryClient.invalidateQueries({ queryKey: clientKeys.all })
      close()
    },
    onError: (failure) => setError(showServerErrors(form, failure)),
  })

  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={`Record a release of information — ${member?.name ?? ''}`}
      size="xl"
    >
      <form
        onSubmit={form.onSubmit((submitted) => {
          if (!member) return
          setError(null)
          save.mutate({ release: toNewRelease(submitted, member), document: submitted.document })
        })}
        noValidate
      >
        <Stack gap="md">
          <FormError message={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Radio.Group
              label="Release identifying information?"
              description="Name, date of birth, SSN, contact and demographics"
              withAsterisk
              {...form.getInputProps('releaseIdentity')}
              error={readableError('The release', form.getInputProps('releaseIdentity').error)}
            >
              {YES_NO}
            </Radio.Group>
            <Radio.Group
              label="Release project data?"
              description="Enrollments, assessments, referrals and CE events"
              withAsterisk
              {...form.getInputProps('releaseProjectData')}
            >
              {YES_NO}
            </Radio.Group>
          </SimpleGrid>
          <Radio.Group label="Shared with" withAsterisk {...form.getInputProps('scope')}>
            <Stack gap={6} mt={4}>
              <Radio value="coc" label="Every agency in the CoC" />
              <Radio value="organizations" label="Only the agencies named below" />
            </Stack>
          </Radio.Group>
          {values.scope === 'organizations' && (
            <MultiSelect
              label="Named agencies"
              withAsterisk
              data={organizations.options}
              searchable
              {...form.getInputProps('organizationIds')}
              error={readableError('Named agencies', form.getInputProps('organizationIds').error)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Start date"
              withAsterisk
              max={today}
              {...form.getInputProps('startDate')}
              onChange={(event) => {
                const start = event.currentTarget.value
                form.setFieldValue('startDate', start)
                if (!endTouched.current) form.setFieldValue('endDate', oneYearAfter(start))
              }}
              error={readableError('The start date', form.getInputProps('startDate').error)}
            />
            <TextInput
              type="date"
              label="End date"
              description="One year after the start unless the client chose otherwise"
              withAsterisk
              {...form.getInputProps('endDate')}
              onChange={(event) => {
                endTouched.current = true
                form.setFieldValue('endDate', event.currentTarget.value)
              }}
              error={readableError('The end date', form.getInputProps('endDate').error)}
            />
          </SimpleGrid>
          <Radio.Group label="Documentation" withAsterisk {...form.getInputProps('documentation')}>
            <Stack gap={6} mt={4}>
              <Radio value="signed" label="Signed form" />
              <Radio
                value="verbal"
                label="Verbal consent"
                description="Flagged until the signed form is recorded"
              />
            </Stack>
          </Radio.Group>
          {minor && (
            <Select
              label="Signed by the head of household"
              description={`${member?.name} is under ${ADULT_AGE}: the head of their household signs for them.`}
              withAsterisk
              data={(member?.heads ?? []).map((head) => ({ value: head.id, label: head.name }))}
              {...form.getInputProps('signedByClientId')}
              error={readableError('The signer', form.getInputProps('signedByClientId').error)}
            />
          )}
          {minor && member?.heads.length === 0 && (
            <Alert color="yellow" variant="light">
              This minor is not in a household with a head who could sign. Add them to their family’s
              household first.
            </Alert>
          )}
          <TextInput
            label="Witness"
            value={`${session.user.displayName} (you)`}
            readOnly
            variant="filled"
            maw={360}
          />
          <FileInput
            label="Scanned form (optional)"
            description="PDF, PNG or JPEG, at most 5 MB"
            accept={RELEASE_DOCUMENT_TYPES.join(',')}
            clearable
            {...form.getInputProps('document')}
          />
          {values.document && !documentProblem(values.document) && (
            <Text size="xs" c="dimmed">
              {values.document.type || 'unknown type'} · {formatBytes(values.document.size)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Record release
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
