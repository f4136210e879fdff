import { addDays, addYears, type Enrollment } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCoc,
  createOrganization,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from '../../test/test-app'
import { todayFrom } from '../access/client-visibility'
import { insertTestClient } from '../households/household.fixtures'
import { insertTestRelease } from '../releases/release.fixtures'

let t: TestApp
let cocId: string
let today: string
const org = { housing: '', other: '' }
const cookies = { housing: '', housingAdmin: '', other: '', otherAdmin: '', cocAdmin: '' }
const project = { rrh: '', th: '', so: '' }
let housingWorkerId: string

beforeAll(async () => {
  t = await createTestApp()
  today = todayFrom(t.clock)
  cocId = (await createCoc(t.db)).id
  org.housing = (await createOrganization(t.db, cocId, 'Homeward Housing')).id
  org.other = (await createOrganization(t.db, cocId, 'Eastside Services')).id
  const user = async (
    name: string,
    organizationId: string,
    role: 'case_manager' | 'agency_admin' | 'coc_admin',
  ) => {
    const created = await createUser(t.db, name, [{ organizationId, role }])
    return { id: created.id, cookie: await sessionFor(t, created.id, organizationId) }
  }
  const housingWorker = await user('housing.cm', org.housing, 'case_manager')
  housingWorkerId = housingWorker.id
  cookies.housing = housingWorker.cookie
  cookies.housingAdmin = (await user('housing.admin', org.housing, 'agency_admin')).cookie
  cookies.other = (await user('other.cm', org.other, 'case_manager')).cookie
  cookies.otherAdmin = (await user('other.admin', org.other, 'agency_admin')).cookie
  cookies.cocAdmin = (await user('coc.admin', org.other, 'coc_admin')).cookie
  const newProject = async (name: string, projectType: number) =>
    (
      await t.db
        .insertInto('project')
        .values({
          organization_id: org.housing,
          coc_id: cocId,
          name,
          project_type: projectType,
          operating_start_date: '2020-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  project.rrh = await newProject('Rapid Rehousing', 13)
  project.th = await newProject('Transitional Housing', 2)
  project.so = await newProject('Street Outreach', 4)
})

afterAll(() => t.close())

const client = (firstName: string, dob: string | null = '1985-04-02') =>
  insertTestClient(t.db, { cocId, ownerOrganizationId: org.housing, firstName, dob })
const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown, cookie = cookies.housing) =>
  t.request({ method, url, cookie, ...(payload !== undefined && { payload: payload as object }) })
const daysAgo = (days: number) => addDays(today, -days)

async function enroll(payload: object, cookie = cookies.housing): Promise<Enrollment[]> {
  const response = await send('POST', '/api/enrollments', payload, cookie)
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}
const single = async (projectId: string, clientId: string, entryDate: string) =>
  (await enroll({ projectId, entryDate, members: [{ clientId, relationshipToHoh: 1 }] }))[0] as Enrollment

const issuesOf = (enrollment: Enrollment) =>
  enrollment.dataQuality.map((issue) => `${issue.element} @ ${issue.stage}: ${issue.status}`)

describe('a family in rapid rehousing', () => {
  const family = { head: '', spouse: '', child: '', joiner: '' }
  let head: Enrollment
  let spouse: Enrollment
  let child: Enrollment
  const entryDate = () => daysAgo(100)

  beforeAll(async () => {
    family.head = await client('Maria')
    family.spouse = await client('Jose', '1987-09-12')
    family.child = await client('Ana', addYears(today, -6))
    family.joiner = await client('Rosa', '1960-01-05')
  })

  it('enrolls head, spouse and child at once with income and health insurance at project start', async () => {
    const enrollments = await enroll({
      projectId: project.rrh,
      entryDate: entryDate(),
      enrollmentCoc: 'GA-502',
      members: [
        {
          clientId: family.head,
          relationshipToHoh: 1,
          disablingCondition: 0,
          priorLivingSituation: {
            livingSituation: 116,
            lengthOfStay: 4,
            timesHomelessPastThreeYears: 1,
            monthsHomelessPastThreeYears: 104,
            dateToStreetEssh: daysAgo(200),
          },
          projectStart: {
            incomeBenefits: {
              incomeFromAnySource: 1,
              earned: 1,
              earnedAmount: 1200.5,
              ssi: 1,
              ssiAmount: 943,
              benefitsFromAnySource: 1,
              snap: 1,
              insuranceFromAnySource: 1,
              medicaid: 1,
              medicare: 0,
              noMedicareReason: 4,
            },
          },
        },
        {
          clientId: family.spouse,
          relationshipToHoh: 3,
          projectStart: {
            incomeBenefits: {
              incomeFromAnySource: 8,
              benefitsFromAnySource: 0,
              insuranceFromAnySource: 1,
              medicaid: 1,
            },
          },
        },
        {
          clientId: family.child,
          relationshipToHoh: 2,
          disablingCondition: 0,
          projectStart: { incomeBenefits: { insuranceFromAnySource: 1, schip: 1 } },
        },
      ],
    })
    expect(enrollments).toHaveLength(3)
    ;[head, spouse, child] = [family.head, family.spouse, family.child].map(
      (id) => enrollments.find((enrollment) => enrollment.clientId === id) as Enrollment,
    ) as [Enrollment, Enrollment, Enrollment]
    expect(new Set(enrollments.map((enrollment) => enrollment.enrollmentHouseholdId)).size).toBe(1)
    expect(head).toMatchObject({
      relationshipToHoh: 1,
      entryDate: entryDate(),
      enrollmentCoc: 'GA-502',
      ownerOrganizationId: org.housing,
      projectType: 13,
      version: 1,
      canEdit: true,
      priorLivingSituation: { livingSituation: 116, lengthOfStay: 4, monthsHomelessPastThreeYears: 104 },
    })
    expect(spouse.enrollmentCoc).toBeNull()
    expect(head.household.map((member) => member.clientId).sort()).toEqual(
      Object.values(family).slice(0, 3).sort(),
    )

    const assessments = await send('GET', `/api/enrollments/${head.id}/assessments`)
    expect(assessments.statusCode).toBe(200)
    const [start] = assessments.json()
    expect(start).toMatchObject({ dataCollectionStage: 1, informationDate: entryDate() })
    expect(start.incomeBenefits).toMatchObject({
      earnedAmount: 1200.5,
      ssiAmount: 943,
      totalMonthlyIncome: 2143.5,
      snap: 1,
      medicaid: 1,
      noMedicareReason: 4,
      tanf: null,
    })

    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', head.id)
      .where('action', '=', 'enrollment.create')
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ clientId: family.head, projectStart: ['incomeBenefits'] })
    expect((audit.details as { fields: string[] }).fields).toEqual(
      expect.arrayContaining([
        'entryDate',
        'relationshipToHoh',
        'enrollmentCoc',
        'disablingCondition',
        'priorLivingSituation',
      ]),
    )
  })

  it('lists what each member left missing or unknown at project start', () => {
    expect(issuesOf(head)).toEqual([
      '4.05 Physical Disability @ project start: missing',
      '4.06 Developmental Disability @ project start: missing',
      '4.07 Chronic Health Condition @ project start: missing',
      '4.08 HIV/AIDS @ project start: missing',
      '4.09 Mental Health Disorder @ project start: missing',
      '4.10 Substance Use Disorder @ project start: missing',
      '4.11 Domestic Violence @ project start: missing',
    ])
    expect(issuesOf(spouse).slice(0, 3)).toEqual([
      '3.08 Disabling Condition @ project start: not_collected',
      '3.917 Prior Living Situation @ project start: missing',
      '4.02 Income and Sources @ project start: client_doesnt_know',
    ])
    // A child owes neither income nor a prior living situation; the insurance answer is complete.
    expect(issuesOf(child).some((issue) => /^(4\.02|4\.03|3\.917|4\.04|4\.11)/.test(issue))).toBe(false)
  })

  it('refuses a second, overlapping enrollment of the same client in the project with 409 naming it', async () => {
    const response = await send('POST', '/api/enrollments', {
      projectId: project.rrh,
      entryDate: daysAgo(10),
      members: [{ clientId: family.head, relationshipToHoh: 1 }],
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toContain(head.id)
    expect(response.json().error.details).toMatchObject({
      enrollmentId: head.id,
      entryDate: entryDate(),
      exitDate: null,
    })
  })

  it('saves a correction once per version: stale and concurrent saves get 409', async () => {
    const first = await send('PATCH', `/api/enrollments/${head.id}`, { version: 1, moveInDate: daysAgo(60) })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ moveInDate: daysAgo(60), version: 2 })
    const stale = await send('PATCH', `/api/enrollments/${head.id}`, { version: 1, disablingCondition: 1 })
    expect(stale.statusCode).toBe(409)

    const concurrent = await Promise.all([
      send('PATCH', `/api/enrollments/${head.id}`, { version: 2, disablingCondition: 1 }),
      send('PATCH', `/api/enrollments/${head.id}`, { version: 2, moveInDate: daysAgo(59) }),
    ])
    expect(concurrent.map((response) => response.statusCode).sort()).toEqual([200, 409])
    const audit = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('entity_id', '=', head.id)
      .where('action', '=', 'enrollment.update')
      .execute()
    expect(audit).toHaveLength(2)
    expect(audit[0]?.details).toMatchObject({ fields: ['moveInDate'] })
  })

  it('refuses a move-in date before the start, and in a project that is not permanent housing', async () => {
    const current = (await send('GET', `/api/enrollments/${head.id}`)).json()
    const early = await send('PATCH', `/api/enrollments/${head.id}`, {
      version: current.version,
      moveInDate: daysAgo(101),
    })
    expect(early.statusCode).toBe(422)
    expect(early.json().error.message).toBe(
      `The housing move-in date ${daysAgo(101)} is before the project start date ${entryDate()}`,
    )
    const shelter = await single(project.th, await client('Theo'), daysAgo(20))
    const notPh = await send('PATCH', `/api/enrollments/${shelter.id}`, {
      version: 1,
      moveInDate: daysAgo(5),
    })
    expect(notPh.statusCode).toBe(422)
    expect(notPh.json().error.message).toBe(
      'A housing move-in date applies only to permanent housing projects',
    )
  })

  it('lets a member join later, not before the head, and leave early', async () => {
    const before = await send('POST', `/api/enrollments/${head.id}/members`, {
      clientId: family.joiner,
      relationshipToHoh: 4,
      entryDate: daysAgo(101),
    })
    expect(before.statusCode).toBe(422)
    expect(before.json().error.message).toMatch(/before the head of household/)

    const joined = await send('POST', `/api/enrollments/${head.id}/members`, {
      clientId: family.joiner,
      relationshipToHoh: 4,
      entryDate: daysAgo(30),
    })
    expect(joined.statusCode, joined.body).toBe(201)
    expect(joined.json()).toMatchObject({
      clientId: family.joiner,
      entryDate: daysAgo(30),
      enrollmentHouseholdId: head.enrollmentHouseholdId,
    })

    const left = await send('POST', `/api/enrollments/${head.id}/members/${family.joiner}/exit`, {
      exitDate: daysAgo(5),
      destination: 422,
    })
    expect(left.statusCode, left.body).toBe(200)
    expect(left.json()).toMatchObject({ exitDate: daysAgo(5), destination: 422, annualAssessment: null })

    const headAlone = await send('POST', `/api/enrollments/${head.id}/members/${family.head}/exit`, {
      exitDate: daysAgo(1),
      destination: 410,
    })
    expect(headAlone.statusCode).toBe(422)
    expect(headAlone.json().error.message).toMatch(/exit the whole household/)
  })

  it('refuses bad exits clearly: before entry, a missing member, no subsidy type for 435', async () => {
    const url = `/api/enrollment-households/${head.enrollmentHouseholdId}/exit`
    const members = [
      { clientId: family.head, destination: 410 },
      { clientId: family.spouse, destination: 410 },
      { clientId: family.child, destination: 410 },
    ]
    const beforeEntry = await send('POST', url, { exitDate: daysAgo(101), members })
    expect(beforeEntry.statusCode).toBe(422)
    expect(beforeEntry.json().error.message).toBe(
      `The project exit date ${daysAgo(101)} is before the project start date ${entryDate()}`,
    )
    const missingMember = await send('POST', url, { exitDate: today, members: members.slice(0, 2) })
    expect(missingMember.statusCode).toBe(422)
    expect(missingMember.json().error.details.stillEnrolled).toHaveLength(3)
    const noSubsidy = await send('POST', url, {
      exitDate: today,
      members: [{ ...members[0], destination: 435 }, ...members.slice(1)],
    })
    expect(noSubsidy.statusCode).toBe(400)
    const impossibleDate = await send('POST', url, { exitDate: '2023-02-30', members })
    expect(impossibleDate.statusCode).toBe(400)
    expect(impossibleDate.json().error.message).toMatch(/real calendar date/)
    const unknownField = await send('POST', url, { exitDate: today, members, reason: 'housed' })
    expect(unknownField.statusCode).toBe(400)
    const nul = await send('POST', url, {
      exitDate: today,
      members: [{ ...members[0], destination: 17, otherDestination: 'a\u0000b' }, ...members.slice(1)],
    })
    expect(nul.statusCode).toBe(400)
    expect(nul.json().error.message).toMatch(/NUL/)
  })

  it('exits the whole household with a destination per member and the exit-stage records', async () => {
    const response = await send('POST', `/api/enrollment-households/${head.enrollmentHouseholdId}/exit`, {
      exitDate: today,
      members: [
        {
          clientId: family.head,
          destination: 435,
          destinationSubsidyType: 431,
          projectExit: {
            incomeBenefits: {
              incomeFromAnySource: 1,
              earned: 1,
              earnedAmount: 1800,
              benefitsFromAnySource: 0,
              insuranceFromAnySource: 1,
              medicaid: 1,
            },
          },
        },
        { clientId: family.spouse, destination: 435, destinationSubsidyType: 431 },
        { clientId: family.child, destination: 435, destinationSubsidyType: 431 },
      ],
    })
    expect(response.statusCode, response.body).toBe(200)
    const exited: Enrollment[] = response.json()
    expect(exited).toHaveLength(4)
    const byClient = new Map(exited.map((enrollment) => [enrollment.clientId, enrollment]))
    expect(byClient.get(family.head)).toMatchObject({
      exitDate: today,
      destination: 435,
      destinationSubsidyType: 431,
    })
    expect(byClient.get(family.joiner)).toMatchObject({ exitDate: daysAgo(5), destination: 422 })
    expect(issuesOf(byClient.get(family.head) as Enrollment)).not.toContain(
      '4.02 Income and Sources @ project exit: missing',
    )
    expect(issuesOf(byClient.get(family.spouse) as Enrollment)).toContain(
      '4.02 Income and Sources @ project exit: missing',
    )

    const again = await send('POST', `/api/enrollment-households/${head.enrollmentHouseholdId}/exit`, {
      exitDate: today,
      members: [{ clientId: family.head, destination: 410 }],
    })
    expect(again.statusCode).toBe(409)
  })

  it('enrolls a member in the project again from the day the last stay ended, never inside it', async () => {
    // The joiner's stay: 30 days ago until 5 days ago.
    const inside = await send('POST', '/api/enrollments', {
      projectId: project.rrh,
      entryDate: daysAgo(6),
      members: [{ clientId: family.joiner, relationshipToHoh: 1 }],
    })
    expect(inside.statusCode).toBe(409)
    expect(inside.json().error.details).toMatchObject({ entryDate: daysAgo(30), exitDate: daysAgo(5) })

    const again = await single(project.rrh, family.joiner, daysAgo(5))
    expect(again).toMatchObject({ entryDate: daysAgo(5), exitDate: null })
    const movedBack = await send('PATCH', `/api/enrollments/${again.id}`, {
      version: again.version,
      entryDate: daysAgo(10),
    })
    expect(movedBack.statusCode).toBe(409)
    expect(movedBack.json().error.details).toMatchObject({ entryDate: daysAgo(30), exitDate: daysAgo(5) })
  })

  it('lists the client’s enrollments, open and past', async () => {
    await single(project.th, family.head, daysAgo(3))
    const response = await send('GET', `/api/clients/${family.head}/enrollments`)
    expect(response.statusCode).toBe(200)
    const list: Enrollment[] = response.json()
    expect(list.map((enrollment) => [enrollment.projectId, enrollment.exitDate])).toEqual([
      [project.th, null],
      [project.rrh, today],
    ])
  })
})

