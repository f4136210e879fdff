import { randomUUID } from 'node:crypto'
import { insertTestClient } from '../../src/households/household.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

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
    { ...base, method: 'GET', url: '/api/referrals/events?referralId=:id' },
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

// Creating referrals and openings: the ids are in the body. An id the caller may not see is a 404 naming
// that entity (and a denied audit row for it); an opening the caller sees but may not refer to is a 403.

let lastOpeningId = ''
let lastEnrollmentId = ''
let lastProjectId = ''
const NO_SUCH_ENROLLMENT = '00000000-0000-4000-8000-000000000001'

async function projectOf(f: Fixture, organization: FixtureOrganization, projectType: number, direct = false) {
  const row = await f.t.db
    .insertInto('project')
    .values({
      organization_id: organization.id,
      coc_id: organization.cocId,
      name: `Referral body fixture ${projectType} ${randomUUID()}`,
      project_type: projectType,
      operating_start_date: '2024-01-01',
      accepts_direct_referrals: direct,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function openingFor(f: Fixture, organization: FixtureOrganization, direct = false) {
  const row = await f.t.db
    .insertInto('referral_opening')
    .values({
      coc_id: organization.cocId,
      project_id: await projectOf(f, organization, 3, direct),
      organization_id: organization.id,
      available_on: '2026-01-10',
      posted_by_organization_id: organization.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  lastOpeningId = row.id
  return row.id
}

/** A head of household's open enrollment in a new project of the organization. */
async function enrollmentIn(
  f: Fixture,
  organization: FixtureOrganization,
  projectType: number,
  restriction: 'open' | 'confidential' = 'open',
) {
  const projectId = await projectOf(f, organization, projectType)
  const clientId = await insertTestClient(f.t.db, {
    cocId: organization.cocId,
    ownerOrganizationId: organization.id,
    firstName: 'Bodyid',
    lastName: 'Referred',
    restriction,
  })
  const household = await f.t.db
    .insertInto('enrollment_household')
    .values({ project_id: projectId, coc_id: organization.cocId, owner_organization_id: organization.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  const enrollment = await f.t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: household.id,
      client_id: clientId,
      project_id: projectId,
      relationship_to_hoh: 1,
      entry_date: '2026-01-02',
      owner_organization_id: organization.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  lastEnrollmentId = enrollment.id
  return enrollment.id
}

const readOpeningReferrals = async (f: Fixture, id: string) => ({
  ...(await readOpening(f, id)),
  referrals: await f.t.db.selectFrom('referral').select('id').where('opening_id', '=', id).execute(),
})

const readEnrollmentReferrals = async (f: Fixture, id: string) => ({
  enrollment: await f.t.db.selectFrom('enrollment').selectAll().where('id', '=', id).executeTakeFirst(),
  referrals: await f.t.db
    .selectFrom('referral')
    .select('id')
    .where((eb) => eb.or([eb('ce_enrollment_id', '=', id), eb('source_enrollment_id', '=', id)]))
    .execute(),
})

const readProjectOpenings = async (f: Fixture, id: string) => ({
  project: await f.t.db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst(),
  openings: await f.t.db.selectFrom('referral_opening').select('id').where('project_id', '=', id).execute(),
})

const lazyBody = (body: () => Record<string, unknown>) => ({ toJSON: body })
const ceReferralBody = lazyBody(() => ({ openingId: lastOpeningId, ceEnrollmentId: lastEnrollmentId }))
const directReferralBody = lazyBody(() => ({
  openingId: lastOpeningId,
  sourceEnrollmentId: lastEnrollmentId,
}))

const creationCases: UnauthorizedCase[] = [
  {
    target: 'opening of another CoC (A1)',
    method: 'POST',
    url: '/api/referrals',
    setup: (f) => openingFor(f, f.orgA1),
    caller: 'cocAdminB',
    payload: lazyBody(() => ({ openingId: lastOpeningId, ceEnrollmentId: NO_SUCH_ENROLLMENT })),
    read: readOpeningReferrals,
  },
  {
    target: 'CE enrollment of another CoC (B1)',
    method: 'POST',
    url: '/api/referrals',
    setup: async (f) => {
      await openingFor(f, f.orgA1)
      return enrollmentIn(f, f.orgB1, 14)
    },
    caller: 'cocAdminA',
    payload: ceReferralBody,
    read: readEnrollmentReferrals,
  },
  {
    target: 'household enrolled with another agency (A1), referred directly',
    method: 'POST',
    url: '/api/referrals',
    setup: async (f) => {
      await openingFor(f, f.orgA2, true)
      return enrollmentIn(f, f.orgA1, 1)
    },
    caller: 'caseManagerA2',
    payload: directReferralBody,
    read: readEnrollmentReferrals,
  },
  {
    target: 'confidential client of A2, referred directly',
    method: 'POST',
    url: '/api/referrals',
    setup: async (f) => {
      await openingFor(f, f.orgA1, true)
      return enrollmentIn(f, f.orgA2, 1, 'confidential')
    },
    caller: 'cocAdminA',
    payload: directReferralBody,
    read: readEnrollmentReferrals,
  },
  {
    target: "the provider's own opening (A2), as a CE referral",
    method: 'POST',
    url: '/api/referrals',
    setup: async (f) => {
      const openingId = await openingFor(f, f.orgA2)
      await enrollmentIn(f, f.orgA2, 14)
      return openingId
    },
    caller: 'agencyAdminA2',
    payload: ceReferralBody,
    read: readOpeningReferrals,
    expect: 'forbidden',
  },
  {
    target: 'opening of a project taking CE referrals only (A1), referred directly',
    method: 'POST',
    url: '/api/referrals',
    setup: async (f) => {
      const openingId = await openingFor(f, f.orgA1)
      await enrollmentIn(f, f.orgA2, 1)
      return openingId
    },
    caller: 'caseManagerA2',
    payload: directReferralBody,
    read: readOpeningReferrals,
    expect: 'forbidden',
  },
  ...(['agencyAdminB1', 'caseManagerA2'] as const).map(
    (caller): UnauthorizedCase => ({
      target: 'project of A1',
      method: 'POST',
      url: '/api/openings',
      setup: async (f) => {
        lastProjectId = await projectOf(f, f.orgA1, 13)
        return lastProjectId
      },
      caller,
      payload: lazyBody(() => ({ projectId: lastProjectId, availableOn: '2026-02-01' })),
      read: readProjectOpenings,
      ...(caller === 'caseManagerA2' && { expect: 'forbidden' as const }),
    }),
  ),
  // CoC-wide referral settings: an agency admin may not change them (403), and nothing changes.
  ...(
    [
      ['referral rules', '/api/referrals/rules', 'referral_rule_setting', { oneActivePerProgramType: false }],
      [
        'referral timers',
        '/api/referrals/timers',
        'referral_timer_setting',
        {
          timers: [
            {
              projectType: null,
              acknowledgeWorkingDays: 1,
              decisionDays: 1,
              expireDays: 1,
              housedOnEnroll: false,
            },
          ],
        },
      ],
      [
        'decline reasons',
        '/api/referrals/decline-reasons',
        'referral_decline_reason',
        { reasons: [{ code: 'other', label: 'Other', consequence: 'needs_reassessment' }] },
      ],
    ] as const
  ).map(
    ([what, url, table, payload]): UnauthorizedCase => ({
      target: `CoC A's ${what}`,
      method: 'PUT',
      url,
      setup: async (f) => f.cocA.id,
      caller: 'agencyAdminA1',
      payload,
      read: async (f, id) => ({
        rows: await f.t.db.selectFrom(table).selectAll().where('coc_id', '=', id).execute(),
      }),
      expect: 'forbidden',
    }),
  ),
]

export default [
  ...creationCases,
  ...referralRoutes('caseManagerA2'),
  ...referralRoutes('agencyAdminA2'),
  ...referralRoutes('cocAdminB'),
  ...openingRoutes('cocAdminB'),
  ...openingRoutes('agencyAdminB1'),
  ...openingRoutes('caseManagerA2', 'forbidden'),
] satisfies UnauthorizedCase[]
