import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import { SignInPage } from './features/auth/SignInPage'
import { safeRedirectTarget, sessionQuery } from './features/auth/session'
import { AppLayout } from './features/shell/AppLayout'
import { HomePage } from './features/shell/HomePage'
import { NotFoundPage } from './features/shell/NotFoundPage'
import { PATHS } from './features/shell/navigation'

interface RouterContext {
  queryClient: QueryClient
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
})

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery)
    if (session) throw redirect({ href: safeRedirectTarget(search.redirect) })
  },
  component: SignInPage,
})

/** Everything behind sign-in; the layout renders the shell and checks the role may open the page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery)
    if (!session) {
      throw redirect({
        to: '/sign-in',
        search: location.href === '/' ? {} : { redirect: location.href },
      })
    }
  },
  component: AppLayout,
})

type PageComponent = Parameters<typeof createRoute>[0]['component']

const page = <Path extends string>(path: Path, component: PageComponent) =>
  createRoute({ getParentRoute: () => appRoute, path, component })

/** A page whose code loads when first visited, keeping the sign-in page's bundle small. */
const lazyPage = <Path extends string, Module extends Record<string, PageComponent>>(
  path: Path,
  load: () => Promise<Module>,
  exportName: keyof Module & string,
) => page(path, lazyRouteComponent(load, exportName))

const organizationPages = () => import('./features/organizations/OrganizationEditPage')
const projectPages = () => import('./features/projects/ProjectEditPage')
const clientDashboard = () => import('./features/clients/ClientDashboardPage')

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    page(PATHS.home, HomePage),
    lazyPage(PATHS.clients, () => import('./features/clients/FindClientPage'), 'FindClientPage'),
    lazyPage(`${PATHS.clients}/new`, () => import('./features/clients/NewClientPage'), 'NewClientPage'),
    lazyPage(`${PATHS.clients}/$clientId`, clientDashboard, 'ClientDashboardPage'),
    lazyPage(`${PATHS.clients}/$clientId/$section`, clientDashboard, 'ClientDashboardPage'),
    lazyPage(PATHS.housingQueue, () => import('./features/queue/HousingQueuePage'), 'HousingQueuePage'),
    lazyPage(PATHS.referrals, () => import('./features/referrals/ReferralsPage'), 'ReferralsPage'),
    lazyPage(
      `${PATHS.referrals}/$referralId`,
      () => import('./features/referrals/ReferralDetailPage'),
      'ReferralDetailPage',
    ),
    lazyPage(PATHS.beds, () => import('./features/beds/FacilitiesPage'), 'FacilitiesPage'),
    lazyPage(
      `${PATHS.beds}/$facilityId`,
      () => import('./features/beds/FacilityBoardPage'),
      'FacilityBoardPage',
    ),
    lazyPage(PATHS.reports, () => import('./features/reports/DataQualityReportPage'), 'ReportsPage'),
    lazyPage(
      PATHS.serviceCatalogue,
      () => import('./features/services/ServiceCataloguePage'),
      'ServiceCataloguePage',
    ),
    lazyPage(PATHS.account, () => import('./features/account/AccountPage'), 'AccountPage'),
    lazyPage(PATHS.coc, () => import('./features/cocs/CocSettingsPage'), 'CocSettingsPage'),
    lazyPage(
      PATHS.referralSettings,
      () => import('./features/referral-settings/ReferralSettingsPage'),
      'ReferralSettingsPage',
    ),
    lazyPage(
      PATHS.organizations,
      () => import('./features/organizations/OrganizationsPage'),
      'OrganizationsPage',
    ),
    lazyPage(`${PATHS.organizations}/new`, organizationPages, 'NewOrganizationPage'),
    lazyPage(`${PATHS.organizations}/$organizationId`, organizationPages, 'OrganizationEditPage'),
    lazyPage(PATHS.myOrganization, organizationPages, 'MyOrganizationPage'),
    lazyPage(PATHS.projects, () => import('./features/projects/ProjectsPage'), 'ProjectsPage'),
    lazyPage(`${PATHS.projects}/new`, projectPages, 'NewProjectPage'),
    lazyPage(`${PATHS.projects}/$projectId`, projectPages, 'ProjectEditPage'),
    lazyPage(PATHS.users, () => import('./features/users/UsersPage'), 'UsersPage'),
    lazyPage(`${PATHS.users}/new`, () => import('./features/users/NewUserPage'), 'NewUserPage'),
    lazyPage(`${PATHS.users}/$userId`, () => import('./features/users/UserEditPage'), 'UserEditPage'),
    lazyPage(PATHS.apiTokens, () => import('./features/api-tokens/ApiTokensPage'), 'ApiTokensPage'),
    lazyPage(PATHS.audit, () => import('./features/audit/AuditLogPage'), 'AuditLogPage'),
    lazyPage(
      PATHS.duplicateClients,
      () => import('./features/merge/DuplicateClientsPage'),
      'DuplicateClientsPage',
    ),
    lazyPage(
      `${PATHS.duplicateClients}/compare/$survivorId/$mergedId`,
      () => import('./features/merge/CompareClientsPage'),
      'CompareClientsPage',
    ),
  ]),
])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