describe('project entry input', () => {
  it('refuses an impossible date, an unknown field, NUL text, two heads and a start before birth', async () => {
    const clientId = await client('Iris', daysAgo(20))
    const base = {
      projectId: project.th,
      entryDate: daysAgo(10),
      members: [{ clientId, relationshipToHoh: 1 }],
    }
    expect((await send('POST', '/api/enrollments', { ...base, entryDate: '2023-02-30' })).statusCode).toBe(
      400,
    )
    expect(
      (await send('POST', '/api/enrollments', { ...base, ownerOrganizationId: org.other })).statusCode,
    ).toBe(400)
    const nul = await send('POST', '/api/enrollments', {
      ...base,
      members: [
        {
          clientId,
          relationshipToHoh: 1,
          projectStart: {
            incomeBenefits: {
              incomeFromAnySource: 1,
              otherIncomeSource: 1,
              otherIncomeSourceIdentify: 'x\u0000',
            },
          },
        },
      ],
    })
    expect(nul.statusCode).toBe(400)
    const noSource = await send('POST', '/api/enrollments', {
      ...base,
      members: [
        { clientId, relationshipToHoh: 1, projectStart: { incomeBenefits: { incomeFromAnySource: 1 } } },
      ],
    })
    expect(noSource.statusCode).toBe(400)
    expect(noSource.json().error.message).toMatch(/mark at least one source/)
    const twoHeads = await send('POST', '/api/enrollments', {
      ...base,
      members: [...base.members, { clientId: await client('Ivo'), relationshipToHoh: 1 }],
    })
    expect(twoHeads.statusCode).toBe(422)
    expect(twoHeads.json().error.message).toMatch(/exactly one head of household/)
    const unborn = await send('POST', '/api/enrollments', { ...base, entryDate: daysAgo(21) })
    expect(unborn.statusCode).toBe(422)
    expect(unborn.json().error.message).toBe(
      `The project start date ${daysAgo(21)} is before the client's date of birth`,
    )
    expect(
      (await t.db.selectFrom('enrollment').select('id').where('client_id', '=', clientId).execute()).length,
    ).toBe(0)
  })
})

