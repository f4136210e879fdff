import { newRecoveryCodes, newTotpSecret } from '../../src/auth/second-factor'
import { hashToken, newSecretToken } from '../../src/auth/tokens'
import type { Fixture, UnauthorizedCase } from './fixture'

// Authentication administration: resetting someone's authenticator and revoking API tokens.

/** A case manager of A1 with an authenticator app set up. */
async function userOfA1WithTotp(f: Fixture): Promise<string> {
  const id = await f.newUser(f.orgA1, 'case_manager')
  await f.t.db
    .updateTable('app_user')
    .set({
      totp_secret: newTotpSecret(),
      totp_enabled_at: new Date(),
      recovery_code_hashes: newRecoveryCodes().hashes,
    })
    .where('id', '=', id)
    .execute()
  return id
}

/** A live API token issued by A1's admin for one of A1's users. */
async function apiTokenOfA1(f: Fixture): Promise<string> {
  const userId = await f.newUser(f.orgA1, 'analyst')
  const token = await f.t.db
    .insertInto('api_token')
    .values({
      name: 'A1 nightly export',
      token_hash: hashToken(newSecretToken('thr_')),
      user_id: userId,
      organization_id: f.orgA1.id,
      created_by: f.users.agencyAdminA1.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return token.id
}

const readUser = (f: Fixture, id: string) =>
  f.t.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
const readApiToken = (f: Fixture, id: string) =>
  f.t.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst()

export const authCases = [
  {
    target: 'authenticator of a user of A1',
    method: 'DELETE',
    url: '/api/users/:id/totp',
    setup: userOfA1WithTotp,
    caller: 'agencyAdminA2',
    read: readUser,
  },
  {
    target: 'authenticator of a user of A1',
    method: 'DELETE',
    url: '/api/users/:id/totp',
    setup: userOfA1WithTotp,
    caller: 'cocAdminB',
    read: readUser,
  },
  {
    target: 'authenticator of a user of A1',
    method: 'DELETE',
    url: '/api/users/:id/totp',
    setup: userOfA1WithTotp,
    caller: 'caseManagerA1',
    read: readUser,
  },
  {
    target: 'API token of A1',
    method: 'POST',
    url: '/api/api-tokens/:id/revoke',
    setup: apiTokenOfA1,
    caller: 'agencyAdminA2',
    read: readApiToken,
  },
  {
    target: 'API token of A1',
    method: 'POST',
    url: '/api/api-tokens/:id/revoke',
    setup: apiTokenOfA1,
    caller: 'agencyAdminB1',
    read: readApiToken,
  },
  {
    target: 'API token of A1',
    method: 'POST',
    url: '/api/api-tokens/:id/revoke',
    setup: apiTokenOfA1,
    caller: 'caseManagerA1',
    read: readApiToken,
  },
] satisfies UnauthorizedCase[]

export default authCases
