import { type Coc, type CocPatch, ROLES, type Role } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { assertPermitted, loadVisible } from '../access/load-visible'
import { canAdministerCoc, canSeeCoc } from '../access/policy'
import { onlyChanges } from '../audit/changed-fields'
import { recordAudit } from '../audit/record-audit'
import type { DB } from '../db/schema'
import { findCoc } from './cocs.repository'

/**
 * Renames a CoC or changes its settings: which roles must use a second factor, the default term of a release
 * of information, Find Client's masked hint, shareable case notes. The audit row names the changed fields.
 */
export async function updateCoc({
  db,
  actor,
  id,
  patch,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
  patch: CocPatch
}): Promise<Coc> {
  const action = 'coc.update'
  const coc = await loadVisible({
    db,
    actor,
    entityType: 'coc',
    label: 'CoC',
    id,
    action,
    load: findCoc,
    canSee: canSeeCoc,
  })
  await assertPermitted(db, actor, canAdministerCoc(actor, coc), {
    action,
    entityType: 'coc',
    entityId: id,
    message: "Only the CoC's administrators can change its name or settings",
  })
  const changes = onlyChanges(
    { ...coc, mfaRequiredRoles: inRoleOrder(coc.mfaRequiredRoles) },
    { ...patch, mfaRequiredRoles: patch.mfaRequiredRoles && inRoleOrder(patch.mfaRequiredRoles) },
  )
  const fields = Object.keys(changes)
  if (fields.length === 0) return coc

  const { name, ...settings } = changes
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('coc')
      .set({
        name,
        // Merged in SQL so settings this code does not know about are kept.
        settings:
          Object.keys(settings).length > 0 ? sql`settings || ${JSON.stringify(settings)}::jsonb` : undefined,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
    // Settings hold no personal data, so their new values go in the audit row too (the name does not).
    await recordAudit(trx, actor, {
      action,
      entityType: 'coc',
      entityId: id,
      details: { fields, ...(Object.keys(settings).length > 0 && { settings }) },
    })
    return { ...coc, ...changes }
  })
}

/** Each role once, in the order of ROLES, so a reordered list is not a change. */
const inRoleOrder = (roles: Role[]): Role[] => ROLES.filter((role) => roles.includes(role))
