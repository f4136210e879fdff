import { randomBytes } from 'node:crypto'
import { addDays, type CeWorkflow, type CeWorkflowStep } from '@threshold/core'
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
import { completeAnswers, insertTestCeProject, publishTestTool } from './ce-workflow.fixtures'

let t: TestApp
let today: string
let start: string
let cocId: string
const org = { north: '', south: '', shelter: '', lead: '' }
const project = { north: '', south: '' }
const users: Record<'north' | 'south' | 'ceManager' | 'provider', { id: string; cookie: string }> = {
  north: { id: '', cookie: '' },
  south: { id: '', cookie: '' },
  ceManager: { id: '', cookie: '' },
  provider: { id: '', cookie: '' },
}

beforeAll(async () => {
  t = await createTestApp()
  today = todayFrom(t.clock)
  start = addDays(today, -10)
  cocId = (await createCoc(t.db)).id
  org.north = (await createOrganization(t.db, cocId, 'North Access')).id
  org.south = (await createOrganization(t.db, cocId, 'South Access')).id
  org.shelter = (await createOrganization(t.db, cocId, 'Lantern Shelter')).id
  org.lead = (await createOrganization(t.db, cocId, 'HMIS Lead')).id
  project.north = await insertTestCeProject(t.db, { id: org.north, cocId }, 'North CE')
  project.south = await insertTestCeProject(t.db, { id: org.south, cocId }, 'South CE')
  await publishTestTool(t.db, cocId)
  const user = async (
    key: keyof typeof users,
    organizationId: string,
    role: 'case_manager' | 'ce_manager' | 'housing_provider',
  ) => {
    const created = await createUser(t.db, `ce.${key}`, [{ organizationId, role }])
    users[key] = { id: created.id, cookie: await sessionFor(t, created.id, organizationId) }
  }
  await user('north', org.north, 'case_manager')
  await user('south', org.south, 'case_manager')
  await user('ceManager', org.lead, 'ce_manager')
  await user('provider', org.shelter, 'housing_provider')
})
afterAll(() => t.close())

const client = (firstName: string, dob = '1980-04-02') =>
  insertTestClient(t.db, { cocId, ownerOrganizationId: org.north, firstName, dob })

const enroll = (
  cookie: string,
  projectId: string,
  members: { clientId: string; relationshipToHoh: number }[],
) =>
  t.request({
    method: 'POST',
    url: '/api/ce-workflows',
    cookie,
    payload: { projectId, entryDate: start, enrollmentCoc: 'GA-502', members },
  })

const get = async (id: string, cookie = users.north.cookie): Promise<CeWorkflow> => {
  const response = await t.request({ method: 'GET', url: `/api/ce-workflows/${id}`, cookie })
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}

const stepOf = (workflow: CeWorkflow, step: CeWorkflowStep) =>
  workflow.steps.find((entry) => entry.step === step)!

const save = (
  id: string,
  step: CeWorkflowStep,
  version: number,
  data: object,
  complete = false,
  cookie = users.north.cookie,
) =>
  t.request({
    method: 'PUT',
    url: `/api/ce-workflows/${id}/steps/${step}${complete ? '/complete' : ''}`,
    cookie,
    payload: { version, data },
  })

/** Completes a step from its current version and answers the new workflow. */
async function complete(id: string, step: CeWorkflowStep, data: object, cookie = users.north.cookie) {
  const version = stepOf(await get(id, cookie), step).version
  const response = await save(id, step, version, data, true, cookie)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as CeWorkflow
}

describe('CE enrollment', () => {
  it('enrolls a household with a case manager and refuses a second open CE enrollment in the CoC, naming it', async () => {
    const head = await client('Rosa')
    const child = await client('Tomas', '2016-07-01')
    const created = await enroll(users.north.cookie, project.north, [
      { clientId: head, relationshipToHoh: 1 },
      { clientId: child, relationshipToHoh: 2 },
    ])
    expect(created.statusCode, created.body).toBe(201)
    const workflow: CeWorkflow = created.json()
    expect(workflow).toMatchObject({
      projectName: 'North CE',
      entryDate: start,
      caseManagerUserId: users.north.id,
      status: 'in_progress',
    })
    expect(workflow.members.map((member) => [member.label, member.isHead, member.isAdult])).toEqual([
      ['Rosa Fixture', true, true],
      ['Tomas Fixture', false, false],
    ])
    expect(workflow.steps.map((step) => step.status)).toEqual(Array(8).fill('not_started'))
    expect(stepOf(workflow, 'ce_assessment').data).toMatchObject({ variant: 'family' })
    expect(stepOf(workflow, 'universal_data').missing).toContainEqual({
      element: '3.08 Disabling Condition',
      memberEnrollmentId: workflow.members[1]!.enrollmentId,
    })

    // Someone who may not see the client learns nothing about their CE enrollment: 404, not 409.
    const outsider = await enroll(users.south.cookie, project.south, [
      { clientId: head, relationshipToHoh: 1 },
    ])
    expect(outsider.statusCode).toBe(404)
    expect(outsider.body).not.toContain(workflow.headEnrollmentId)
    const again = await enroll(users.ceManager.cookie, project.south, [
      { clientId: head, relationshipToHoh: 1 },
    ])
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toContain(
      `North CE since ${start} (enrollment ${workflow.headEnrollmentId})`,
    )
    expect(again.json().error.details).toEqual({
      enrollmentId: workflow.headEnrollmentId,
      projectName: 'North CE',
      entryDate: start,
    })
  })

  it('lets only one of two racing CE enrollments of the same household through', async () => {
    const head = await client('Racer')
    const [first, second] = await Promise.all([
      enroll(users.north.cookie, project.north, [{ clientId: head, relationshipToHoh: 1 }]),
      enroll(users.ceManager.cookie, project.south, [{ clientId: head, relationshipToHoh: 1 }]),
    ])
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409])
    const open = await t.db
      .selectFrom('ce_workflow')
      .select('id')
      .where('head_client_id', '=', head)
      .execute()
    expect(open).toHaveLength(1)
  })
})

