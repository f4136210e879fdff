import type { EligibilityRuleSetChange, ProjectEligibility } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import { canEditEligibilityRules } from '../access/eligibility-policy'
import { assertPermitted } from '../access/load-visible'
import { isUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { refreshQueueEligibility } from '../queue/queue-eligibility'
import { assertCeProjectsExist, ceProjectNames, RULES_ENTITY } from './eligibility.repository'
import { loadRuleTarget, presentProjectEligibility } from './get-project-eligibility'

const ACTION = 'eligibility_rules.update'

/**
 * Saves a project's rules as the next version (the old ones stay in the history). `expectedVersion` is the
 * version the edit started from: if someone saved in between, 409 and nothing changes. The Housing Queue's
 * stored "eligible program types" are recomputed in the same transaction, so its filter is never stale.
 */
export async function saveProjectEligibility({
  db,
  actor,
  clock,
  projectId,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  projectId: string
  input: EligibilityRuleSetChange
}): Promise<ProjectEligibility> {
  const target = await loadRuleTarget(db, actor, projectId, ACTION)
  await assertPermitted(db, actor, canEditEligibilityRules(actor, target), {
    action: ACTION,
    entityType: RULES_ENTITY,
    entityId: target.id,
    message:
      "Only the CoC's administrators or the project's agency administrators can change its eligibility rules",
  })
  assertCeProjectsExist(input.ruleSet, await ceProjectNames(db, target.cocId))
  const userId = isUser(actor) ? actor.userId : null
  const rules = JSON.stringify(input.ruleSet)
  await db.transaction().execute(async (trx) => {
    // The version check is in the statement itself, so two racing saves from the same version cannot both win.
    const saved =
      input.expectedVersion === 0
        ? await trx
            .insertInto('eligibility_rule_set')
            .values({
              coc_id: target.cocId,
              target_type: 'project',
              target_id: target.id,
              version: 1,
              rules,
              updated_by: userId,
            })
            .onConflict((oc) => oc.columns(['target_type', 'target_id']).doNothing())
            .returning(['id', 'version'])
            .executeTakeFirst()
        : await trx
            .updateTable('eligibility_rule_set')
            .set((eb) => ({
              version: eb('version', '+', 1),
              rules,
              updated_at: sql`now()`,
              updated_by: userId,
            }))
            .where('target_type', '=', 'project')
            .where('target_id', '=', target.id)
            .where('version', '=', input.expectedVersion)
            .returning(['id', 'version'])
            .executeTakeFirst()
    if (!saved) {
      const current = await trx
        .selectFrom('eligibility_rule_set')
        .select('version')
        .where('target_type', '=', 'project')
        .where('target_id', '=', target.id)
        .executeTakeFirst()
      throw new AppError(
        'conflict',
        `These rules were changed by someone else since you opened them (now version ${current?.version ?? 0}); reload and edit again`,
        { currentVersion: current?.version ?? 0 },
      )
    }
    await trx
      .insertInto('eligibility_rule_set_version')
      .values({
        rule_set_id: saved.id,
        version: saved.version,
        rules,
        note: input.note ?? null,
        created_by: userId,
      })
      .execute()
    await recordAudit(trx, actor, {
      action: ACTION,
      entityType: RULES_ENTITY,
      entityId: target.id,
      details: { ruleSetId: saved.id, version: saved.version, rules: input.ruleSet.rules.length },
    })
    await refreshQueueEligibility(trx, { cocId: target.cocId, entryIds: null, asOf: todayFrom(clock) })
  })
  return presentProjectEligibility(db, actor, target)
}
