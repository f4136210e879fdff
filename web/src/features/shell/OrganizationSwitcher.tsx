import { Alert, Badge, Group, Popover, Select, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useRouterState } from '@tanstack/react-router'
import { ROLE_LABELS } from '@threshold/core'
import type { SessionInfo } from '../../api/types'
import { errorMessage } from '../../components/forms'
import { authApi, currentMembership, sessionQueryKey } from '../auth/session'
import { canVisit, PATHS } from './navigation'

/**
 * The organization the user is acting for, always on screen: every record they see and create belongs
 * to it. Switching reloads everything, since visibility and role change with it.
 */
export function OrganizationSwitcher({ session }: { session: SessionInfo }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const pathname = useRouterState({ select: (state) => state.location.pathname })
  const current = currentMembership(session)
  const switchOrganization = useMutation({
    mutationFn: authApi.switchOrganization,
    onSuccess: async (next) => {
      queryClient.setQueryData(sessionQueryKey, next)
      if (!canVisit(next.role, pathname)) await navigate({ to: PATHS.home })
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] })
    },
  })

  return (
    <Group gap="xs" wrap="nowrap">
      {session.organizations.length > 1 ? (
        <Popover
          opened={switchOrganization.isError}
          onDismiss={() => switchOrganization.reset()}
          position="bottom"
          withArrow
        >
          <Popover.Target>
            <Select
              label="Organization"
              styles={{
                root: { display: 'flex', alignItems: 'center', gap: 'var(--mantine-spacing-xs)' },
                label: { fontWeight: 600, whiteSpace: 'nowrap' },
                wrapper: { width: 260 },
              }}
              data={session.organizations.map((membership) => ({
                value: membership.organizationId,
                label: membership.organizationName,
              }))}
              value={session.currentOrganizationId}
              onChange={(organizationId) => {
                if (organizationId && organizationId !== session.currentOrganizationId)
                  switchOrganization.mutate(organizationId)
              }}
              allowDeselect={false}
              disabled={switchOrganization.isPending}
              comboboxProps={{ withinPortal: true }}
            />
          </Popover.Target>
          <Popover.Dropdown>
            <Alert color="red" variant="transparent" p={0} role="alert">
              Could not switch: {errorMessage(switchOrganization.error)}
            </Alert>
          </Popover.Dropdown>
        </Popover>
      ) : (
        <Text size="sm">
          <Text span fw={600} visibleFrom="md">
            Organization{' '}
          </Text>
          <span data-testid="current-organization">{current?.organizationName}</span>
        </Text>
      )}
      <Badge variant="light" color="gray" tt="none" size="lg" fw={500} visibleFrom="lg">
        {ROLE_LABELS[session.role]}
      </Badge>
    </Group>
  )
}
