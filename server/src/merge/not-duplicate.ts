import type { Kysely, Transaction } from 'kysely'
import type { Actor, UserActor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { userActor } from '../http/app-context'
import { loadMergePair } from './load-merge-pair'

/** Records that two clients are different people; the duplicate report never proposes the pair again. */
export async function excludePair(
  trx: Kysely<DB> | Transaction<DB>,
  actor: UserActor,
  firstId: string,
  secondId: string,
  reason: string,
): Promise<void> {
  const [clientA, clientB] = [firstId, secondId].sort() as [string, string]
  await trx
    .insertInto('client_pair_exclusion')
    .values({ client_a: clientA, client_b: clientB, reason, created_by: actor.userId })
    .onConflict((conflict) => conflict.columns(['client_a', 'client_b']).doNothing())
    .execute()
}

export async function markNotDuplicate(options: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  clientAId: string
  clientBId: string
  reason: string
}): Promise<void> {
  const actor = userActor(options.actor)
  const { db, clientAId, clientBId } = options
  await loadMergePair({
    db,
    actor,
    today: todayFrom(options.clock),
    survivorId: clientAId,
    mergedId: clientBId,
    action: 'client.not_duplicate',
  })
  await db.transaction().execute(async (trx) => {
    await excludePair(trx, actor, clientAId, clientBId, options.reason)
    await recordAudit(trx, actor, {
      action: 'client.not_duplicate',
      entityType: 'client',
      entityId: clientAId,
      details: { otherClientId: clientBId },
    })
  })
}
