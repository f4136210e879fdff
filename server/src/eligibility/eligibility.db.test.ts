import {
  addDays,
  addYears,
  amiAmountsFromFourPerson,
  type EligibilityRuleSet,
  type EligiblePrograms,
  type ProjectEligibility,
} from '@threshold/core'
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
import {
  eligibleProjectTypesForHouseholds,
  evaluateProjectsForHouseholds,
  loadEligibilityFacts,
} from './index'

let t: TestApp
let today: string
let cocId: string
const org = { a: '', b: '' }
const project = { ce: '', rrh: '', youth: '' }
const cookie = { cocAdmin: '', adminA: '', adminB: '', caseManagerA: '' }

beforeAll(async () => {
  t = await createTestApp()
  today = todayFrom(t.clock)
  cocId = (await createCoc(t.db)).id
  org.a = (await createOrganization(t.db, cocId, 'Homeward Housing')).id
  org.b = (await createOrganization(t.db, cocId, 'Eastside Services')).id
  const signIn = async (
    name: string,
    organizationId: string,
    role: 'coc_admin' | 'agency_admin' | 'case_manager',
  ) => {
    const user = await createUser(t.db, name, [{ organizationId, role }])
    return sessionFor(t, user.id, organizationId)
  }
  cookie.cocAdmin = await signIn('coc.admin', org.b, 'coc_admin')
  cookie.adminA = await signIn('a.admin', org.a, 'agency_admin')
  cookie.adminB = await signIn('b.admin', org.b, 'agency_admin')
  cookie.caseManagerA = await signIn('a.cm', org.a, 'case_manager')
  const newProject = async (name: string, projectType: number) =>
    (
      await t.db
        .insertInto('project')
        .values({
          organization_id: org.a,
          coc_id: cocId,
          name,
          project_type: projectType,
          operating_start_date: '2020-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  project.ce = await newProject('North CE', 14)
  project.rrh = await newProject('Homeward RRH', 13)
  project.youth = await newProject('Youth TH', 2)
})

afterAll(() => t.close())

interface HouseholdSpec {
  age: number | null
  monthlyIncome?: number
  score?: number
  fleeing?: boolean
  queued?: 'pending_review' | 'housed'
}

/** A client heading a CE enrollment household, with the records the facts read; optionally on the queue. */
async function household(spec: HouseholdSpec): Promise<{ clientId: string; householdId: string }> {
  const clientId = await insertTestClient(t.db, {
    cocId,
    ownerOrganizationId: org.a,
    firstName: 'Eligible',
    dob: spec.age === null ? null : addDays(addYears(today, -spec.age), -10),
  })
  const { id: householdId } = await t.db
    .insertInto('enrollment_household')
    .values({ project_id: project.ce, coc_id: cocId, owner_organization_id: org.a })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { id: enrollmentId } = await t.db
    .insertInto('enrollment')
    .values({
      enrollment_household_id: householdId,
      client_id: clientId,
      project_id: project.ce,
      relationship_to_hoh: 1,
      entry_date: addDays(today, -30),
      disabling_condition: 0,
      owner_organization_id: org.a,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (spec.monthlyIncome !== undefined)
    await t.db
      .insertInto('income_benefits')
      .values({
        enrollment_id: enrollmentId,
        information_date: addDays(today, -30),
        data_collection_stage: 1,
        income_from_any_source: spec.monthlyIncome > 0 ? 1 : 0,
        total_monthly_income: spec.monthlyIncome,
      })
      .execute()
  if (spec.fleeing !== undefined)
    await t.db
      .insertInto('health_and_dv')
      .values({
        enrollment_id: enrollmentId,
        information_date: addDays(today, -30),
        data_collection_stage: 1,
        domestic_violence_survivor: 1,
        currently_fleeing: spec.fleeing ? 1 : 0,
      })
      .execute()
  if (spec.score !== undefined)
    await t.db
      .insertInto('ce_assessment')
      .values({
        enrollment_id: enrollmentId,
        assessment_date: addDays(today, -20),
        assessment_location_project_id: project.ce,
        assessment_type: 3,
        assessment_level: 2,
        prioritization_status: 1,
        score: spec.score,
        owner_organization_id: org.a,
      })
      .execute()
  if (spec.queued)
    await t.db
      .insertInto('queue_entry')
      .values({
        coc_id: cocId,
        ce_project_id: project.ce,
        enrollment_household_id: householdId,
        owner_organization_id: org.a,
        status: spec.queued,
        status_changed_at: new Date(),
        placed_at: new Date(),
        ce_start_date: addDays(today, -30),
        facts_as_of: today,
      })
      .execute()
  return { clientId, householdId }
}

const youthRules: EligibilityRuleSet = { rules: [{ kind: 'age', subject: 'head', min: 18, max: 24 }] }
const rrhRules: EligibilityRuleSet = {
  rules: [
    { kind: 'ce_score', min: 8, max: null },
    {
      kind: 'any_of',
      description: 'Low income or fleeing violence',
      conditions: [
        { kind: 'income_ami', maxPercent: 30 },
        { kind: 'flag', flag: 'fleeing_dv', is: true },
      ],
    },
  ],
}

const save = (
  projectId: string,
  ruleSet: EligibilityRuleSet,
  expectedVersion: number,
  as = cookie.cocAdmin,
) =>
  t.request({
    method: 'PUT',
    url: `/api/projects/${projectId}/eligibility`,
    cookie: as,
    payload: { ruleSet, expectedVersion, note: 'test' },
  })

describe('eligibility rules', () => {
  it('saves versions for CoC admins and the project’s agency admin, with history, audit and 409 on a stale edit', async () => {
    const first = await save(project.youth, youthRules, 0)
    expect(first.statusCode, first.body).toBe(200)
    expect((first.json() as ProjectEligibility).descriptions).toEqual(['Head of household is 18–24'])

    expect((await save(project.youth, youthRules, 1, cookie.adminB)).statusCode).toBe(403)
    const second = await save(
      project.youth,
      { rules: [{ ...youthRules.rules[0], max: 25 } as never] },
      1,
      cookie.adminA,
    )
    expect(second.statusCode, second.body).toBe(200)
    const saved = second.json() as ProjectEligibility
    expect(saved.version).toBe(2)
    expect(saved.history.map((version) => [version.version, version.createdByName])).toEqual([
      [2, 'a.admin'],
      [1, 'coc.admin'],
    ])

    const stale = await save(project.youth, youthRules, 1)
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.message).toMatch(/now version 2/)

    // Two admins saving from the same version at once: exactly one wins.
    const racing = await Promise.all([
      save(project.youth, youthRules, 2),
      save(project.youth, youthRules, 2, cookie.adminA),
    ])
    expect(racing.map((response) => response.statusCode).sort()).toEqual([200, 409])
    const versions = await t.db.selectFrom('eligibility_rule_set_version').select('version').execute()
    expect(versions.map((row) => row.version).sort()).toEqual([1, 2, 3])
    const audits = await t.db
      .selectFrom('audit_event')
      .select(['outcome'])
      .where('action', '=', 'eligibility_rules.update')
      .where('entity_id', '=', project.youth)
      .execute()
    expect(audits.filter((row) => row.outcome === 'success')).toHaveLength(3)
    expect(audits.filter((row) => row.outcome === 'denied')).toHaveLength(1)

    const badCeProject = await save(
      project.rrh,
      { rules: [{ kind: 'ce_project', projectIds: [project.rrh] }] },
      0,
    )
    expect(badCeProject.statusCode).toBe(400)
  })

  it('sets the CoC’s AMI (admins only) and previews edited rules over the queued households', async () => {
    const ami = { year: 2026, amounts: amiAmountsFromFourPerson(80_000) }
    const refused = await t.request({
      method: 'PUT',
      url: '/api/eligibility/area-median-income',
      cookie: cookie.adminA,
      payload: ami,
    })
    expect(refused.statusCode).toBe(403)
    const set = await t.request({
      method: 'PUT',
      url: '/api/eligibility/area-median-income',
      cookie: cookie.cocAdmin,
      payload: ami,
    })
    expect(set.statusCode, set.body).toBe(200)
    const read = await t.request({
      method: 'GET',
      url: '/api/eligibility/area-median-income',
      cookie: cookie.caseManagerA,
    })
    expect(read.json()).toMatchObject({ areaMedianIncome: ami, canEdit: false })

    await household({ age: 30, score: 12, monthlyIncome: 500, queued: 'pending_review' }) // passes both
    await household({ age: 30, score: 12, monthlyIncome: 3000, fleeing: true, queued: 'pending_review' }) // passes via DV
    await household({ age: 30, score: 4, monthlyIncome: 500, queued: 'pending_review' }) // score too low
    await household({ age: 30, score: 12, queued: 'pending_review' }) // income unknown
    await household({ age: 30, score: 12, monthlyIncome: 500, queued: 'housed' }) // left the queue

    const preview = (ruleSet: EligibilityRuleSet, as = cookie.cocAdmin) =>
      t.request({
        method: 'POST',
        url: `/api/projects/${project.rrh}/eligibility/preview`,
        cookie: as,
        payload: { ruleSet },
      })
    const before = await preview(rrhRules)
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json()).toMatchObject({
      queuedHouseholds: 4,
      eligibleNow: 4, // no saved rules yet: everyone
      eligibleWithChange: 2,
      unknownWithChange: 1,
      difference: -2,
      summary: '2 queued households eligible; 2 fewer than before',
    })
    expect((await save(project.rrh, rrhRules, 0)).statusCode).toBe(200)
    const looser = await preview({ rules: [{ kind: 'ce_score', min: 8, max: null }] })
    expect(looser.json()).toMatchObject({
      eligibleNow: 2,
      eligibleWithChange: 3,
      summary: '3 queued households eligible; 1 more than before',
    })
    expect((await preview(rrhRules, cookie.caseManagerA)).statusCode).toBe(403)
  })

  it('re-evaluates the queue’s eligible program types when the AMI changes', async () => {
    // 1,600 a month is 19,200 a year: above 30% of a one-person AMI from 80,000 (16,800), below it from 100,000.
    const { householdId } = await household({
      age: 30,
      score: 12,
      monthlyIncome: 1600,
      fleeing: false,
      queued: 'pending_review',
    })
    const eligibleTypes = async () =>
      (
        await t.db
          .selectFrom('queue_entry')
          .select('eligible_program_types')
          .where('enrollment_household_id', '=', householdId)
          .executeTakeFirstOrThrow()
      ).eligible_program_types
    const setAmi = (fourPerson: number) =>
      t.request({
        method: 'PUT',
        url: '/api/eligibility/area-median-income',
        cookie: cookie.cocAdmin,
        payload: { year: 2026, amounts: amiAmountsFromFourPerson(fourPerson) },
      })
    expect((await setAmi(80_000)).statusCode).toBe(200)
    expect(await eligibleTypes()).not.toContain('rrh')
    expect((await setAmi(100_000)).statusCode).toBe(200)
    expect(await eligibleTypes()).toContain('rrh')
  })

  it('lists a client’s eligible programs with each rule’s reason', async () => {
    const { clientId } = await household({ age: 27, score: 9, monthlyIncome: 2000 })
    const response = await t.request({
      method: 'GET',
      url: `/api/clients/${clientId}/eligible-programs`,
      cookie: cookie.caseManagerA,
    })
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json() as EligiblePrograms
    expect(body.basis).toMatch(/^North CE, enrolled /)
    const byName = Object.fromEntries(body.programs.map((program) => [program.projectName, program]))
    expect(byName['Youth TH']).toMatchObject({
      outcome: 'fail',
      rules: [{ outcome: 'fail', why: 'HoH is 27: rule needs 18–24' }],
    })
    expect(byName['Homeward RRH']?.outcome).toBe('unknown')
    expect(byName['Homeward RRH']?.rules).toEqual([
      { description: 'CE assessment score 8 or more', outcome: 'pass', why: 'CE score is 9', missing: [] },
      {
        description: 'Low income or fleeing violence',
        outcome: 'unknown',
        why: 'Unknown: Domestic violence (4.11) is not recorded',
        missing: ['Domestic violence (4.11)'],
      },
    ])
    const audit = await t.db
      .selectFrom('audit_event')
      .select('entity_id')
      .where('action', '=', 'client.eligibility.read')
      .execute()
    expect(audit.map((row) => row.entity_id)).toContain(clientId)
  })

  it('loads facts and evaluates many households set-based, for the queue filter and openings', async () => {
    const young = await household({ age: 20, score: 10, monthlyIncome: 0 })
    const older = await household({ age: 40, score: 10, monthlyIncome: 0 })
    const ids = [young.householdId, older.householdId, '00000000-0000-4000-8000-000000000000']
    const facts = await loadEligibilityFacts(t.db, { enrollmentHouseholdIds: ids, asOf: today })
    expect([...facts.keys()].sort()).toEqual([young.householdId, older.householdId].sort())
    expect(facts.get(young.householdId)).toMatchObject({
      headAge: 20,
      ceScore: 10,
      ceProjectId: project.ce,
      income: { monthly: 0 },
    })

    const types = await eligibleProjectTypesForHouseholds(t.db, {
      cocId,
      enrollmentHouseholdIds: ids,
      asOf: today,
    })
    expect(types.get(young.householdId)).toEqual(new Set([2, 13]))
    expect(types.get(older.householdId)).toEqual(new Set([13]))
    const forOpening = await evaluateProjectsForHouseholds(t.db, {
      cocId,
      enrollmentHouseholdIds: [older.householdId],
      asOf: today,
      projectIds: [project.youth],
    })
    expect(forOpening.get(older.householdId)?.map((evaluation) => evaluation.result.outcome)).toEqual([
      'fail',
    ])
  })
})
