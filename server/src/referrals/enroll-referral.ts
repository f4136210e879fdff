import { HEAD_OF_HOUSEHOLD, householdIssues, type ReferralEnrollment } from '@threshold/core'
import { sql } from 'kysely'
import { todayFrom } from '../access/client-visibility'
import { refusingOverlaps } from '../beds/beds.repository'
import { assertNoIssues } from '../enrollments/enrollment-access'
import {
  assertMembersMayStart,
  findProjectForEnrollment,
  insertHouseholdEnrollments,
  memberDateIssues,
  projectIssues,
} from '../enrollments/enrollment-writes'
import { AppError } from '../http/errors'
import { fillOpeningBeds, lockOpeningLink } from './opening-beds'
import { markPlaced } from './queue-link'
import { changeReferralStatus } from './referral-transitions'
import type { ReferralContext } from './referrals.repository'

/**
 * Closes the loop: the receiving agency enrolls the referred members in the project (head of household and
 * relationships as referred, one HUD household), the members move into the opening's bed or unit
 * (`fillOpeningBeds`), the referral's slot is filled (the opening closes when every slot is), and the
 * household leaves the queue as housed, or stays on it for other program types where the CoC says so.
 */
export async function enrollReferral(context: ReferralContext, id: string, input: ReferralEnrollment) {
  const today = todayFrom(context.clock)
  const bedTaken = 'The opening’s bed was just taken by someone else: the household was not enrolled'
  return refusingOverlaps(bedTaken, () =>
    changeReferralStatus(context, id, {
      action: 'enroll',
      to: 'enrolled',
      note: input.note,
      alongside: async (trx, referral, actor) => {
        await lockOpeningLink(trx, referral.opening_id)
        if (input.entryDate < referral.sent_on)
          throw new AppError('unprocessable', 'The project start date is before the referral was sent')
        const project = await findProjectForEnrollment(trx, referral.project_id)
        if (!project) throw new AppError('not_found', 'No such project')
        const members = await trx
          .selectFrom('referral_member as m')
          .innerJoin('client as c', 'c.id', 'm.client_id')
          .select(['m.client_id as clientId', 'm.relationship_to_hoh as relationshipToHoh', 'c.dob'])
          .where('m.referral_id', '=', referral.id)
          .orderBy('m.relationship_to_hoh')
          .execute()
        assertNoIssues([
          ...householdIssues(
            members.map((member) => ({ ...member, entryDate: input.entryDate, exitDate: null })),
          ),
          ...projectIssues(project, { entryDate: input.entryDate }),
          ...members.flatMap((member) =>
            memberDateIssues(project, { entryDate: input.entryDate, dob: member.dob }, today),
          ),
        ])
        await assertMembersMayStart(
          trx,
          project,
          members.map((member) => member.clientId),
          input.entryDate,
        )
        const household = await insertHouseholdEnrollments(trx, actor, {
          project,
          entryDate: input.entryDate,
          members: members.map((member) => ({
            clientId: member.clientId,
            relationshipToHoh: member.relationshipToHoh,
            enrollmentCoc: member.relationshipToHoh === HEAD_OF_HOUSEHOLD ? project.cocCode : null,
          })),
          details: { referralId: id },
        })
        const enrolled = members.map((member, index) => ({
          clientId: member.clientId,
          enrollmentId: household.enrollmentIds[index]!,
        }))
        await fillOpeningBeds(trx, actor, { id, openingId: referral.opening_id }, enrolled, {
          now: context.clock.now(),
          today,
        })
        await trx
          .updateTable('referral')
          .set({ placement_household_id: household.householdId })
          .where('id', '=', id)
          .execute()
        // Every slot filled by an enrollment: the opening is done.
        await sql`
        UPDATE referral_opening SET closed_at = ${context.clock.now()}, updated_at = ${context.clock.now()}
        WHERE id = ${referral.opening_id}::uuid AND closed_at IS NULL
          AND capacity <= (SELECT count(*) FROM referral WHERE opening_id = ${referral.opening_id}::uuid
                           AND status = 'enrolled')`.execute(trx)
        await markPlaced(trx, actor, {
          referralId: id,
          enrollmentHouseholdId: referral.enrollment_household_id,
          cocId: referral.coc_id,
          projectType: project.projectType,
          projectName: project.name,
          now: context.clock.now(),
        })
      },
    }),
  )
}
