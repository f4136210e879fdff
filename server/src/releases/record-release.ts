import { ADULT_AGE, ageOn, type NewRelease, type Release, SELF_HEAD_OF_HOUSEHOLD } from '@threshold/core'
import { canRecordRelease } from '../access/client-policy'
import { assertPermitted } from '../access/load-visible'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleClient } from '../clients/load-visible-client'
import { assertNotFuture } from '../households/household-dates'
import { userActor } from '../http/app-context'
import { AppError } from '../http/errors'
import type { ReleaseContext } from './release-access'
import { addMonths, DEFAULT_RELEASE_MONTHS } from './release-dates'
import { releaseView } from './releases.repository'

/**
 * Records a client's consent to share, given to the actor's agency today. The end date defaults to the
 * CoC's release length; a minor's release is signed by the head of a household they belong to.
 */
export async function recordRelease(
  context: ReleaseContext,
  clientId: string,
  input: NewRelease,
): Promise<Release> {
  const { db, today } = context
  const actor = userActor(context.actor)
  const action = 'release.create'
  const client = await loadVisibleClient({ db, actor, clientId, today, action })
  await assertPermitted(db, actor, canRecordRelease(actor, client), {
    action,
    entityType: 'client',
    entityId: clientId,
    message: 'Your role cannot record releases of information',
  })
  assertNotFuture(input.startDate, today, 'startDate')
  const signedByClientId = await signerOf(context, clientId, input)
  const organizationIds = await namedAgencies(context, client.cocId, input.organizationIds ?? [])
  const witnessUserId = input.witnessUserId ?? actor.userId
  if (witnessUserId !== actor.userId) await assertStaffOf(context, witnessUserId, actor.organizationId)
  const endDate = input.endDate ?? addMonths(input.startDate, await releaseMonths(context, client.cocId))

  const id = await db.transaction().execute(async (trx) => {
    const release = await trx
      .insertInto('client_release')
      .values({
        client_id: clientId,
        coc_id: client.cocId,
        recorded_by_organization_id: actor.organizationId,
        release_identity: input.releaseIdentity,
        release_project_data: input.releaseProjectData,
        scope: input.scope,
        organization_ids: organizationIds,
        start_date: input.startDate,
        end_date: endDate,
        documentation: input.documentation,
        witness_user_id: witnessUserId,
        signed_by_client_id: signedByClientId,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, actor, {
      action,
      entityType: 'release',
      entityId: release.id,
      details: {
        clientId,
        scope: input.scope,
        organizationIds,
        releaseIdentity: input.releaseIdentity,
        releaseProjectData: input.releaseProjectData,
        documentation: input.documentation,
      },
    })
    return release.id
  })
  return releaseView(db, actor, id, client.restriction, today)
}

/** An adult signs for themselves; a minor (under 18 on the start date) through their head of household. */
async function signerOf({ db, actor, today }: ReleaseContext, clientId: string, input: NewRelease) {
  const { dob } = await db
    .selectFrom('client')
    .select('dob')
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow()
  const minor = dob !== null && ageOn(dob, input.startDate) < ADULT_AGE
  if (!minor) {
    if (input.signedByClientId && input.signedByClientId !== clientId) {
      throw new AppError('unprocessable', 'An adult signs their own release: leave signedByClientId out', [
        { path: 'signedByClientId', message: 'only for a minor, whose head of household signs' },
      ])
    }
    return clientId
  }
  const signer = input.signedByClientId
  if (!signer) {
    throw new AppError(
      'unprocessable',
      "This client is under 18: their head of household signs the release; give the head's client id",
      [{ path: 'signedByClientId', message: 'is required for a minor' }],
    )
  }
  if (signer !== clientId) {
    await loadVisibleClient({ db, actor, clientId: signer, today, action: 'release.create' })
  }
  const heads = await db
    .selectFrom('household_member as head')
    .innerJoin('household_member as member', 'member.household_id', 'head.household_id')
    .select('head.household_id')
    .where('head.client_id', '=', signer)
    .where('head.relationship_to_hoh', '=', SELF_HEAD_OF_HOUSEHOLD)
    .where('head.removed_on', 'is', null)
    .where('member.client_id', '=', clientId)
    .where('member.removed_on', 'is', null)
    .executeTakeFirst()
  if (!heads) {
    throw new AppError(
      'unprocessable',
      'The signer must be the current head of a household this client belongs to',
      [{ path: 'signedByClientId', message: 'is not the head of any of this client’s households' }],
    )
  }
  return signer
}

/** The named agencies, each once; all must be agencies of the client's CoC. */
async function namedAgencies({ db }: ReleaseContext, cocId: string, requested: string[]): Promise<string[]> {
  const ids = [...new Set(requested)]
  if (ids.length === 0) return []
  const found = await db
    .selectFrom('organization')
    .select('id')
    .where('id', 'in', ids)
    .where('coc_id', '=', cocId)
    .execute()
  const known = new Set(found.map((organization) => organization.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new AppError('unprocessable', 'Every named agency must be an agency of this CoC', {
      unknownOrganizationIds: unknown,
    })
  }
  return ids
}

async function assertStaffOf({ db }: ReleaseContext, userId: string, organizationId: string): Promise<void> {
  const member = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('membership.user_id')
    .where('membership.user_id', '=', userId)
    .where('membership.organization_id', '=', organizationId)
    .where('membership.active', '=', true)
    .where('app_user.active', '=', true)
    .executeTakeFirst()
  if (!member) {
    throw new AppError('unprocessable', 'The witness must be an active staff member of your agency', [
      { path: 'witnessUserId', message: 'is not active staff of your agency' },
    ])
  }
}

async function releaseMonths({ db }: ReleaseContext, cocId: string): Promise<number> {
  const { settings } = await db
    .selectFrom('coc')
    .select('settings')
    .where('id', '=', cocId)
    .executeTakeFirstOrThrow()
  const months = settings.releaseDefaultMonths
  return Number.isInteger(months) && months! > 0 ? months! : DEFAULT_RELEASE_MONTHS
}