describe('current living situation (4.12) in street outreach', () => {
  it('is required once per enrollment and recorded per contact within the stay', async () => {
    const enrollment = await single(project.so, await client('Sam'), daysAgo(15))
    expect(issuesOf(enrollment)).toContain('4.12 Current Living Situation @ project start: missing')
    const outside = await send('POST', `/api/enrollments/${enrollment.id}/current-living-situations`, {
      informationDate: daysAgo(16),
      currentLivingSituation: 116,
    })
    expect(outside.statusCode).toBe(422)
    const contact = await send('POST', `/api/enrollments/${enrollment.id}/current-living-situations`, {
      informationDate: daysAgo(2),
      currentLivingSituation: 116,
      locationDetails: 'Under the 5th St bridge',
    })
    expect(contact.statusCode, contact.body).toBe(201)
    expect(contact.json()).toMatchObject([
      { currentLivingSituation: 116, locationDetails: 'Under the 5th St bridge' },
    ])
    const reloaded: Enrollment = (await send('GET', `/api/enrollments/${enrollment.id}`)).json()
    expect(issuesOf(reloaded)).not.toContain('4.12 Current Living Situation @ project start: missing')
  })
})

describe('visibility to another agency', () => {
  it('answers 404 with a denied audit row without a project-data release, and read-only with one', async () => {
    const clientId = await client('Vera')
    const enrollment = await single(project.th, clientId, daysAgo(40))
    const denied = await send('GET', `/api/enrollments/${enrollment.id}`, undefined, cookies.other)
    expect(denied.statusCode).toBe(404)
    expect(denied.body).not.toContain(clientId)
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', enrollment.id)
      .where('outcome', '=', 'denied')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'enrollment.read', organization_id: org.other })
    expect(
      (await send('GET', `/api/enrollments/${enrollment.id}/assessments`, undefined, cookies.other))
        .statusCode,
    ).toBe(404)
    expect(
      (await send('GET', `/api/clients/${clientId}/enrollments`, undefined, cookies.other)).statusCode,
    ).toBe(404)

    await insertTestRelease(t.db, {
      clientId,
      cocId,
      recordedByOrganizationId: org.housing,
      userId: housingWorkerId,
      organizationIds: [org.other],
    })
    const shared = await send('GET', `/api/enrollments/${enrollment.id}`, undefined, cookies.other)
    expect(shared.statusCode).toBe(200)
    expect(shared.json()).toMatchObject({ id: enrollment.id, canEdit: false })
    const change = await send(
      'PATCH',
      `/api/enrollments/${enrollment.id}`,
      { version: 1, disablingCondition: 1 },
      cookies.other,
    )
    expect(change.statusCode).toBe(403)
    const readAudit = await t.db
      .selectFrom('audit_event')
      .select('outcome')
      .where('entity_id', '=', enrollment.id)
      .where('action', '=', 'enrollment.read')
      .execute()
    expect(readAudit.map((row) => row.outcome)).toEqual(['denied', 'success'])
  })

  it('lets only the operating agency (or CE / CoC admins) enroll in a project', async () => {
    const clientId = await client('Wes')
    await insertTestRelease(t.db, {
      clientId,
      cocId,
      recordedByOrganizationId: org.housing,
      userId: housingWorkerId,
    })
    const payload = {
      projectId: project.th,
      entryDate: daysAgo(3),
      members: [{ clientId, relationshipToHoh: 1 }],
    }
    expect((await send('POST', '/api/enrollments', payload, cookies.other)).statusCode).toBe(403)
    expect((await send('POST', '/api/enrollments', payload, cookies.cocAdmin)).statusCode).toBe(201)
  })
})

