import type { ClientHistory } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { Changes } from './client.repository'
import { loadVisibleClient } from './load-visible-client'

const ACTION = 'client.history.read'

/** Who changed what on a client record and when, newest first (SSNs were masked when each version was written). */
export async function listClientHistory({
  db,
  actor,
  clock,
  clientId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  clientId: string
}): Promise<ClientHistory> {
  await loadVisibleClient({ db, actor, clientId, today: todayFrom(clock), action: ACTION })
  const rows = await db
    .selectFrom('client_version')
    .leftJoin('app_user', 'app_user.id', 'client_version.changed_by')
    .leftJoin('organization', 'organization.id', 'client_version.organization_id')
    .select([
      'client_version.version',
      'client_version.action',
      'client_version.changed_at as changedAt',
      'client_version.changes',
      'app_user.id as userId',
      'app_user.display_name as userName',
      'organization.id as organizationId',
      'organization.name as organizationName',
    ])
    .where('client_version.client_id', '=', clientId)
    .orderBy('client_version.version', 'desc')
    .execute()
  await recordAudit(db, actor, { action: ACTION, entityType: 'client', entityId: clientId })
  return {
    versions: rows.map((row) => ({
      version: row.version,
      action: row.action,
      changedAt: row.changedAt.toISOString(),
      changedBy: row.userId ? { id: row.userId, name: row.userName ?? '' } : null,
      organization: row.organizationId ? { id: row.organizationId, name: row.organizationName ?? '' } : null,
      changes: row.changes as Changes,
    })),
  }
}
