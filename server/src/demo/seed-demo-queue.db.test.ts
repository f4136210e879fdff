import { AssessmentToolDefinition, QUEUE_STATUSES, type QueuePage, scoreAssessment } from '@threshold/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, sessionFor, type TestApp } from '../../test/test-app'
import { seedDemo } from './seed-demo'

// The demo's Housing Queue: households on both CE queues in every status, scored with the demo tool, ranked
// by the CoC's published ranking, and what the CE manager sees on sign-in.

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await seedDemo(t.db)
})
afterAll(() => t.close())

describe('seedDemoQueue', () => {
  it('fills both CE queues in every status with assessed households and a published ranking', async () => {
    const entries = await t.db
      .selectFrom('queue_entry as qe')
      .innerJoin('project as p', 'p.id', 'qe.ce_project_id')
      .select(['qe.status', 'p.name', 'p.project_type', 'qe.score', 'qe.assessment_id'])
      .execute()
    expect(entries.length).toBeGreaterThanOrEqual(200)
    expect(new Set(entries.map((entry) => entry.status))).toEqual(new Set(QUEUE_STATUSES))
    expect(new Set(entries.map((entry) => entry.name))).toEqual(
      new Set(['North Fulton CE', 'South Fulton CE']),
    )
    expect(entries.every((entry) => entry.project_type === 14 && entry.assessment_id !== null)).toBe(true)

    // Each stored score is the demo tool's score of the stored answers.
    const assessments = await t.db
      .selectFrom('ce_assessment as a')
      .innerJoin('assessment_tool_version as v', 'v.id', 'a.tool_version_id')
      .innerJoin('enrollment as e', 'e.id', 'a.enrollment_id')
      .select(['a.answers', 'a.score', 'v.id', 'v.version', 'v.definition', 'e.enrollment_household_id'])
      .limit(20)
      .execute()
    for (const assessment of assessments) {
      const members = await t.db
        .selectFrom('enrollment')
        .select('id')
        .where('enrollment_household_id', '=', assessment.enrollment_household_id)
        .execute()
      const tool = {
        id: assessment.id,
        version: assessment.version,
        definition: AssessmentToolDefinition.parse(assessment.definition),
      }
      const outcome = scoreAssessment(
        tool,
        members.length > 1 ? 'family' : 'single_adult',
        assessment.answers!,
      )
      expect(outcome.ok && outcome.score.total).toBe(Number(assessment.score))
    }

    const rankings = await t.db.selectFrom('queue_ranking').select(['program_type', 'version']).execute()
    expect(rankings).toEqual(
      expect.arrayContaining([
        { program_type: 'all', version: 1 },
        { program_type: 'psh', version: 1 },
      ]),
    )
    const placed = await t.db
      .selectFrom('queue_position_history')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('event', '=', 'placed')
      .executeTakeFirstOrThrow()
    expect(Number(placed.count)).toBeGreaterThanOrEqual(entries.length)
  })

  it('shows the CE manager a ranked, explained queue', async () => {
    const manager = await t.db
      .selectFrom('app_user as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .select(['u.id', 'm.organization_id'])
      .where('u.username', '=', 'ce.manager')
      .executeTakeFirstOrThrow()
    const cookie = await sessionFor(t, manager.id, manager.organization_id)
    const response = await t.request({ method: 'GET', url: '/api/queue?limit=10', cookie })
    expect(response.statusCode, response.body).toBe(200)
    const { rows } = response.json() as QueuePage
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(rows[0]).toMatchObject({ rankingVersion: 1, toolName: 'Fulton Housing Needs Assessment (demo)' })
    expect(rows[0]!.explanation.map((item) => item.key)).toEqual([
      'score',
      'chronic',
      'days_homeless',
      'ce_start_date',
    ])
    const scores = rows.map((row) => row.score ?? -1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })
})
