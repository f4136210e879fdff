import type { ApiToken } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { DB } from '../db/schema'

/** API tokens with their user's name, as the admin screens list them (never the hash). */
export function selectApiTokens(db: Kysely<DB>) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.name',
      'api_token.user_id',
      'app_user.username',
      'api_token.organization_id',
      'api_token.created_at',
      'api_token.expires_at',
      'api_token.last_used_at',
      'api_token.revoked_at',
    ])
}

type ApiTokenRow = Awaited<ReturnType<ReturnType<typeof selectApiTokens>['executeTakeFirstOrThrow']>>

export function toApiToken(row: ApiTokenRow): z.infer<typeof ApiToken> {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    organizationId: row.organization_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}
