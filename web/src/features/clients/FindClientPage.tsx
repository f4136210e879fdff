import { useNavigate } from '@tanstack/react-router'
import { PageHeader } from '../../components/PageHeader'
import { useSession } from '../auth/session'
import { PATHS } from '../shell/navigation'
import { ClientSearch } from './ClientSearch'
import { handOffToIntake, prefillFromSearch } from './client-handoffs'

/** Step 1 of every intake: look for the person first, so nobody gets a second record. */
export function FindClientPage() {
  const session = useSession()
  const navigate = useNavigate()
  return (
    <>
      <PageHeader
        title="Find Client"
        description="Always search before adding a client: by SSN first, then date of birth, then name. Nicknames, typos and swapped names still match."
      />
      <ClientSearch
        label="Find Client"
        remember
        onAddNew={(criteria) => {
          handOffToIntake({ userId: session.user.id, prefill: prefillFromSearch(criteria) })
          void navigate({ to: `${PATHS.clients}/new` })
        }}
      />
    </>
  )
}
