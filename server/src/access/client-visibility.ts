import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely'
import type { DB } from '../db/schema'
import type { Actor } from './actor'
import {
  type ClientAccessFacts,
  COC_WIDE_CLIENT_ROLES,
  type ReleaseGrant,
  releasesReaching,
} from './client-policy'

// The client rules of `client-policy.ts` as SQL filters, for lists and searches. They reference the
// table by its own name (`client.id`, `client.restriction`…), so the query must select from `client`
// un-aliased: `db.selectFrom('client').where(clientIdentityVisibleTo(actor, today))`. Merged-away
// records are not excluded here (that is lifecycle, not access): add `merged_into_client_id IS NULL`.

/** A where-callback usable in any query that has the `client` table un-aliased in scope. */
export type ClientFilter = <TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) => Expression<SqlBool>

type ReleaseKind = 'release_identity' | 'release_project_data'

/** `releasesReaching` + `isReleaseActive` for the actor's agency, as an EXISTS over the client's releases. */
function activeReleaseReaches(kind: ReleaseKind, organizationId: string, today: string) {
  return sql<SqlBool>`EXISTS (
    SELECT 1 FROM client_release AS r
    WHERE r.client_id = client.id
      AND ${sql.ref(`r.${kind}`)}
      AND r.start_date <= ${today}::date
      AND r.end_date >= ${today}::date
      AND (r.revoked_on IS NULL OR r.revoked_on > ${today}::date)
      AND ((r.scope = 'organizations' AND ${organizationId}::uuid = ANY(r.organization_ids))
           OR (r.scope = 'coc' AND client.restriction = 'open')))`
}

const never: ClientFilter = () => sql<SqlBool>`false`

/** Mirrors `canSeeClientIdentity`. */
export function clientIdentityVisibleTo(actor: Actor, today: string): ClientFilter {
  if (actor.kind !== 'user' || actor.role === 'analyst') return never
  const withoutRelease = COC_WIDE_CLIENT_ROLES.includes(actor.role)
  return () => sql<SqlBool>`(client.coc_id = ${actor.cocId}::uuid AND (
    client.owner_organization_id = ${actor.organizationId}::uuid
    OR (client.restriction <> 'confidential'
        AND ${withoutRelease ? sql`true` : activeReleaseReaches('release_identity', actor.organizationId, today)})))`
}

/** Mirrors `canSeeClientProjectData`. */
export function clientProjectDataVisibleTo(actor: Actor, today: string): ClientFilter {
  if (actor.kind !== 'user') return never
  return () => sql<SqlBool>`(client.coc_id = ${actor.cocId}::uuid AND (
    client.owner_organization_id = ${actor.organizationId}::uuid
    OR (client.restriction <> 'confidential'
        AND ${activeReleaseReaches('release_project_data', actor.organizationId, today)})))`
}

/** Every release of the given clients (revoked and expired ones too), by client id. */
export async function loadReleaseGrants(
  db: Kysely<DB>,
  clientIds: readonly string[],
): Promise<Map<string, ReleaseGrant[]>> {
  const grants = new Map<string, ReleaseGrant[]>(clientIds.map((id) => [id, []]))
  if (clientIds.length === 0) return grants
  const rows = await db
    .selectFrom('client_release')
    .select([
      'client_id as clientId',
      'release_identity as releaseIdentity',
      'release_project_data as releaseProjectData',
      'scope',
      'organization_ids as organizationIds',
      'start_date as startDate',
      'end_date as endDate',
      'revoked_on as revokedOn',
    ])
    .where('client_id', 'in', clientIds)
    .execute()
  for (const { clientId, ...grant } of rows) grants.get(clientId)?.push(grant)
  return grants
}

export type LoadedClientAccessFacts = ClientAccessFacts & { id: string }

/**
 * Access facts of several live (not merged-away) clients for one actor on one day; missing ids are absent.
 * Merge and split pass `includeMerged` to reach records that were merged away.
 */
export async function loadClientAccessFactsMany(
  db: Kysely<DB>,
  actor: Actor,
  clientIds: readonly string[],
  today: string,
  options: { includeMerged?: boolean } = {},
): Promise<Map<string, LoadedClientAccessFacts>> {
  const facts = new Map<string, LoadedClientAccessFacts>()
  const uniqueIds = [...new Set(clientIds)]
  if (uniqueIds.length === 0) return facts
  const clients = await db
    .selectFrom('client')
    .select(['id', 'coc_id as cocId', 'owner_organization_id as ownerOrganizationId', 'restriction'])
    .where('id', 'in', uniqueIds)
    .$if(!options.includeMerged, (query) => query.where('merged_into_client_id', 'is', null))
    .execute()
  const grants = await loadReleaseGrants(
    db,
    clients.map((client) => client.id),
  )
  for (const client of clients) {
    const released =
      actor.kind === 'user'
        ? releasesReaching(grants.get(client.id) ?? [], actor.organizationId, client.restriction, today)
        : { identityReleased: false, projectDataReleased: false }
    facts.set(client.id, { ...client, ...released })
  }
  return facts
}

/** The facts the policy predicates need; undefined when the client does not exist or was merged away. */
export async function loadClientAccessFacts(
  db: Kysely<DB>,
  actor: Actor,
  clientId: string,
  today: string,
): Promise<LoadedClientAccessFacts | undefined> {
  return (await loadClientAccessFactsMany(db, actor, [clientId], today)).get(clientId)
}

/** Today's date (YYYY-MM-DD, UTC) from the injectable clock: the day releases are checked against. */
export function todayFrom(clock: { now(): Date }): string {
  return clock.now().toISOString().slice(0, 10)
}
