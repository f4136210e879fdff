import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import {
  auditRows,
  buildCaseManagementWorld,
  type CaseManagementWorld,
  FAMILY_ENTRY_DATE,
} from './case-management.fixtures'

let t: TestApp
let world: CaseManagementWorld
let rental: { id: string }
let utility: { id: string }
let caseManagement: { id: string }
beforeAll(async () => {
  t = await createTestApp()
  world = await buildCaseManagementWorld(t)
  rental = await newServiceType({
    name: 'Rental assistance (SSVF)',
    category: 'financial_assistance',
    assistanceKind: 'rental',
    unit: 'dollars',
    hudRecordType: 152,
    hudTypeProvided: 1,
  })
  utility = await newServiceType({
    name: 'Utility payment',
    category: 'financial_assistance',
    assistanceKind: 'utility_payment',
    unit: 'dollars',
    defaultValue: 125.5,
  })
  caseManagement = await newServiceType({
    name: 'Case management session',
    category: 'supportive_services',
    unit: 'hours',
    defaultValue: 1,
  })
})
afterAll(() => t.close())

async function newServiceType(body: Record<string, unknown>) {
  const response = await t.request({
    method: 'POST',
    url: '/api/service-types',
    cookie: world.users.agencyAdmin.cookie,
    payload: body,
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

const record = (enrollmentId: string, body: Record<string, unknown>, cookie = world.users.author.cookie) =>
  t.request({ method: 'POST', url: `/api/enrollments/${enrollmentId}/services`, cookie, payload: body })

const assistance = async (cookie = world.users.author.cookie) => {
  const response = await t.request({
    method: 'GET',
    url: `/api/clients/${world.mother}/financial-assistance`,
    cookie,
  })
  return { status: response.statusCode, body: response.json() }
}

describe('the service catalogue', () => {
  it('lists the agency’s active entries with their HUD mapping', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/service-types',
      cookie: world.users.author.cookie,
    })
    expect(response.statusCode).toBe(200)
    const byName = Object.fromEntries(response.json().map((type: { name: string }) => [type.name, type]))
    expect(byName['Rental assistance (SSVF)']).toMatchObject({
      category: 'financial_assistance',
      assistanceKind: 'rental',
      unit: 'dollars',
      hudRecordType: 152,
      hudTypeProvided: 1,
      active: true,
      organizationId: world.northside.id,
    })
    expect(byName['Utility payment'].defaultValue).toBe(125.5)
  })

  it('refuses inconsistent entries with the field that is wrong', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [
        {
          name: 'Deposit',
          category: 'financial_assistance',
          unit: 'count',
          assistanceKind: 'security_deposit',
        },
        422,
        /dollars/,
      ],
      [{ name: 'Rent', category: 'financial_assistance', unit: 'dollars' }, 422, /assistanceKind/],
      [
        { name: 'Shelter', category: 'emergency_shelter', unit: 'count', assistanceKind: 'rental' },
        422,
        /assistanceKind/,
      ],
      [
        {
          name: 'SSVF odd',
          category: 'financial_assistance',
          assistanceKind: 'rental',
          unit: 'dollars',
          hudRecordType: 152,
          hudTypeProvided: 99,
        },
        422,
        /SSVFFinancialAssistance/,
      ],
      [
        {
          name: 'SSVF deposit as rent',
          category: 'financial_assistance',
          assistanceKind: 'rental',
          unit: 'dollars',
          hudRecordType: 152,
          hudTypeProvided: 2,
        },
        422,
        /security_deposit/,
      ],
      [
        {
          name: 'Bed',
          category: 'supportive_services',
          unit: 'count',
          hudRecordType: 200,
          hudTypeProvided: 200,
        },
        422,
        /bed_night/,
      ],
      [{ name: 'Half', category: 'supportive_services', unit: 'count', hudRecordType: 141 }, 422, /both/],
      [{ name: 'Odd unit', category: 'supportive_services', unit: 'days' }, 400, /unit/],
      [
        { name: 'Negative', category: 'supportive_services', unit: 'hours', defaultValue: -1 },
        400,
        /defaultValue/,
      ],
      [
        { name: 'Rental assistance (SSVF)', category: 'supportive_services', unit: 'count' },
        409,
        /already has a service/,
      ],
    ]
    for (const [body, status, message] of cases) {
      const response = await t.request({
        method: 'POST',
        url: '/api/service-types',
        cookie: world.users.agencyAdmin.cookie,
        payload: body,
      })
      expect(response.statusCode, JSON.stringify(body)).toBe(status)
      expect(response.json().error.message).toMatch(message)
    }
  })

  it('is managed by agency admins only (case managers 403, other agencies 404)', async () => {
    const byCaseManager = await t.request({
      method: 'POST',
      url: '/api/service-types',
      cookie: world.users.author.cookie,
      payload: { name: 'Bus pass', category: 'supportive_services', unit: 'count' },
    })
    expect(byCaseManager.statusCode).toBe(403)
    const otherAgency = await t.request({
      method: 'PATCH',
      url: `/api/service-types/${rental.id}`,
      cookie: world.users.neighbourAdmin.cookie,
      payload: { active: false },
    })
    expect(otherAgency.statusCode).toBe(404)
    const otherCatalogue = await t.request({
      method: 'GET',
      url: `/api/service-types?organizationId=${world.northside.id}`,
      cookie: world.users.neighbourAdmin.cookie,
    })
    expect(otherCatalogue.statusCode).toBe(404)
  })

  it('deactivates an entry: hidden from the default list, refused for new services', async () => {
    const type = await newServiceType({
      name: 'Moving truck',
      category: 'financial_assistance',
      assistanceKind: 'moving_costs',
      unit: 'dollars',
    })
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/service-types/${type.id}`,
      cookie: world.users.agencyAdmin.cookie,
      payload: { active: false },
    })
    expect(patched.json()).toMatchObject({ active: false, name: 'Moving truck' })
    const active = await t.request({
      method: 'GET',
      url: '/api/service-types',
      cookie: world.users.author.cookie,
    })
    expect(active.json().map((entry: { id: string }) => entry.id)).not.toContain(type.id)
    const all = await t.request({
      method: 'GET',
      url: '/api/service-types?includeInactive=true',
      cookie: world.users.author.cookie,
    })
    expect(all.json().map((entry: { id: string }) => entry.id)).toContain(type.id)
    const refused = await record(world.enrollments.mother, {
      date: '2026-02-01',
      serviceTypeId: type.id,
      amount: 300,
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.message).toMatch(/inactive/)
  })
})

describe('services on a family’s enrollment', () => {
  it('records two rental payments and a case note; totals per enrollment and per household', async () => {
    const forFamily = await record(world.enrollments.mother, {
      date: '2026-02-01',
      serviceTypeId: rental.id,
      amount: 850.5,
      fundingSource: 33,
      funder: 'SSVF 2026 grant',
      note: 'February rent',
      wholeHousehold: true,
    })
    expect(forFamily.statusCode, forFamily.body).toBe(201)
    const rows = forFamily.json()
    expect(rows).toHaveLength(2)
    expect(new Set(rows.map((row: { batchId: string }) => row.batchId)).size).toBe(1)
    expect(rows.map((row: { clientId: string }) => row.clientId).sort()).toEqual(
      [world.mother, world.son].sort(),
    )
    expect(rows[0]).toMatchObject({
      amount: 850.5,
      quantity: null,
      fundingSource: 33,
      funder: 'SSVF 2026 grant',
    })

    const march = await record(world.enrollments.mother, {
      date: '2026-03-01',
      serviceTypeId: rental.id,
      amount: 900,
    })
    expect(march.statusCode).toBe(201)
    const utilityDefault = await record(world.enrollments.son, {
      date: '2026-03-02',
      serviceTypeId: utility.id,
    })
    expect(utilityDefault.json()[0].amount).toBe(125.5)
    const session = await record(world.enrollments.mother, {
      date: '2026-03-03',
      serviceTypeId: caseManagement.id,
      quantity: 1.5,
    })
    expect(session.json()[0]).toMatchObject({ quantity: 1.5, amount: null })

    const note = await t.request({
      method: 'POST',
      url: `/api/clients/${world.mother}/case-notes`,
      cookie: world.users.author.cookie,
      payload: {
        entryDate: '2026-03-01',
        regarding: 'March rent paid',
        text: '<p>Paid <b>March</b> rent to the landlord.</p>',
        enrollmentId: world.enrollments.mother,
        serviceRecordIds: [march.json()[0].id],
      },
    })
    expect(note.statusCode, note.body).toBe(201)
    expect(note.json()).toMatchObject({
      enrollmentId: world.enrollments.mother,
      serviceRecordIds: [march.json()[0].id],
    })

    const { status, body } = await assistance()
    expect(status).toBe(200)
    expect(body.enrollments).toHaveLength(1)
    expect(body.enrollments[0]).toMatchObject({
      enrollmentId: world.enrollments.mother,
      enrollmentHouseholdId: world.enrollmentHouseholdId,
      project: { id: world.projectId, name: 'Northside Rapid Re-Housing' },
      entryDate: FAMILY_ENTRY_DATE,
      // The mother's own rows: the household payment and March.
      enrollment: { byKind: [{ kind: 'rental', amount: 1750.5 }], total: 1750.5 },
      // The household payment counts once, plus March and the son's utility payment.
      household: {
        byKind: [
          { kind: 'rental', amount: 1750.5 },
          { kind: 'utility_payment', amount: 125.5 },
        ],
        total: 1876,
      },
    })

    const listed = await t.request({
      method: 'GET',
      url: `/api/enrollments/${world.enrollments.mother}/services`,
      cookie: world.users.author.cookie,
    })
    expect(listed.json().map((row: { date: string }) => row.date)).toEqual([
      '2026-03-03',
      '2026-03-01',
      '2026-02-01',
    ])
  })

  it('deletes a payment with a reason: out of the list and the totals, audited', async () => {
    const payment = (
      await record(world.enrollments.son, { date: '2026-04-01', serviceTypeId: utility.id, amount: 60 })
    ).json()[0]
    const before = (await assistance()).body.enrollments[0].household.total
    const noReason = await t.request({
      method: 'DELETE',
      url: `/api/service-records/${payment.id}`,
      cookie: world.users.author.cookie,
      payload: {},
    })
    expect(noReason.statusCode).toBe(400)
    const deleted = await t.request({
      method: 'DELETE',
      url: `/api/service-records/${payment.id}`,
      cookie: world.users.author.cookie,
      payload: { reason: 'Entered twice' },
    })
    expect(deleted.statusCode).toBe(204)
    expect((await assistance()).body.enrollments[0].household.total).toBe(before - 60)
    expect(await auditRows(t, 'service_record.delete', payment.id)).toHaveLength(1)
    const again = await t.request({
      method: 'DELETE',
      url: `/api/service-records/${payment.id}`,
      cookie: world.users.author.cookie,
      payload: { reason: 'Entered twice' },
    })
    expect(again.statusCode).toBe(404)
  })

  it('refuses bad services with a clear 4xx', async () => {
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10)
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ date: '2026-02-01', serviceTypeId: rental.id, amount: -50 }, 400, /amount/],
      [{ date: '2026-02-01', serviceTypeId: rental.id, amount: 10.005 }, 400, /2 decimals/],
      [{ date: tomorrow, serviceTypeId: rental.id, amount: 50 }, 422, /date must not be in the future/],
      [{ date: '2025-12-31', serviceTypeId: rental.id, amount: 50 }, 422, /within the enrollment/],
      [{ date: '2026-02-01', serviceTypeId: rental.id }, 422, /amount is required/],
      [{ date: '2026-02-01', serviceTypeId: rental.id, quantity: 2 }, 422, /quantity does not apply/],
      [{ date: '2026-02-01', serviceTypeId: caseManagement.id, amount: 20 }, 422, /amount does not apply/],
      [{ date: '2026-02-01', serviceTypeId: rental.id, amount: 50, fundingSource: 47 }, 400, /retired/],
      [
        { date: '2026-02-01', serviceTypeId: rental.id, amount: 50, organizationId: world.southside.id },
        400,
        /organizationId|Unrecognized/i,
      ],
      [
        { date: '2026-02-01', serviceTypeId: '00000000-0000-4000-8000-000000000001', amount: 50 },
        422,
        /catalogue/,
      ],
    ]
    for (const [body, status, message] of cases) {
      const response = await record(world.enrollments.mother, body)
      expect(response.statusCode, JSON.stringify(body)).toBe(status)
      expect(response.json().error.message).toMatch(message)
    }
  })

  it('another agency without a release sees no services and records none', async () => {
    const { neighbour } = world.users
    const list = await t.request({
      method: 'GET',
      url: `/api/enrollments/${world.enrollments.mother}/services`,
      cookie: neighbour.cookie,
    })
    expect(list.statusCode).toBe(404)
    expect((await assistance(neighbour.cookie)).status).toBe(404)
    const recorded = await record(
      world.enrollments.mother,
      { date: '2026-02-01', serviceTypeId: rental.id, amount: 1 },
      neighbour.cookie,
    )
    expect(recorded.statusCode).toBe(404)
    const analyst = await record(
      world.enrollments.mother,
      { date: '2026-02-01', serviceTypeId: rental.id, amount: 1 },
      world.users.analyst.cookie,
    )
    expect(analyst.statusCode).toBe(403)
  })
})

describe('the API document', () => {
  it('describes the case-note and service routes (no schema name collisions)', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const paths = Object.keys(response.json().paths)
    for (const path of [
      '/api/clients/{id}/case-notes',
      '/api/case-notes/{id}/unlock',
      '/api/service-types/{id}',
      '/api/enrollments/{id}/services',
      '/api/clients/{id}/financial-assistance',
    ]) {
      expect(paths).toContain(path)
    }
  })
})
