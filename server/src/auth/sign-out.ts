import type { Actor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { revokeSession } from './sessions'
import type { AuthDeps } from './sign-in-steps'

/** Ends the session server-side: its cookie is worthless from now on, even if someone kept a copy. */
export async function signOut({ db, clock }: Pick<AuthDeps, 'db' | 'clock'>, actor: Actor): Promise<void> {
  const sessionId = actor.kind === 'user' ? actor.sessionId : null
  if (!sessionId) return
  await db.transaction().execute(async (trx) => {
    await revokeSession(trx, clock, sessionId)
    await recordAudit(trx, actor, { action: 'auth.logout', entityType: 'session', entityId: sessionId })
  })
}
