import { randomUUID } from 'node:crypto'
import { insertTestClient } from '../../src/households/household.fixtures'
import type { Fixture, UnauthorizedCase } from './fixture'

// Openings are seen CoC-wide (not personal data); referrals only by CE-wide roles and the two agencies.
// A1 runs both the CE project and the receiving project here, so A2 is an outsider to the referral but
// a CoC member for the opening (403 on what only A1 or CE may do); CoC B sees nothing.

async function projectOfA1(f: Fixture, projectType: number) {
  const row = await f.t.db
    .insertInto('project')
    .values({
      organization_id: f.orgA1.id,
      coc_id: f.cocA.id,
      name: `Referral fixture ${projectType} ${randomUUID()}`,
      project_type: projectType,
      operating_start_date: '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function openingOfA1(f: Fixture) {
  const projectId = await projectOfA1(f, 13)
  const row = await f.t.db
    .insertInto('referral_opening')
    .values({
      coc_id: f.cocA.id,
      project_id: projectId,
      organization_id: f.orgA1.id,
      available_on: '2026-01-10',
      eligibility_summary: 'Families only',
      posted_by_organization_id: f.orgA1.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function referralOfA1(f: Fixture) {
  const openingId = await openingOfA1(f)
  const opening = await f.t.db
    .selectFrom('referral_opening')
    .select('project_id')
    .where('id', '=', openingId)
    .executeTakeFirstOrThrow()
  const clientId = await insertTestClient(f.t.db, {
    cocId: f.cocA.id,
    ownerOrganizationId: f.orgA1.id,
    firstName: 'Referred',
    lastName: 'Person',
  })
  const ceProjectId = await projectOfA1(f, 14)
  const household = await f.t.db
    .insertInto('enrollment_household')
    .values({ project_id: ceProjectId, coc_id: f.cocA.id, owner_organization_id: f.orgA1.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await f.t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: clientId,
      project_id: ceProjectId,
      relationship_to_hoh: 1,
      entry_date: '2026-01-02',
      owner_organization_id: f.orgA1.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const referral = await f.t.db
    .insertInto('referral')
    .values({
      coc_id: f.cocA.id,
      opening_id: openingId,
      slot_no: 1,
      project_id: opening.project_id,
      program_type: 13,
      receiving_organization_id: f.orgA1.id,
      referring_organization_id: f.orgA1.id,
      referred_by: f.users.cocAdminA.id,
      ce_enrollment_id: enrollment.id,
      enrollment_household_id: household.id,
      head_client_id: clientId,
      sent_on: '2026-01-10',
      acknowledge_due_on: '2026-01-13',
      decision_due_on: '2026-01-20',
      expires_on: '2026-01-30',
      status: 'accepted',
      snapshot: JSON.stringify({ rank: 1, rankingVersion: 'rrh v0', values: {} }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.t.db
    .insertInto('referral_member')
    .values({ referral_id: referral.id, client_id: clientId, relationship_to_hoh: 1 })
    .execute()
  return referral.id
}

const readOpening = async (f: Fixture, id: string) => ({
  opening: await f.t.db.selectFrom('referral_opening').selectAll().where('id', '=', id).executeTakeFirst(),
  notifications: await f.t.db.selectFrom('notification').selectAll().where('opening_id', '=', id).execute(),
})

const readReferral = async (f: Fixture, id: string) => ({
  referral: await f.t.db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst(),
  members: await f.t.db.selectFrom('referral_member').selectAll().where('referral_id', '=', id).execute(),
  changes: await f.t.db
    .selectFrom('referral_status_change')
    .selectAll()
    .where('referral_id', '=', id)
    .execute(),
})

const referralRoutes = (caller: UnauthorizedCase['caller']): UnauthorizedCase[] => {
  const base = {
    target: 'referral of A1 (CE A1 → project of A1)',
    setup: referralOfA1,
    caller,
    read: readReferral,
  }
  return [
    { ...base, method: 'GET', url: '/api/referrals/:id' },
    { ...base, method: 'GET', url: '/api/referrals/:id/history' },
    { ...base, method: 'POST', url: '/api/referrals/:id/acknowledge', payload: {} },
    { ...base, method: 'POST', url: '/api/referrals/:id/accept', payload: {} },
    { ...base, method: 'POST', url: '/api/referrals/:id/decline', payload: { declinedBy: 'client' } },
    { ...base, method: 'POST', url: '/api/referrals/:id/enroll', payload: { entryDate: '2026-01-12' } },
    { ...base, method: 'POST', url: '/api/referrals/:id/cancel', payload: { reason: 'entered_in_error' } },
  ]
}

const openingRoutes = (
  caller: UnauthorizedCase['caller'],
  expect?: UnauthorizedCase['expect'],
): UnauthorizedCase[] => {
  const base = { target: 'opening of A1', setup: openingOfA1, caller, read: readOpening, expect }
  return [
    ...(expect === 'forbidden' ? [] : [{ ...base, method: 'GET' as const, url: '/api/openings/:id' }]),
    { ...base, method: 'POST', url: '/api/openings/:id/close' },
    { ...base, method: 'POST', url: '/api/openings/:id/request-referral' },
    { ...base, method: 'GET', url: '/api/openings/:id/candidates' },
  ]
}

export default [
  ...referralRoutes('caseManagerA2'),
  ...referralRoutes('agencyAdminA2'),
  ...referralRoutes('cocAdminB'),
  ...openingRoutes('cocAdminB'),
  ...openingRoutes('agencyAdminB1'),
  ...openingRoutes('caseManagerA2', 'forbidden'),
] satisfies UnauthorizedCase[]
