import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { CLIENT_REFERENCES, catalogClientReferences } from './client-references'

let t: TestApp
let cocId: string
let agencyA: string
let agencyB: string
let admin: string
let caseManager: string
let otherCocAdmin: string
let adminUserId: string

interface ClientSeed {
  owner: string
  first: string
  last: string
  dob: string
  ssn?: string
  restriction?: 'open' | 'restricted' | 'confidential'
}

async function insertClient(seed: ClientSeed): Promise<string> {
  const row = await t.db
    .insertInto('client')
    .values({
      coc_id: cocId,
      owner_organization_id: seed.owner,
      restriction: seed.restriction ?? 'open',
      first_name: seed.first,
      last_name: seed.last,
      name_data_quality: 1,
      ssn: seed.ssn ?? null,
      ssn_last4: seed.ssn?.slice(5) ?? null,
      ssn_data_quality: seed.ssn ? 1 : 99,
      dob: seed.dob,
      dob_data_quality: 1,
      contact: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function duplicatePairs(cookie: string) {
  const response = await t.request({ method: 'GET', url: '/api/clients/duplicates?minScore=0.5', cookie })
  expect(response.statusCode).toBe(200)
  return response.json().pairs as {
    clientA: { id: string }
    clientB: { id: string }
    matchLevel: string
    reasons: string[]
  }[]
}

const hasPair = (pairs: Awaited<ReturnType<typeof duplicatePairs>>, x: string, y: string) =>
  pairs.some((pair) => [pair.clientA.id, pair.clientB.id].sort().join() === [x, y].sort().join())

beforeAll(async () => {
  t = await createTestApp()
  cocId = (await createCoc(t.db)).id
  const otherCoc = (await createCoc(t.db, 'GA-999', 'Other CoC')).id
  const lead = await createOrganization(t.db, cocId, 'HMIS Lead')
  agencyA = (await createOrganization(t.db, cocId, 'Agency A')).id
  agencyB = (await createOrganization(t.db, cocId, 'Agency B')).id
  const otherLead = await createOrganization(t.db, otherCoc, 'Other Lead')
  const adminUser = await createUser(t.db, 'coc.admin', [{ organizationId: lead.id, role: 'coc_admin' }])
  adminUserId = adminUser.id
  admin = await sessionFor(t, adminUser.id, lead.id)
  const cm = await createUser(t.db, 'case.a', [{ organizationId: agencyA, role: 'case_manager' }])
  caseManager = await sessionFor(t, cm.id, agencyA)
  const other = await createUser(t.db, 'other.admin', [{ organizationId: otherLead.id, role: 'coc_admin' }])
  otherCocAdmin = await sessionFor(t, other.id, otherLead.id)
})
afterAll(() => t.close())

describe('every table that references a client is known to the merge', () => {
  it('matches the database catalog', async () => {
    const catalog = await catalogClientReferences(t.db)
    const known = CLIENT_REFERENCES.map(({ table, column }) => `${table}.${column}`).sort()
    expect(catalog.map(({ table, column }) => `${table}.${column}`).sort()).toEqual(known)
  })
})

describe('duplicate report, merge and split', () => {
  let william: string
  let bill: string
  let hidden: string

  beforeAll(async () => {
    william = await insertClient({
      owner: agencyA,
      first: 'William',
      last: 'Smithson',
      dob: '1980-05-06',
      ssn: '123456789',
    })
    bill = await insertClient({
      owner: agencyB,
      first: 'Bill',
      last: 'Smithson',
      dob: '1980-06-05',
      ssn: '123456789',
    })
    hidden = await insertClient({
      owner: agencyB,
      first: 'William',
      last: 'Smithson',
      dob: '1980-05-06',
      ssn: '123456789',
      restriction: 'confidential',
    })
    // Bill has an alias, a household and a release that must follow him to the survivor and back.
    await t.db
      .insertInto('client_alias')
      .values({ client_id: bill, kind: 'alias', first_name: 'Billy', last_name: 'Smith' })
      .execute()
    const household = await t.db
      .insertInto('household')
      .values({ coc_id: cocId, owner_organization_id: agencyB })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('household_member')
      .values({
        household_id: household.id,
        client_id: bill,
        relationship_to_hoh: 1,
        joined_on: '2024-01-01',
      })
      .execute()
    await t.db
      .insertInto('client_release')
      .values({
        client_id: bill,
        coc_id: cocId,
        recorded_by_organization_id: agencyB,
        release_identity: true,
        release_project_data: true,
        scope: 'coc',
        start_date: '2024-01-01',
        end_date: '2099-01-01',
        documentation: 'signed',
        witness_user_id: adminUserId,
        signed_by_client_id: bill,
        created_by: adminUserId,
      })
      .execute()
  })

  it('lists the likely pair across agencies with reasons, and never a confidential record of another agency', async () => {
    const pairs = await duplicatePairs(admin)
    expect(hasPair(pairs, william, bill)).toBe(true)
    const pair = pairs.find((candidate) => hasPair([candidate], william, bill))!
    expect(pair.matchLevel).toBe('likely')
    expect(pair.reasons).toContain('SSN matches')
    expect(pairs.some((candidate) => [candidate.clientA.id, candidate.clientB.id].includes(hidden))).toBe(
      false,
    )
  })

  it('is for CoC admins only', async () => {
    const response = await t.request({ method: 'GET', url: '/api/clients/duplicates', cookie: caseManager })
    expect(response.statusCode).toBe(403)
  })

  it('compares side by side without showing the SSN', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/clients/compare?survivorId=${william}&mergedId=${bill}`,
      cookie: admin,
    })
    expect(response.statusCode).toBe(200)
    const comparison = response.json()
    const name = comparison.groups.find((group: { group: string }) => group.group === 'name')
    expect(name.survivor.firstName).toBe('William')
    expect(name.merged.firstName).toBe('Bill')
    expect(name.same).toBe(false)
    expect(JSON.stringify(comparison)).not.toContain('123456789')
    expect(comparison.relatedRecords['client_release.client_id']).toEqual({ survivor: 0, merged: 1 })
  })

  let mergeId: string
  it('merges: the survivor takes the chosen groups and every related record; the other record points to it', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/client-merges',
      cookie: admin,
      payload: { survivorId: william, mergedId: bill, choices: { dob: 'merged' }, reason: 'same person' },
    })
    expect(response.statusCode).toBe(201)
    mergeId = response.json().id
    const survivor = await t.db
      .selectFrom('client')
      .selectAll()
      .where('id', '=', william)
      .executeTakeFirstOrThrow()
    expect(survivor.first_name).toBe('William')
    expect(survivor.dob).toBe('1980-06-05')
    const merged = await t.db
      .selectFrom('client')
      .selectAll()
      .where('id', '=', bill)
      .executeTakeFirstOrThrow()
    expect(merged.merged_into_client_id).toBe(william)
    const aliases = await t.db
      .selectFrom('client_alias')
      .select(['first_name', 'client_id'])
      .where('client_id', '=', william)
      .execute()
    expect(aliases.map((alias) => alias.first_name).sort()).toEqual(['Bill', 'Billy'])
    const membership = await t.db.selectFrom('household_member').select('client_id').executeTakeFirstOrThrow()
    expect(membership.client_id).toBe(william)
    const release = await t.db
      .selectFrom('client_release')
      .select(['client_id', 'signed_by_client_id'])
      .executeTakeFirstOrThrow()
    expect(release).toEqual({ client_id: william, signed_by_client_id: william })
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'client.merge')
      .executeTakeFirstOrThrow()
    expect(audit.entity_id).toBe(william)
    expect(JSON.stringify(audit.details)).not.toContain('1980')
    expect(hasPair(await duplicatePairs(admin), william, bill)).toBe(false)
  })

  it('refuses to merge an already merged record', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/client-merges',
      cookie: admin,
      payload: { survivorId: william, mergedId: bill },
    })
    expect([404, 409]).toContain(response.statusCode)
  })

  it('splits: records and fields go back, a field changed since is kept, and the pair is not proposed again', async () => {
    await t.db.updateTable('client').set({ first_name: 'Will' }).where('id', '=', william).execute()
    const response = await t.request({
      method: 'POST',
      url: `/api/client-merges/${mergeId}/split`,
      cookie: admin,
      payload: { reason: 'different people after all' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().keptOnSplit).toEqual(expect.arrayContaining(['first_name']))
    const survivor = await t.db
      .selectFrom('client')
      .selectAll()
      .where('id', '=', william)
      .executeTakeFirstOrThrow()
    expect(survivor.dob).toBe('1980-05-06')
    expect(survivor.first_name).toBe('Will')
    const restored = await t.db
      .selectFrom('client')
      .selectAll()
      .where('id', '=', bill)
      .executeTakeFirstOrThrow()
    expect(restored.merged_into_client_id).toBeNull()
    const release = await t.db.selectFrom('client_release').select('client_id').executeTakeFirstOrThrow()
    expect(release.client_id).toBe(bill)
    const aliases = await t.db
      .selectFrom('client_alias')
      .select('first_name')
      .where('client_id', '=', bill)
      .execute()
    expect(aliases.map((alias) => alias.first_name)).toEqual(['Billy'])
    expect(hasPair(await duplicatePairs(admin), william, bill)).toBe(false)

    const again = await t.request({
      method: 'POST',
      url: `/api/client-merges/${mergeId}/split`,
      cookie: admin,
      payload: { reason: 'twice' },
    })
    expect(again.statusCode).toBe(409)
  })

  it('lists the merge history', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/client-merges?clientId=${bill}`,
      cookie: admin,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().merges).toHaveLength(1)
    expect(response.json().merges[0].splitReason).toBe('different people after all')
  })

  it('hides both records from a CoC admin of another CoC (404 and a denied audit row)', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/clients/compare?survivorId=${william}&mergedId=${bill}`,
      cookie: otherCocAdmin,
    })
    expect(response.statusCode).toBe(404)
    const denied = await t.db
      .selectFrom('audit_event')
      .select('entity_id')
      .where('outcome', '=', 'denied')
      .where('entity_id', '=', william)
      .execute()
    expect(denied.length).toBeGreaterThan(0)
  })
})

describe('not duplicates', () => {
  it('removes a pair from the report for good', async () => {
    const first = await insertClient({ owner: agencyA, first: 'Maria', last: 'Gonzalez', dob: '1990-01-01' })
    const second = await insertClient({ owner: agencyB, first: 'Mari', last: 'Gonzalez', dob: '1990-01-01' })
    expect(hasPair(await duplicatePairs(admin), first, second)).toBe(true)
    const response = await t.request({
      method: 'POST',
      url: '/api/client-pairs/not-duplicate',
      cookie: admin,
      payload: { clientAId: second, clientBId: first, reason: 'twins' },
    })
    expect(response.statusCode).toBe(204)
    expect(hasPair(await duplicatePairs(admin), first, second)).toBe(false)
  })
})

describe('two admins merging the same pair at once', () => {
  it('lets exactly one merge happen', async () => {
    const first = await insertClient({
      owner: agencyA,
      first: 'Dolores',
      last: 'Ruiz',
      dob: '1970-03-03',
      ssn: '234567891',
    })
    const second = await insertClient({
      owner: agencyB,
      first: 'Lola',
      last: 'Ruiz',
      dob: '1970-03-03',
      ssn: '234567891',
    })
    const responses = await Promise.all([
      t.request({
        method: 'POST',
        url: '/api/client-merges',
        cookie: admin,
        payload: { survivorId: first, mergedId: second },
      }),
      t.request({
        method: 'POST',
        url: '/api/client-merges',
        cookie: admin,
        payload: { survivorId: second, mergedId: first },
      }),
    ])
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409])
  })
})

describe('records whose enrollments or bed stays overlap', () => {
  it('answers 409 naming the project and dates, then the bed stays, and merges once they are corrected', async () => {
    const survivor = await insertClient({ owner: agencyA, first: 'Marta', last: 'Quispe', dob: '1975-08-09' })
    const other = await insertClient({ owner: agencyB, first: 'Martha', last: 'Quispe', dob: '1975-08-09' })
    const project = async (name: string) =>
      (
        await t.db
          .insertInto('project')
          .values({
            organization_id: agencyA,
            coc_id: cocId,
            name,
            project_type: 1,
            operating_start_date: '2020-01-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const [shelter, outreach] = [await project('Harbor Shelter'), await project('Street Outreach')]
    const enroll = async (clientId: string, projectId: string, entry: string, exit: string | null) => {
      const household = await t.db
        .insertInto('enrollment_household')
        .values({ project_id: projectId, coc_id: cocId, owner_organization_id: agencyA })
        .returning('id')
        .executeTakeFirstOrThrow()
      return (
        await t.db
          .insertInto('enrollment')
          .values({
            enrollment_household_id: household.id,
            client_id: clientId,
            project_id: projectId,
            relationship_to_hoh: 1,
            entry_date: entry,
            exit_date: exit,
            destination: exit ? 101 : null,
            owner_organization_id: agencyA,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    }
    const survivorEnrollment = await enroll(survivor, shelter, '2025-01-01', null)
    const otherEnrollment = await enroll(other, shelter, '2025-03-01', '2025-04-01')
    const facility = await t.db
      .insertInto('facility')
      .values({ coc_id: cocId, organization_id: agencyA, name: 'Harbor House' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const unit = await t.db
      .insertInto('bed_unit')
      .values({ facility_id: facility.id, name: 'Room 2' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const bed = async (name: string) =>
      (
        await t.db
          .insertInto('bed')
          .values({
            facility_id: facility.id,
            unit_id: unit.id,
            project_id: shelter,
            name,
            household_type: 1,
            active_from: '2020-01-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const survivorStay = await t.db
      .insertInto('bed_stay')
      .values({
        bed_id: await bed('A'),
        client_id: survivor,
        enrollment_id: survivorEnrollment,
        during: '[2025-03-10T00:00:00Z,)',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('bed_stay')
      .values({
        bed_id: await bed('B'),
        client_id: other,
        enrollment_id: otherEnrollment,
        during: '[2025-03-15T00:00:00Z,2025-03-20T00:00:00Z)',
        ended_by: 'check_out',
      })
      .execute()
    const merge = () =>
      t.request({
        method: 'POST',
        url: '/api/client-merges',
        cookie: admin,
        payload: { survivorId: survivor, mergedId: other },
      })

    const enrollments = await merge()
    expect(enrollments.statusCode).toBe(409)
    expect(enrollments.json().error.code).toBe('conflict')
    expect(enrollments.json().error.message).toBe(
      'These records cannot be merged: both are enrolled in Harbor Shelter at overlapping times ' +
        '(2025-01-01 to now (still open) on the surviving record, 2025-03-01 to 2025-04-01 on the other); ' +
        'both have bed stays at overlapping times (Harbor House · Room 2 · A, 2025-03-10T00:00Z to now ' +
        '(still open) on the surviving record; Harbor House · Room 2 · B, 2025-03-15T00:00Z to ' +
        '2025-03-20T00:00Z on the other). Correct the dates or exit one of them before merging',
    )
    expect(enrollments.json().error.details.overlaps[0]).toEqual({
      kind: 'enrollment',
      projectId: shelter,
      projectName: 'Harbor Shelter',
      survivorEnrollment: { id: survivorEnrollment, entryDate: '2025-01-01', exitDate: null },
      mergedEnrollment: { id: otherEnrollment, entryDate: '2025-03-01', exitDate: '2025-04-01' },
    })

    // The same dates in another project are no conflict; the bed stays still are.
    await t.db
      .updateTable('enrollment')
      .set({ project_id: outreach })
      .where('id', '=', otherEnrollment)
      .execute()
    const stays = await merge()
    expect(stays.statusCode).toBe(409)
    expect(stays.json().error.message).not.toContain('enrolled')
    expect(stays.json().error.details.overlaps).toEqual([
      expect.objectContaining({
        kind: 'bed_stay',
        survivorStay: expect.objectContaining({ id: survivorStay.id }),
      }),
    ])
    // Nothing moved and nothing was merged by the refused attempts.
    const untouched = await t.db
      .selectFrom('client')
      .select('merged_into_client_id')
      .where('id', '=', other)
      .executeTakeFirstOrThrow()
    expect(untouched.merged_into_client_id).toBeNull()

    await t.db
      .updateTable('bed_stay')
      .set({ during: '[2025-03-20T00:00:00Z,)' })
      .where('id', '=', survivorStay.id)
      .execute()
    const merged = await merge()
    expect(merged.statusCode).toBe(201)
    const owners = await t.db
      .selectFrom('bed_stay')
      .select('client_id')
      .where('enrollment_id', 'in', [survivorEnrollment, otherEnrollment])
      .execute()
    expect(owners.map((row) => row.client_id)).toEqual([survivor, survivor])
  })
})

describe('records in the same referral, or heading two active referrals of one program type', () => {
  async function referralTo(
    projectName: string,
    members: string[],
    status: 'accepted' | 'pending' = 'accepted',
  ) {
    const project = async (name: string, type: number) =>
      (
        await t.db
          .insertInto('project')
          .values({
            organization_id: agencyA,
            coc_id: cocId,
            name,
            project_type: type,
            operating_start_date: '2020-01-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const rrh = await project(projectName, 13)
    const ce = await project(`${projectName} access point`, 14)
    const household = await t.db
      .insertInto('enrollment_household')
      .values({ project_id: ce, coc_id: cocId, owner_organization_id: agencyA })
      .returning('id')
      .executeTakeFirstOrThrow()
    const head = await t.db
      .insertInto('enrollment')
      .values({
        enrollment_household_id: household.id,
        client_id: members[0] as string,
        project_id: ce,
        relationship_to_hoh: 1,
        entry_date: '2026-01-02',
        owner_organization_id: agencyA,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const opening = await t.db
      .insertInto('referral_opening')
      .values({
        coc_id: cocId,
        project_id: rrh,
        organization_id: agencyA,
        available_on: '2026-01-10',
        posted_by_organization_id: agencyA,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const referral = await t.db
      .insertInto('referral')
      .values({
        coc_id: cocId,
        opening_id: opening.id,
        slot_no: 1,
        project_id: rrh,
        program_type: 13,
        receiving_organization_id: agencyA,
        referring_organization_id: agencyA,
        ce_enrollment_id: head.id,
        enrollment_household_id: household.id,
        head_client_id: members[0] as string,
        sent_on: '2026-01-10',
        acknowledge_due_on: '2026-01-13',
        decision_due_on: '2026-01-20',
        expires_on: '2026-01-30',
        status,
        snapshot: JSON.stringify({ rank: 1, rankingVersion: 'rrh v1', values: {} }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('referral_member')
      .values(
        members.map((clientId, index) => ({
          referral_id: referral.id,
          client_id: clientId,
          relationship_to_hoh: index === 0 ? 1 : 2,
        })),
      )
      .execute()
    return referral.id
  }
  const merge = (survivorId: string, mergedId: string) =>
    t.request({ method: 'POST', url: '/api/client-merges', cookie: admin, payload: { survivorId, mergedId } })
  const mergedInto = async (id: string) =>
    (
      await t.db
        .selectFrom('client')
        .select('merged_into_client_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).merged_into_client_id

  it('answers 409 naming the referral both records are in (not a 500), and moves nothing', async () => {
    const parent = await insertClient({ owner: agencyA, first: 'Rosa', last: 'Villca', dob: '1980-02-03' })
    const child = await insertClient({ owner: agencyA, first: 'Tito', last: 'Villca', dob: '2015-04-05' })
    const childAgain = await insertClient({ owner: agencyB, first: 'Tito', last: 'Vilca', dob: '2015-04-05' })
    const referralId = await referralTo('Villca Homes RRH', [parent, child, childAgain])

    const refused = await merge(child, childAgain)
    expect(refused.statusCode, refused.body).toBe(409)
    expect(refused.json().error).toEqual({
      code: 'conflict',
      message:
        'Both records are members of the same referral (to Villca Homes RRH, sent 2026-01-10, accepted), which ' +
        'holds each person once. Keep both records, or have the referral cancelled and made again with one of ' +
        'them, before merging',
      details: { referralId },
    })
    expect(await mergedInto(childAgain)).toBeNull()
    const members = await t.db
      .selectFrom('referral_member')
      .select('client_id')
      .where('referral_id', '=', referralId)
      .execute()
    expect(members.map((member) => member.client_id).sort()).toEqual([parent, child, childAgain].sort())
  })

  it('refuses two heads of active referrals of one program type until one is resolved', async () => {
    const survivor = await insertClient({
      owner: agencyA,
      first: 'Nadia',
      last: 'Oyelaran',
      dob: '1990-06-07',
    })
    const other = await insertClient({ owner: agencyB, first: 'Nadia', last: 'Oyelaren', dob: '1990-06-07' })
    const kept = await referralTo('Oyelaran RRH', [survivor], 'pending')
    const second = await referralTo('Second Chance RRH', [other], 'pending')

    const refused = await merge(survivor, other)
    expect(refused.statusCode, refused.body).toBe(409)
    expect(refused.json().error.message).toContain(
      'Both records head an active referral of the same program type',
    )
    expect(refused.json().error.details).toEqual({ referralIds: [kept, second] })

    await t.db.updateTable('referral').set({ status: 'cancelled' }).where('id', '=', second).execute()
    const merged = await merge(survivor, other)
    expect(merged.statusCode, merged.body).toBe(201)
    const heads = await t.db
      .selectFrom('referral')
      .select('head_client_id')
      .where('id', 'in', [kept, second])
      .execute()
    expect(heads.map((row) => row.head_client_id)).toEqual([survivor, survivor])
  })
})