describe('project data-quality report', () => {
  it('gives per element the counts and shares complete / don’t know / prefers not / not collected / missing', async () => {
    const { id: projectId } = await t.db
      .insertInto('project')
      .values({
        organization_id: org.housing,
        coc_id: cocId,
        name: 'Report TH',
        project_type: 2,
        operating_start_date: '2020-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await enroll({
      projectId,
      entryDate: daysAgo(30),
      members: [
        {
          clientId: await client('Ada'),
          relationshipToHoh: 1,
          projectStart: { incomeBenefits: { incomeFromAnySource: 0 } },
        },
        {
          clientId: await client('Ben'),
          relationshipToHoh: 3,
          projectStart: { incomeBenefits: { incomeFromAnySource: 9 } },
        },
        { clientId: await client('Cy', daysAgo(400)), relationshipToHoh: 2 },
      ],
    })
    await single(projectId, await client('Dee'), daysAgo(20))

    expect((await send('GET', `/api/projects/${projectId}/data-quality`)).statusCode).toBe(403)
    expect(
      (await send('GET', `/api/projects/${projectId}/data-quality`, undefined, cookies.otherAdmin))
        .statusCode,
    ).toBe(403)
    const response = await send(
      'GET',
      `/api/projects/${projectId}/data-quality`,
      undefined,
      cookies.housingAdmin,
    )
    expect(response.statusCode, response.body).toBe(200)
    const report = response.json()
    expect(report.enrollments).toBe(4)
    const income = report.elements.find(
      (row: { element: string; stage: string }) =>
        row.element === '4.02 Income and Sources' && row.stage === 'project start',
    )
    expect(income).toEqual({
      element: '4.02 Income and Sources',
      stage: 'project start',
      applicable: 3,
      complete: 1,
      clientDoesntKnow: 0,
      clientPrefersNotToAnswer: 1,
      notCollected: 0,
      missing: 1,
      percent: {
        complete: 33.3,
        clientDoesntKnow: 0,
        clientPrefersNotToAnswer: 33.3,
        notCollected: 0,
        missing: 33.3,
      },
    })
    const disabling = report.elements.find(
      (row: { element: string }) => row.element === '3.08 Disabling Condition',
    )
    expect(disabling).toMatchObject({ applicable: 4, notCollected: 4, percent: { notCollected: 100 } })
    expect(report.elements.some((row: { stage: string }) => row.stage === 'project exit')).toBe(false)
    expect(
      (await send('GET', `/api/projects/${projectId}/data-quality`, undefined, cookies.cocAdmin)).statusCode,
    ).toBe(200)
  })
})