describe('the guided workflow', () => {
  it('keeps drafts versioned: of two racing saves or completions one wins, the other gets 409 with the newer version', async () => {
    const head = await client('Draft')
    const workflow: CeWorkflow = (
      await enroll(users.north.cookie, project.north, [{ clientId: head, relationshipToHoh: 1 }])
    ).json()
    const member = workflow.members[0]!.enrollmentId
    // The CE manager works for another agency: the client's release reaches it.
    await insertTestRelease(t.db, {
      clientId: head,
      cocId,
      recordedByOrganizationId: org.north,
      userId: users.north.id,
      organizationIds: [org.lead],
    })
    const first = await save(workflow.id, 'universal_data', 1, {
      members: { [member]: { disablingCondition: 0 } },
    })
    expect(first.statusCode, first.body).toBe(200)
    expect(stepOf(first.json(), 'universal_data')).toMatchObject({ status: 'draft', version: 2 })

    const racing = await Promise.all([
      save(workflow.id, 'universal_data', 2, { members: { [member]: { disablingCondition: 1 } } }),
      save(
        workflow.id,
        'universal_data',
        2,
        { members: { [member]: { disablingCondition: 0 } } },
        false,
        users.ceManager.cookie,
      ),
    ])
    expect(racing.map((response) => response.statusCode).sort()).toEqual([200, 409])
    const loser = racing.find((response) => response.statusCode === 409)!
    expect(loser.json().error.details).toMatchObject({ version: 3 })

    const completing = await Promise.all([
      save(
        workflow.id,
        'enrollment',
        1,
        { enrollmentCoc: 'GA-502', caseManagerUserId: users.north.id },
        true,
      ),
      save(
        workflow.id,
        'enrollment',
        1,
        { enrollmentCoc: 'GA-502', caseManagerUserId: users.south.id },
        true,
        users.ceManager.cookie,
      ),
    ])
    expect(completing.map((response) => response.statusCode).sort()).toEqual([200, 409])
    expect(completing.find((response) => response.statusCode === 409)!.json().error.details).toMatchObject({
      version: 2,
    })
  })

  it('is completed over two sittings by two CE users, writing HUD records and placing the household on the queue', async () => {
    const head = await client('Sitting')
    let workflow: CeWorkflow = (
      await enroll(users.north.cookie, project.north, [{ clientId: head, relationshipToHoh: 1 }])
    ).json()
    const member = workflow.members[0]!.enrollmentId
    workflow = await complete(workflow.id, 'enrollment', {
      enrollmentCoc: 'GA-502',
      caseManagerUserId: users.north.id,
    })

    // Missing elements are listed and completing without them is a 422 naming them.
    const incomplete = await save(
      workflow.id,
      'universal_data',
      1,
      { members: { [member]: { disablingCondition: 1 } } },
      true,
    )
    expect(incomplete.statusCode).toBe(422)
    expect(incomplete.json().error.details).toContainEqual({
      element: '3.917.1 Type of residence',
      memberEnrollmentId: member,
    })
    workflow = await complete(workflow.id, 'universal_data', {
      members: {
        [member]: {
          disablingCondition: 1,
          priorLivingSituation: {
            livingSituation: 116,
            lengthOfStay: 5,
            dateToStreetEssh: '2024-01-15',
            timesHomelessPastThreeYears: 4,
            monthsHomelessPastThreeYears: 112,
          },
        },
      },
    })
    const paused = await t.request({
      method: 'POST',
      url: `/api/ce-workflows/${workflow.id}/pause`,
      cookie: users.north.cookie,
    })
    expect(paused.json()).toMatchObject({ status: 'paused' })

    // Another agency's CE worker resumes it once the client's project data is released to their agency.
    const hidden = await t.request({
      method: 'GET',
      url: `/api/ce-workflows/${workflow.id}`,
      cookie: users.south.cookie,
    })
    expect(hidden.statusCode).toBe(404)
    await insertTestRelease(t.db, {
      clientId: head,
      cocId,
      recordedByOrganizationId: org.north,
      userId: users.north.id,
      organizationIds: [org.south],
    })
    const south = users.south.cookie
    expect((await get(workflow.id, south)).canWork).toBe(true)
    const resumed = await t.request({
      method: 'POST',
      url: `/api/ce-workflows/${workflow.id}/resume`,
      cookie: south,
    })
    expect(resumed.json()).toMatchObject({ status: 'in_progress', pausedAt: null })
    const allNo = Object.fromEntries(
      ['5', '6', '7', '8', '9', '10'].map((type) => [type, { disabilityResponse: 0 }]),
    )
    await complete(
      workflow.id,
      'disabilities',
      { members: { [member]: { ...allNo, '9': { disabilityResponse: 1, indefiniteAndImpairs: 1 } } } },
      south,
    )
    await complete(
      workflow.id,
      'domestic_violence',
      { members: { [member]: { domesticViolenceSurvivor: 0 } } },
      south,
    )
    await complete(
      workflow.id,
      'current_living_situation',
      { informationDate: today, currentLivingSituation: 116 },
      south,
    )

    const assessment = stepOf(await get(workflow.id, south), 'ce_assessment')
    const answers = completeAnswers('single_adult')
    const data = {
      ...assessment.data,
      assessmentDate: today,
      assessmentType: 3,
      assessmentLevel: 2,
      prioritizationStatus: 1,
      answers,
    }
    const drafted = await save(workflow.id, 'ce_assessment', assessment.version, data, false, south)
    expect(drafted.json().runningScore).toMatchObject({ complete: true, variant: 'single_adult' })
    workflow = await complete(workflow.id, 'ce_assessment', data, south)
    expect(workflow.assessments.assessments).toHaveLength(1)
    expect(workflow.assessments.assessments[0]).toMatchObject({
      score: workflow.runningScore!.total,
      toolVersion: 1,
      assessmentLocationProjectName: 'North CE',
    })
    expect(workflow.assessments.annualWindow).toMatchObject({ status: 'not_yet_due' })
    // A reassessment keeps the first one.
    workflow = await complete(workflow.id, 'ce_assessment', { ...data, prioritizationStatus: 1 }, south)
    expect(workflow.assessments.assessments).toHaveLength(2)

    workflow = await complete(workflow.id, 'outcome', { outcome: 'placed_on_queue', outcomeDate: today })
    expect(workflow).toMatchObject({ outcome: 'placed_on_queue', outcomeDate: today })

    const enrollment = await t.db
      .selectFrom('enrollment')
      .selectAll()
      .where('id', '=', member)
      .executeTakeFirstOrThrow()
    expect(enrollment).toMatchObject({
      disabling_condition: 1,
      living_situation: 116,
      months_homeless_past_three_years: 112,
    })
    const disabilities = await t.db
      .selectFrom('disabilities')
      .selectAll()
      .where('enrollment_id', '=', member)
      .execute()
    expect(disabilities).toHaveLength(6)
    const queued = await t.db
      .selectFrom('queue_entry')
      .select('status')
      .where('enrollment_household_id', '=', workflow.enrollmentHouseholdId)
      .executeTakeFirst()
    expect(queued).toBeDefined()

    // Documents: a real PNG is kept; a renamed text file is refused.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const uploaded = await upload(workflow.id, 'id.png', 'image/png', png)
    expect(uploaded.statusCode, uploaded.body).toBe(200)
    expect(uploaded.json().documents).toMatchObject([
      { documentType: 'identification', fileName: 'id.png', sizeBytes: 11 },
    ])
    expect((await upload(workflow.id, 'id.png', 'image/png', Buffer.from('not an image'))).statusCode).toBe(
      415,
    )

    // A housing provider without a release cannot open the assessment; exiting CE takes the household off the queue.
    const assessmentId = workflow.assessments.assessments[0]!.id
    const denied = await t.request({
      method: 'GET',
      url: `/api/ce-assessments/${assessmentId}`,
      cookie: users.provider.cookie,
    })
    expect(denied.statusCode).toBe(404)
    const exit = await t.request({
      method: 'POST',
      url: `/api/enrollment-households/${workflow.enrollmentHouseholdId}/exit`,
      cookie: users.north.cookie,
      payload: { exitDate: today, members: [{ clientId: head, destination: 116 }] },
    })
    expect(exit.statusCode, exit.body).toBe(200)
    expect((await get(workflow.id)).status).toBe('exited')
    const left = await t.db
      .selectFrom('queue_entry')
      .select('status')
      .where('enrollment_household_id', '=', workflow.enrollmentHouseholdId)
      .executeTakeFirstOrThrow()
    expect(left.status).toBe('exited')
    expect((await save(workflow.id, 'documents', 1, {}, false)).statusCode).toBe(409)
  })
})

function upload(id: string, fileName: string, contentType: string, content: Buffer) {
  const boundary = `----ce${randomBytes(8).toString('hex')}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`
  return t.request({
    method: 'POST',
    url: `/api/ce-workflows/${id}/documents?documentType=identification`,
    cookie: users.north.cookie,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
}
