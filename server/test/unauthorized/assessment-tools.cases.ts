import { sql } from 'kysely'
import type { Fixture, UnauthorizedCase } from './fixture'

// Assessment tools belong to a CoC: other CoCs never reach them; in the CoC, drafts are for its admins.

const definition = {
  name: 'Outsider test tool',
  subScores: [{ id: 'need', label: 'Need' }],
  sections: [
    {
      id: 'only',
      title: 'Only section',
      questions: [
        {
          id: 'q_shelter',
          type: 'yes_no',
          text: 'Sheltered?',
          subScores: ['need'],
          yes: { points: 0 },
          no: { points: 2 },
        },
      ],
    },
  ],
}

/** A tool of CoC A with version 1, published or still a draft; returns [toolId, versionId]. */
async function toolOfCocA(f: Fixture, published: boolean): Promise<[string, string]> {
  const tool = await f.t.db
    .insertInto('assessment_tool')
    .values({ coc_id: f.cocA.id, name: definition.name, status: published ? 'published' : 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await f.t.db
    .insertInto('assessment_tool_version')
    .values({
      tool_id: tool.id,
      version: 1,
      definition: JSON.stringify(definition),
      published_at: published ? sql`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return [tool.id, version.id]
}

const publishedTool = async (f: Fixture) => (await toolOfCocA(f, true))[0]
const draftTool = async (f: Fixture) => (await toolOfCocA(f, false))[0]
const publishedVersion = async (f: Fixture) => (await toolOfCocA(f, true))[1]
const draftVersion = async (f: Fixture) => (await toolOfCocA(f, false))[1]

const readTool = async (f: Fixture, id: string) => ({
  tool: await f.t.db.selectFrom('assessment_tool').selectAll().where('id', '=', id).executeTakeFirst(),
  versions: await f.t.db
    .selectFrom('assessment_tool_version')
    .selectAll()
    .where('tool_id', '=', id)
    .execute(),
})
const readVersion = (f: Fixture, id: string) =>
  f.t.db.selectFrom('assessment_tool_version').selectAll().where('id', '=', id).executeTakeFirst()

const preview = { variant: 'single_adult', answers: { q_shelter: false } }

export default [
  {
    target: 'published tool of CoC A',
    method: 'GET',
    url: '/api/assessment-tools/:id',
    setup: publishedTool,
    caller: 'cocAdminB',
    read: readTool,
  },
  {
    target: 'draft tool of CoC A',
    method: 'GET',
    url: '/api/assessment-tools/:id',
    setup: draftTool,
    caller: 'caseManagerA1',
    read: readTool,
  },
  {
    target: 'published tool of CoC A',
    method: 'POST',
    url: '/api/assessment-tools/:id/versions',
    setup: publishedTool,
    caller: 'cocAdminB',
    payload: { definition },
    read: readTool,
  },
  {
    target: 'published tool of CoC A',
    method: 'POST',
    url: '/api/assessment-tools/:id/versions',
    setup: publishedTool,
    caller: 'agencyAdminA1',
    payload: { definition },
    read: readTool,
    expect: 'forbidden',
  },
  {
    target: 'published version of CoC A',
    method: 'GET',
    url: '/api/assessment-tool-versions/:id',
    setup: publishedVersion,
    caller: 'cocAdminB',
    read: readVersion,
  },
  {
    target: 'draft version of CoC A',
    method: 'GET',
    url: '/api/assessment-tool-versions/:id',
    setup: draftVersion,
    caller: 'caseManagerA2',
    read: readVersion,
  },
  {
    target: 'draft version of CoC A',
    method: 'POST',
    url: '/api/assessment-tool-versions/:id/publish',
    setup: draftVersion,
    caller: 'cocAdminB',
    read: readVersion,
  },
  {
    target: 'draft version of CoC A',
    method: 'POST',
    url: '/api/assessment-tool-versions/:id/publish',
    setup: draftVersion,
    caller: 'agencyAdminA1',
    read: readVersion,
  },
  {
    target: 'published version of CoC A',
    method: 'POST',
    url: '/api/assessment-tool-versions/:id/score',
    setup: publishedVersion,
    caller: 'cocAdminB',
    payload: preview,
    read: readVersion,
  },
] satisfies UnauthorizedCase[]
