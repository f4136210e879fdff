import type { ApiToken } from '@threshold/core'
import type { z } from 'zod'
import type { Actor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { canManageUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import { findUser } from '../users/users.repository'
import { selectApiTokens, toApiToken } from './api-tokens.repository'
import type { AuthDeps } from './sign-in-steps'

/** Revokes a token at once (its next request is a 401); revoking it again changes nothing. */
export async function revokeApiToken(
  { db, clock }: Pick<AuthDeps, 'db' | 'clock'>,
  actor: Actor,
  tokenId: string,
): Promise<z.infer<typeof ApiToken>> {
  await loadVisible({
    db,
    actor,
    entityType: 'api_token',
    id: tokenId,
    action: 'api_token.revoke',
    label: 'API token',
    load: async (executor, id) => {
      const token = await executor
        .selectFrom('api_token')
        .select('user_id')
        .where('id', '=', id)
        .executeTakeFirst()
      return token && findUser(executor, token.user_id)
    },
    canSee: canManageUser,
  })
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_token')
      .set({ revoked_at: clock.now() })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (revoked)
      await recordAudit(trx, actor, {
        action: 'api_token.revoke',
        entityType: 'api_token',
        entityId: tokenId,
      })
    return toApiToken(
      await selectApiTokens(trx).where('api_token.id', '=', tokenId).executeTakeFirstOrThrow(),
    )
  })
}
