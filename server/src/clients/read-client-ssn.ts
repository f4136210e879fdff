import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { canEditClient } from '../access/client-policy'
import { todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { loadVisibleClient } from './load-visible-client'

const ACTION = 'client.ssn.read'

/**
 * The full SSN, for the agency that keeps the record (the same people who may edit it); everyone else
 * sees the last 4 digits only. Every reveal and every refusal is audited.
 */
export async function readClientSsn({
  db,
  actor,
  clock,
  clientId,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  clientId: string
}): Promise<{ ssn: string | null }> {
  const facts = await loadVisibleClient({ db, actor, clientId, today: todayFrom(clock), action: ACTION })
  await assertPermitted(db, actor, canEditClient(actor, facts), {
    action: ACTION,
    entityType: 'client',
    entityId: clientId,
    message: 'Only the agency that keeps this record can see the full SSN',
  })
  const { ssn } = await db
    .selectFrom('client')
    .select('ssn')
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, { action: ACTION, entityType: 'client', entityId: clientId })
  return { ssn }
}
