import type { Coc, NewCoc } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted } from '../access/load-visible'
import { canCreateCoc } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { toCoc } from './cocs.repository'

export async function createCoc({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  input: NewCoc
}): Promise<Coc> {
  await assertPermitted(db, actor, canCreateCoc(actor), {
    action: 'coc.create',
    entityType: 'coc',
    message: 'Only system administrators can add a Continuum of Care',
  })
  const taken = await db.selectFrom('coc').select('id').where('code', '=', input.code).executeTakeFirst()
  if (taken) throw new AppError('conflict', `A CoC with the code ${input.code} already exists`)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('coc')
      .values({ code: input.code, name: input.name })
      .returning(['id', 'code', 'name', 'settings'])
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'coc.create',
      entityType: 'coc',
      entityId: row.id,
      details: { fields: Object.keys(input) },
    })
    return toCoc(row)
  })
}
