import { Accordion } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { ReactNode } from 'react'
import { useDraftForm } from '../clients/DraftForm'
import { enrollmentKeys } from './enrollments-api'

// What the enrollment forms share beyond the draft-form frame: the save that refreshes every enrollment
// list, and the per-member answers of a household.

/** Keeps the draft of `subject`; saving refreshes every enrollment list and closes the form. */
export function useEnrollmentForm<Values, Result>(
  form: UseFormReturnType<Values>,
  subject: string,
  save: (values: Values) => Promise<Result>,
  onClose: () => void,
) {
  return useDraftForm(form, { subject, save, refresh: enrollmentKeys.all, onClose })
}

/**
 * One accordion item of answers per household member, named after them; a member left out of the form
 * (`include: false`) has none. `children` gets the member and its index in `members` (its form path).
 */
export function MemberAnswers<Member extends { clientId: string; name: string; include?: boolean }>({
  members,
  opened,
  children,
}: {
  members: readonly Member[]
  /** The members whose items start open. */
  opened: readonly string[]
  children: (member: Member, index: number) => ReactNode
}) {
  return (
    <Accordion variant="separated" multiple defaultValue={[...opened]}>
      {members.map(
        (member, index) =>
          member.include !== false && (
            <Accordion.Item key={member.clientId} value={member.clientId}>
              <Accordion.Control>{member.name}</Accordion.Control>
              <Accordion.Panel>{children(member, index)}</Accordion.Panel>
            </Accordion.Item>
          ),
      )}
    </Accordion>
  )
}
