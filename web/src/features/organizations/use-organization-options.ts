import { useQuery } from '@tanstack/react-query'
import { organizationKeys, organizationsApi } from './organizations-api'

/** The organizations the user can see, as Select options (active ones unless asked otherwise). */
export function useOrganizationOptions({ includeInactive = false } = {}) {
  const filter = includeInactive ? {} : { active: true }
  const query = useQuery({
    queryKey: organizationKeys.list(filter),
    queryFn: () => organizationsApi.list(filter),
  })
  const options = (query.data ?? []).map((organization) => ({
    value: organization.id,
    label: organization.active ? organization.name : `${organization.name} (inactive)`,
  }))
  return { options, query }
}
