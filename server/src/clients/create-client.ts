import {
  applyClientChanges,
  clientRecordWarnings,
  EMPTY_CLIENT_RECORD,
  type NewClient,
  type SavedClient,
} from '@threshold/core'
import type { Kysely } from 'kysely'
import type { UserActor } from '../access/actor'
import { type ClientAccessFacts, canChangeRestriction, canEditClient } from '../access/client-policy'
import { todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { changesBetween, clientView, insertClientVersion, rowValuesFromRecord } from './client.repository'
import { assertValidClientRecord } from './client-input'
import { findLikelyDuplicates } from './search-clients'

/**
 * Creates a client owned by the actor's agency in the actor's CoC. Find Client runs first: likely matches
 * answer 409 `possible_duplicates` (with the candidates as search shows them) unless the caller confirms
 * with `duplicateOverride.reason`, which goes into the audit trail.
 */
export async function createClient({
  db,
  actor,
  clock,
  input,
}: {
  db: Kysely<DB>
  actor: UserActor
  clock: Clock
  input: NewClient
}): Promise<SavedClient> {
  const { aliases = [], duplicateOverride, ...fields } = input
  const today = todayFrom(clock)
  const record = applyClientChanges(EMPTY_CLIENT_RECORD, fields)
  assertValidClientRecord(record, today)

  // The facts of the record about to exist: the actor's agency will own it.
  const facts: ClientAccessFacts = {
    cocId: actor.cocId,
    ownerOrganizationId: actor.organizationId,
    restriction: record.restriction,
    identityReleased: false,
    projectDataReleased: false,
  }
  const attempt = { action: 'client.create', entityType: 'organization', entityId: actor.organizationId }
  await assertPermitted(db, actor, canEditClient(actor, facts), {
    ...attempt,
    message: 'Your role cannot create client records',
  })
  if (record.restriction !== EMPTY_CLIENT_RECORD.restriction) {
    await assertPermitted(db, actor, canChangeRestriction(actor, facts), {
      ...attempt,
      details: { fields: ['restriction'] },
      message: 'Your role cannot set who may see a client record; leave the restriction open',
    })
  }

  const candidates = await findLikelyDuplicates({ db, actor, clock, candidate: { ...record, aliases } })
  if (candidates.length > 0 && !duplicateOverride) {
    throw new AppError(
      'possible_duplicates',
      'This person may already have a record: open one of the likely matches, or save anyway with a reason',
      { candidates },
    )
  }

  const changes = changesBetween(EMPTY_CLIENT_RECORD, record)
  const clientId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('client')
      .values({
        ...rowValuesFromRecord(record),
        coc_id: actor.cocId,
        owner_organization_id: actor.organizationId,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (aliases.length > 0) {
      await trx
        .insertInto('client_alias')
        .values(
          aliases.map((alias) => ({
            client_id: id,
            kind: alias.kind,
            first_name: alias.firstName ?? null,
            last_name: alias.lastName ?? null,
          })),
        )
        .execute()
      changes.aliases = { from: null, to: aliases }
    }
    await insertClientVersion(trx, actor, { clientId: id, version: 1, action: 'created', changes })
    await recordAudit(trx, actor, {
      action: 'client.create',
      entityType: 'client',
      entityId: id,
      details: {
        fields: Object.keys(changes),
        ...(duplicateOverride && {
          duplicateOverride: {
            reason: duplicateOverride.reason,
            likelyMatchIds: candidates.map((candidate) => candidate.id),
          },
        }),
      },
    })
    return id
  })

  return {
    client: await clientView(db, actor, facts, clientId, today),
    warnings: clientRecordWarnings(record, today),
  }
}
