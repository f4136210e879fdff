import { Alert, Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router'
import type { SessionInfo } from '../../api/types'
import { ReauthenticationDialog } from '../auth/ReauthenticationDialog'
import { sessionQuery } from '../auth/session'
import { NotificationsBell } from '../referrals/NotificationsBell'
import { NoAccessPage } from './NoAccessPage'
import { canVisit, NAVIGATION, PATHS } from './navigation'
import { OrganizationSwitcher } from './OrganizationSwitcher'
import { UserMenu } from './UserMenu'

function isActive(itemPath: string, pathname: string): boolean {
  if (itemPath === PATHS.home) return pathname === PATHS.home
  return pathname === itemPath || pathname.startsWith(`${itemPath}/`)
}

function MainNavigation({
  session,
  pathname,
  onNavigate,
}: {
  session: SessionInfo
  pathname: string
  onNavigate: () => void
}) {
  return (
    <Stack gap="md">
      {NAVIGATION[session.role].map((section) => (
        <Stack key={section.label ?? 'main'} gap={2}>
          {section.label && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
              {section.label}
            </Text>
          )}
          {section.items.map((item) => {
            const active = isActive(item.to, pathname)
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                variant="light"
              />
            )
          })}
        </Stack>
      ))}
    </Stack>
  )
}

/** The signed-in frame: product name, current organization, user menu, role-aware navigation. */
export function AppLayout() {
  const { data: session } = useQuery(sessionQuery)
  const pathname = useRouterState({ select: (state) => state.location.pathname })
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false)

  // Signed out elsewhere (menu, expired-session dialog): leave the signed-in area.
  if (!session) return <Navigate to="/sign-in" />

  // A CoC that requires a second factor for this role keeps the user on the account page until enrolled.
  const mustEnrol = session.mfaEnrollmentRequired && pathname !== PATHS.account
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label={navbarOpened ? 'Close navigation' : 'Open navigation'}
            />
            <Anchor component={Link} to={PATHS.home} underline="never" c="inherit">
              <Text fz="xl" fw={750} c="indigo.9">
                Threshold
              </Text>
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            <OrganizationSwitcher session={session} />
            {/* The inbox stays closed until the required second factor is set up, like every other API. */}
            {session.mfaEnrollmentRequired ? null : <NotificationsBell />}
            <UserMenu session={session} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <ScrollArea type="auto">
          <MainNavigation session={session} pathname={pathname} onNavigate={closeNavbar} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main-content" tabIndex={-1}>
        {mustEnrol ? (
          <Alert color="orange" variant="light" title="Set up two-step verification to continue" role="alert">
            Your CoC requires a second sign-in step for your role.{' '}
            <Anchor component={Link} to={PATHS.account}>
              Go to your account
            </Anchor>{' '}
            to set up an authenticator app.
          </Alert>
        ) : canVisit(session.role, pathname) ? (
          <Outlet />
        ) : (
          <NoAccessPage session={session} />
        )}
      </AppShell.Main>
      <ReauthenticationDialog />
    </AppShell>
  )
}