describe('API document', () => {
  it('describes the enrollment routes and their HUD-named schemas', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/enrollments',
        '/api/enrollment-households/{id}/exit',
        '/api/projects/{id}/data-quality',
      ]),
    )
    expect(Object.keys(document.components.schemas.IncomeBenefitsAnswers.properties)).toEqual(
      expect.arrayContaining(['incomeFromAnySource', 'ssiAmount', 'noSchipReason', 'otherInsuranceIdentify']),
    )
  })
})

describe('annual assessment window (clock injected)', () => {
  it('accepts an annual assessment within 30 days of the anniversary, refuses one outside, and turns overdue', async () => {
    // The anniversary is ten days from now: the window opened twenty days ago.
    const entryDate = addDays(addYears(today, -1), 10)
    const recorded = await single(project.th, await client('Hal'), entryDate)
    const waiting = await single(project.rrh, await client('Ivy'), entryDate)
    expect(recorded.annualAssessment).toMatchObject({
      status: 'open',
      anniversary: addDays(today, 10),
      windowStart: daysAgo(20),
    })

    const annual = (informationDate: string) =>
      send('POST', `/api/enrollments/${recorded.id}/assessments`, {
        dataCollectionStage: 5,
        informationDate,
        incomeBenefits: { incomeFromAnySource: 0, benefitsFromAnySource: 0, insuranceFromAnySource: 0 },
      })
    const outside = await annual(daysAgo(21))
    expect(outside.statusCode).toBe(422)
    expect(outside.json().error.message).toMatch(/within 30 days of an anniversary/)
    const inside = await annual(daysAgo(20))
    expect(inside.statusCode, inside.body).toBe(201)
    expect(inside.json()[0]).toMatchObject({ dataCollectionStage: 5, informationDate: daysAgo(20) })
    expect((await send('GET', `/api/enrollments/${recorded.id}`)).json().annualAssessment.status).toBe(
      'completed',
    )
    const twiceStart = await send('POST', `/api/enrollments/${recorded.id}/assessments`, {
      dataCollectionStage: 1,
      informationDate: entryDate,
      healthAndDv: { domesticViolenceSurvivor: 0 },
    })
    expect(twiceStart.statusCode).toBe(201)
    const again = await send('POST', `/api/enrollments/${recorded.id}/assessments`, {
      dataCollectionStage: 1,
      informationDate: entryDate,
      healthAndDv: { domesticViolenceSurvivor: 1 },
    })
    expect(again.statusCode).toBe(409)

    t.clock.advance(45 * 86_400_000)
    // Sessions expire meanwhile: sign in again on the later day.
    cookies.housing = await sessionFor(t, housingWorkerId, org.housing)
    expect((await send('GET', `/api/enrollments/${waiting.id}`)).json().annualAssessment.status).toBe(
      'overdue',
    )
    expect((await send('GET', `/api/enrollments/${recorded.id}`)).json().annualAssessment.status).toBe(
      'completed',
    )
  })
})

