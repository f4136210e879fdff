import { applyClientChanges, type ClientPatch, clientRecordWarnings, type SavedClient } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { UserActor } from '../access/actor'
import { canChangeRestriction } from '../access/client-policy'
import { todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import {
  changesBetween,
  clientView,
  insertClientVersion,
  loadClientRow,
  recordFromRow,
  rowValuesFromRecord,
} from './client.repository'
import { assertValidClientRecord } from './client-input'
import { loadEditableClient } from './load-visible-client'

const ACTION = 'client.update'

const staleVersion = (currentVersion: number) =>
  new AppError(
    'conflict',
    'Someone else saved this record after you opened it: reload it to see their change, then make yours again',
    { currentVersion },
  )

/**
 * Changes a client's fields, against the version the editor started from: the UPDATE only matches that
 * version, so of two concurrent saves one wins and the other gets 409 with the current version.
 */
export async function updateClient({
  db,
  actor,
  clock,
  clientId,
  patch,
}: {
  db: Kysely<DB>
  actor: UserActor
  clock: Clock
  clientId: string
  patch: ClientPatch
}): Promise<SavedClient> {
  const { version, ...fields } = patch
  const today = todayFrom(clock)
  const facts = await loadEditableClient({ db, actor, clientId, today, action: ACTION })
  const attempt = { action: ACTION, entityType: 'client', entityId: clientId }
  if (fields.restriction !== undefined && fields.restriction !== facts.restriction) {
    await assertPermitted(db, actor, canChangeRestriction(actor, facts), {
      ...attempt,
      details: { fields: ['restriction'] },
      message: 'Your role cannot change who may see this record',
    })
  }

  const row = await loadClientRow(db, clientId)
  if (row.version !== version) throw staleVersion(row.version)
  const current = recordFromRow(row)
  const next = applyClientChanges(current, fields)
  assertValidClientRecord(next, today, current)
  const changes = changesBetween(current, next)
  const changedFields = Object.keys(changes)

  if (changedFields.length > 0) {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('client')
        .set((eb) => ({
          ...rowValuesFromRecord(next),
          version: eb('version', '+', 1),
          updated_at: sql`now()`,
          updated_by: actor.userId,
        }))
        .where('id', '=', clientId)
        .where('version', '=', version)
        .returning('version')
        .executeTakeFirst()
      if (!updated) {
        const latest = await trx
          .selectFrom('client')
          .select('version')
          .where('id', '=', clientId)
          .executeTakeFirstOrThrow()
        throw staleVersion(latest.version)
      }
      await insertClientVersion(trx, actor, {
        clientId,
        version: updated.version,
        action: 'updated',
        changes,
      })
      await recordAudit(trx, actor, {
        ...attempt,
        details: { fields: changedFields, version: updated.version },
      })
    })
  } else {
    await recordAudit(db, actor, { ...attempt, details: { fields: [], version } })
  }

  return {
    client: await clientView(db, actor, { ...facts, restriction: next.restriction }, clientId, today),
    warnings: clientRecordWarnings(next, today).filter((warning) => changedFields.includes(warning.field)),
  }
}
