import { sql } from 'kysely'
import type { Fixture, UnauthorizedCase } from './fixture'

// Eligibility rules of a project of agency A1 (CoC A): another CoC never reaches them; inside CoC A only the
// CoC's admins and A1's admins change or preview them. A client's eligible programs need the client visible.

const ruleSet = { rules: [{ kind: 'age', subject: 'head', min: 18, max: 24 }] }

/** A project of A1 with saved rules (version 1); returns the project id. */
async function projectWithRules(f: Fixture): Promise<string> {
  const projectId = await f.newProject(f.orgA1)
  const set = await f.t.db
    .insertInto('eligibility_rule_set')
    .values({
      coc_id: f.cocA.id,
      target_type: 'project',
      target_id: projectId,
      version: 1,
      rules: JSON.stringify(ruleSet),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.t.db
    .insertInto('eligibility_rule_set_version')
    .values({ rule_set_id: set.id, version: 1, rules: JSON.stringify(ruleSet), note: 'Youth only' })
    .execute()
  return projectId
}

const readRules = async (f: Fixture, projectId: string) => {
  const set = await f.t.db
    .selectFrom('eligibility_rule_set')
    // target_type ('project') is left out and the rules read as one text: the leak check looks for every
    // stored string, and 'project' or a rule's 'age' would match the words of the 404 message itself.
    .select(['id', 'coc_id', 'target_id', 'version', sql<string>`rules::text`.as('rules'), 'updated_at'])
    .where('target_id', '=', projectId)
    .executeTakeFirst()
  return {
    set,
    versions: await f.t.db
      .selectFrom('eligibility_rule_set_version')
      .select(['rule_set_id', 'version', sql<string>`rules::text`.as('rules'), 'note', 'created_at'])
      .where('rule_set_id', '=', set?.id ?? '')
      .execute(),
  }
}

/** A restricted client kept by A1 (only A1 sees their identity). */
async function restrictedClientOfA1(f: Fixture): Promise<string> {
  const client = await f.t.db
    .insertInto('client')
    .values({
      coc_id: f.cocA.id,
      owner_organization_id: f.orgA1.id,
      restriction: 'restricted',
      first_name: 'Ottoline',
      last_name: 'Brackenridge',
      name_data_quality: 1,
      dob: '2003-05-17',
      dob_data_quality: 1,
      ssn_data_quality: 99,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return client.id
}

const readClient = (f: Fixture, id: string) =>
  f.t.db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst()

const change = { ruleSet: { rules: [] }, expectedVersion: 1 }

export default [
  {
    target: 'eligibility rules of a project of A1',
    method: 'GET',
    url: '/api/projects/:id/eligibility',
    setup: projectWithRules,
    caller: 'cocAdminB',
    read: readRules,
  },
  {
    target: 'eligibility rules of a project of A1',
    method: 'PUT',
    url: '/api/projects/:id/eligibility',
    setup: projectWithRules,
    caller: 'cocAdminB',
    payload: change,
    read: readRules,
  },
  {
    target: 'eligibility rules of a project of A1',
    method: 'PUT',
    url: '/api/projects/:id/eligibility',
    setup: projectWithRules,
    caller: 'agencyAdminA2',
    payload: change,
    read: readRules,
    expect: 'forbidden',
  },
  {
    target: 'eligibility rules of a project of A1',
    method: 'POST',
    url: '/api/projects/:id/eligibility/preview',
    setup: projectWithRules,
    caller: 'agencyAdminB1',
    payload: { ruleSet },
    read: readRules,
  },
  {
    target: 'eligibility rules of a project of A1',
    method: 'POST',
    url: '/api/projects/:id/eligibility/preview',
    setup: projectWithRules,
    caller: 'caseManagerA1',
    payload: { ruleSet },
    read: readRules,
    expect: 'forbidden',
  },
  {
    target: 'restricted client of A1',
    method: 'GET',
    url: '/api/clients/:id/eligible-programs',
    setup: restrictedClientOfA1,
    caller: 'caseManagerA2',
    read: readClient,
  },
  {
    target: 'restricted client of A1',
    method: 'GET',
    url: '/api/clients/:id/eligible-programs',
    setup: restrictedClientOfA1,
    caller: 'cocAdminB',
    read: readClient,
  },
] satisfies UnauthorizedCase[]