describe('barred clients', () => {
  it('refuses to enroll or add a client barred from the project on the start date, naming the bar', async () => {
    const [head, barred, other] = [await client('Noor'), await client('Omar'), await client('Pia')]
    const bar = async (clientId: string, projectId: string) =>
      (
        await t.db
          .insertInto('client_bar')
          .values({
            client_id: clientId,
            coc_id: cocId,
            project_id: projectId,
            begin_date: daysAgo(10),
            end_date: addDays(today, 30),
            enforcing_organization_ids: [org.housing],
            reason: 'Threatened staff',
            notes: '',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const rrhBar = await bar(barred, project.rrh)
    const thBar = await bar(other, project.th)
    const members = [
      { clientId: head, relationshipToHoh: 1 },
      { clientId: barred, relationshipToHoh: 3 },
    ]

    const refused = await send('POST', '/api/enrollments', {
      projectId: project.rrh,
      entryDate: today,
      members,
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({
      message: `This client is barred from Rapid Rehousing (since ${daysAgo(10)}, until ${addDays(today, 30)}). Reason: Threatened staff`,
      details: { barId: rrhBar, clientId: barred },
    })
    // Nothing of the household was written.
    expect((await send('GET', `/api/clients/${head}/enrollments`)).json()).toEqual([])

    // A bar elsewhere does not count here; joining a household in the barred project is refused too.
    const [family] = await enroll({
      projectId: project.rrh,
      entryDate: daysAgo(2),
      members: [{ clientId: other, relationshipToHoh: 1 }],
    })
    const joining = await send('POST', `/api/enrollments/${family?.id}/members`, {
      clientId: barred,
      relationshipToHoh: 3,
      entryDate: daysAgo(1),
    })
    expect(joining.statusCode).toBe(422)
    expect(joining.json().error).toMatchObject({ details: { barId: rrhBar, clientId: barred } })

    // The bar counts on the day the stay begins: a stay that began before it is history, not a breach.
    await enroll({ projectId: project.rrh, entryDate: daysAgo(11), members })

    // A bar ended early no longer applies.
    const inTh = {
      projectId: project.th,
      entryDate: today,
      members: [{ clientId: other, relationshipToHoh: 1 }],
    }
    expect((await send('POST', '/api/enrollments', inTh)).json().error.details).toEqual({
      barId: thBar,
      clientId: other,
    })
    await t.db.updateTable('client_bar').set({ ended_at: t.clock.now() }).where('id', '=', thBar).execute()
    await enroll(inTh)
  })
})
