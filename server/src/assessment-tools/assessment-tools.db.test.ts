import { DEMO_ASSESSMENT_TOOL } from '@threshold/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { auditRowsFor, buildFixture, type Fixture, type FixtureUser } from '../../test/unauthorized/fixture'
import { seedDemo } from '../demo/seed-demo'

let t: TestApp
let f: Fixture
beforeAll(async () => {
  t = await createTestApp()
  f = await buildFixture(t)
})
afterAll(() => t.close())

const send = (user: FixtureUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.request({ method, url, cookie: user.cookie, ...(payload ? { payload } : {}) })

const answers = {
  sleep_location: 'outside',
  months_without_home: 14,
  times_without_home: 'two_three',
  evicted_last_year: false,
  er_visits: 3,
  feels_unsafe: 'often',
  harmed_since_homeless: true,
  income_sources: 'none',
  needs_help_daily_tasks: false,
  missed_appointments: 'sometimes',
  has_id: false,
  support_person: false,
}
/** The demo tool with sleeping outside worth 10 points for everyone. */
const revisedDefinition = () => {
  const revised = structuredClone(DEMO_ASSESSMENT_TOOL)
  const sleep = revised.sections[0]?.questions[0]
  if (sleep?.type !== 'single_choice') throw new Error('the demo tool changed')
  sleep.options = sleep.options.map((option) =>
    option.value === 'outside' ? { ...option, points: 10, variantPoints: {} } : option,
  )
  return revised
}

let toolId: string
let firstVersionId: string

describe('creating a tool', () => {
  it('lets the CoC admin add one: draft version 1, audited', async () => {
    const response = await send(f.users.cocAdminA, 'POST', '/api/assessment-tools', {
      definition: DEMO_ASSESSMENT_TOOL,
    })
    expect(response.statusCode, response.body).toBe(201)
    const tool = response.json()
    expect(tool).toMatchObject({
      cocId: f.cocA.id,
      name: 'Fulton Housing Needs Assessment (demo)',
      status: 'draft',
      currentVersion: null,
      versions: [{ version: 1, published: false, publishedAt: null }],
    })
    toolId = tool.id
    firstVersionId = tool.versions[0].id
    expect(await auditRowsFor(t, toolId)).toMatchObject([
      { action: 'assessment_tool.create', outcome: 'success', actor_user_id: f.users.cocAdminA.id },
    ])
  })

  it('refuses a definition that does not hold together, naming the problem', async () => {
    const broken = structuredClone(DEMO_ASSESSMENT_TOOL)
    broken.sections[0]?.questions[0]?.subScores?.push('not_a_sub_score')
    const response = await send(f.users.cocAdminA, 'POST', '/api/assessment-tools', { definition: broken })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('unknown sub-score \\"not_a_sub_score\\"')
  })

  it('refuses agency users with 403 and a denied audit row', async () => {
    const response = await send(f.users.agencyAdminA1, 'POST', '/api/assessment-tools', {
      definition: DEMO_ASSESSMENT_TOOL,
    })
    expect(response.statusCode).toBe(403)
    const denied = await t.db
      .selectFrom('audit_event')
      .select(['actor_user_id'])
      .where('action', '=', 'assessment_tool.create')
      .where('outcome', '=', 'denied')
      .execute()
    expect(denied).toEqual([{ actor_user_id: f.users.agencyAdminA1.id }])
  })

  it('hides a tool without a published version from everyone but the CoC admins', async () => {
    expect((await send(f.users.caseManagerA1, 'GET', '/api/assessment-tools')).json()).toEqual([])
    expect((await send(f.users.caseManagerA1, 'GET', `/api/assessment-tools/${toolId}`)).statusCode).toBe(404)
    expect(
      (await send(f.users.caseManagerA1, 'GET', `/api/assessment-tool-versions/${firstVersionId}`))
        .statusCode,
    ).toBe(404)
    const names = (await send(f.users.cocAdminA, 'GET', '/api/assessment-tools'))
      .json()
      .map((tool: { name: string }) => tool.name)
    expect(names).toEqual(['Fulton Housing Needs Assessment (demo)'])
  })
})

describe('publishing', () => {
  it('publishes a draft: the tool is published and the version current, readable by the CoC', async () => {
    const response = await send(
      f.users.cocAdminA,
      'POST',
      `/api/assessment-tool-versions/${firstVersionId}/publish`,
    )
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({
      version: 1,
      published: true,
      publishedAt: expect.any(String),
      toolId,
    })
    const seenByCaseManager = await send(f.users.caseManagerA1, 'GET', '/api/assessment-tools')
    expect(seenByCaseManager.json()).toMatchObject([
      { id: toolId, status: 'published', currentVersion: { id: firstVersionId, version: 1 } },
    ])
    const version = await send(
      f.users.caseManagerA2,
      'GET',
      `/api/assessment-tool-versions/${firstVersionId}`,
    )
    expect(version.json().definition.sections).toHaveLength(4)
  })

  it('answers 409 when the version is already published', async () => {
    const response = await send(
      f.users.cocAdminA,
      'POST',
      `/api/assessment-tool-versions/${firstVersionId}/publish`,
    )
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe(
      'Version 1 is already published and cannot change; add a new version instead',
    )
  })

  it('makes the stored definition immutable: a direct UPDATE or DELETE fails in the database', async () => {
    const changeDefinition = sql`UPDATE assessment_tool_version SET definition = '{}'::jsonb WHERE id = ${firstVersionId}`
    await expect(changeDefinition.execute(t.db)).rejects.toThrow(/is published and cannot change/)
    const unpublish = sql`UPDATE assessment_tool_version SET published_at = NULL WHERE id = ${firstVersionId}`
    await expect(unpublish.execute(t.db)).rejects.toThrow(/is published and cannot change/)
    await expect(
      sql`DELETE FROM assessment_tool_version WHERE id = ${firstVersionId}`.execute(t.db),
    ).rejects.toThrow(/is published and cannot change/)
    const stored = await t.db
      .selectFrom('assessment_tool_version')
      .select('definition')
      .where('id', '=', firstVersionId)
      .executeTakeFirstOrThrow()
    expect(stored.definition.name).toBe('Fulton Housing Needs Assessment (demo)')
  })
})

describe('a new version', () => {
  let secondVersionId: string
  it('is a separate draft with the next number; version 1 stays current and unchanged', async () => {
    const response = await send(f.users.cocAdminA, 'POST', `/api/assessment-tools/${toolId}/versions`, {
      definition: revisedDefinition(),
    })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({ version: 2, published: false, toolId })
    secondVersionId = response.json().id
    expect(secondVersionId).not.toBe(firstVersionId)
    const tool = (await send(f.users.cocAdminA, 'GET', `/api/assessment-tools/${toolId}`)).json()
    expect(tool.currentVersion.id).toBe(firstVersionId)
    expect(tool.versions.map((version: { version: number }) => version.version)).toEqual([2, 1])
    // Everyone else still sees only the published version.
    const seenByCaseManager = (
      await send(f.users.caseManagerA1, 'GET', `/api/assessment-tools/${toolId}`)
    ).json()
    expect(seenByCaseManager.versions.map((version: { id: string }) => version.id)).toEqual([firstVersionId])
  })

  it('scores with its own points; scoring with version 1 gives what it always gave', async () => {
    const preview = (versionId: string) =>
      send(f.users.cocAdminA, 'POST', `/api/assessment-tool-versions/${versionId}/score`, {
        variant: 'single_adult',
        answers,
      })
    const first = (await preview(firstVersionId)).json()
    const second = (await preview(secondVersionId)).json()
    expect(first).toMatchObject({ toolVersionId: firstVersionId, version: 1, total: 20, complete: true })
    expect(second).toMatchObject({ toolVersionId: secondVersionId, version: 2, total: 26 })
  })

  it('is refused to agency admins of the CoC with 403 and a denied audit row', async () => {
    const response = await send(f.users.agencyAdminA1, 'POST', `/api/assessment-tools/${toolId}/versions`, {
      definition: revisedDefinition(),
    })
    expect(response.statusCode).toBe(403)
    const rows = await auditRowsFor(t, toolId)
    expect(rows.at(-1)).toMatchObject({ action: 'assessment_tool_version.create', outcome: 'denied' })
  })
})

describe('preview scoring', () => {
  it('answers 400 with one message per answer that does not fit', async () => {
    const response = await send(
      f.users.caseManagerA1,
      'POST',
      `/api/assessment-tool-versions/${firstVersionId}/score`,
      {
        variant: 'single_adult',
        answers: { ...answers, sleep_location: 'castle', children_in_household: 2 },
      },
    )
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toEqual({
      code: 'invalid_input',
      message: '2 answers do not fit their questions',
      details: [
        {
          path: 'body.answers.children_in_household',
          message: '"children_in_household" is not asked of single adult households',
        },
        {
          path: 'body.answers.sleep_location',
          message: expect.stringContaining('"castle" is not one of the options'),
        },
      ],
    })
  })

  it('refuses an unknown household type', async () => {
    const response = await send(
      f.users.caseManagerA1,
      'POST',
      `/api/assessment-tool-versions/${firstVersionId}/score`,
      {
        variant: 'couple',
        answers,
      },
    )
    expect(response.statusCode).toBe(400)
  })
})

describe('another CoC', () => {
  it("gets 404 for this CoC's tool and version, each with a denied audit row", async () => {
    for (const url of [
      `/api/assessment-tools/${toolId}`,
      `/api/assessment-tool-versions/${firstVersionId}`,
    ]) {
      const response = await send(f.users.cocAdminB, 'GET', url)
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toContain('Fulton')
    }
    for (const id of [toolId, firstVersionId]) {
      expect((await auditRowsFor(t, id)).at(-1)).toMatchObject({
        outcome: 'denied',
        actor_user_id: f.users.cocAdminB.id,
      })
    }
    expect((await send(f.users.cocAdminB, 'GET', '/api/assessment-tools')).json()).toEqual([])
  })
})

describe('the demo seed', () => {
  it('publishes the demo tool in the demo CoC', async () => {
    expect(await seedDemo(t.db)).toBe('seeded')
    const rows = await t.db
      .selectFrom('assessment_tool')
      .innerJoin('coc', 'coc.id', 'assessment_tool.coc_id')
      .innerJoin('assessment_tool_version', 'assessment_tool_version.tool_id', 'assessment_tool.id')
      .select([
        'coc.code',
        'assessment_tool.name',
        'assessment_tool.status',
        'assessment_tool_version.version',
      ])
      .select((eb) => eb('assessment_tool_version.published_at', 'is not', null).as('published'))
      .where('coc.code', '=', 'GA-502')
      .execute()
    expect(rows).toEqual([
      {
        code: 'GA-502',
        name: 'Fulton Housing Needs Assessment (demo)',
        status: 'published',
        version: 1,
        published: true,
      },
    ])
  })
})
