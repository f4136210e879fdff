import type { CreatedApiToken, NewApiToken } from '@threshold/core'
import type { z } from 'zod'
import type { UserActor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { canManageUser } from '../access/policy'
import { recordAudit } from '../audit/record-audit'
import { AppError, notFound } from '../http/errors'
import { findUser } from '../users/users.repository'
import { selectApiTokens, toApiToken } from './api-tokens.repository'
import { activeMemberships } from './session-info'
import type { AuthDeps } from './sign-in-steps'
import { hashToken, newSecretToken } from './tokens'

const DAY_MS = 86_400_000

/**
 * An administrator issues a Bearer token that acts as one user they manage, in one organization where
 * that user is an active member (e.g. for a reporting integration). The token is shown once.
 */
export async function createApiToken(
  { db, clock }: Pick<AuthDeps, 'db' | 'clock'>,
  actor: UserActor,
  input: z.infer<typeof NewApiToken>,
): Promise<z.infer<typeof CreatedApiToken>> {
  await loadVisible({
    db,
    actor,
    entityType: 'user',
    id: input.userId,
    action: 'api_token.create',
    load: findUser,
    canSee: canManageUser,
  })
  const memberships = await activeMemberships(db, input.userId)
  if (!memberships.some((membership) => membership.organizationId === input.organizationId)) {
    throw notFound('active membership of that user in that organization')
  }
  // Valid through the whole of the chosen day (UTC).
  const expiresAt = input.expiresAt ? new Date(Date.parse(`${input.expiresAt}T00:00:00Z`) + DAY_MS) : null
  if (expiresAt && expiresAt <= clock.now()) {
    throw new AppError('invalid_input', 'The expiry date must be today or later', [
      { path: 'body.expiresAt', message: 'must be today or later' },
    ])
  }

  const token = newSecretToken('thr_')
  const row = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('api_token')
      .values({
        name: input.name,
        token_hash: hashToken(token),
        user_id: input.userId,
        organization_id: input.organizationId,
        created_by: actor.userId,
        created_at: clock.now(),
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      details: { userId: input.userId, organizationId: input.organizationId, expiresAt: input.expiresAt },
    })
    return selectApiTokens(trx).where('api_token.id', '=', id).executeTakeFirstOrThrow()
  })
  return { token, apiToken: toApiToken(row) }
}
