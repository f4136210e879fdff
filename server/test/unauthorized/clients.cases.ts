import type { Restriction } from '../../src/clients/client.tables'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Client records: reading, editing, history, the full SSN and aliases of a client another agency keeps.

/** The alias of the client the last setup created (the DELETE route names both). */
let lastAliasId = ''

/** A client kept by `organization`, with one alias and its first version, written straight to the tables. */
async function clientOf(f: Fixture, organization: FixtureOrganization, restriction: Restriction = 'open') {
  const client = await f.t.db
    .insertInto('client')
    .values({
      coc_id: organization.cocId,
      owner_organization_id: organization.id,
      restriction,
      first_name: 'Philippa',
      last_name: 'Quartermaine',
      name_data_quality: 1,
      ssn: '219099999',
      ssn_last4: '9999',
      ssn_data_quality: 1,
      dob: '1984-07-19',
      dob_data_quality: 1,
      sex: 0,
      race_ethnicity: ['Asian'],
      veteran_status: 0,
      contact: JSON.stringify({ email: 'philippa@example.org' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const alias = await f.t.db
    .insertInto('client_alias')
    .values({ client_id: client.id, kind: 'former_name', last_name: 'Whitcombe' })
    .returning('id')
    .executeTakeFirstOrThrow()
  lastAliasId = alias.id
  await f.t.db
    .insertInto('client_version')
    .values({ client_id: client.id, version: 1, action: 'created', changes: JSON.stringify({}) })
    .execute()
  return client.id
}

const readClient = async (f: Fixture, id: string) => ({
  client: await f.t.db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst(),
  aliases: await f.t.db
    .selectFrom('client_alias')
    .selectAll()
    .where('client_id', '=', id)
    .orderBy('id')
    .execute(),
  versions: await f.t.db
    .selectFrom('client_version')
    .selectAll()
    .where('client_id', '=', id)
    .orderBy('version')
    .execute(),
})

const clientOfA1 = (f: Fixture) => clientOf(f, f.orgA1)
const clientOfA2 = (f: Fixture) => clientOf(f, f.orgA2)
const confidentialClientOfA2 = (f: Fixture) => clientOf(f, f.orgA2, 'confidential')
const aliasParam = () => ({ aliasId: lastAliasId })

const common = { read: readClient }
const edit = { version: 1, middleName: 'Intruder' }
const alias = { kind: 'alias', firstName: 'Intruder' }

/** Every client route that takes an id, by the outsiders named, against `setup`'s client. */
function everyRoute(
  target: string,
  setup: (f: Fixture) => Promise<string>,
  callers: UnauthorizedCase['caller'][],
  expected: UnauthorizedCase['expect'] = 'not_found',
): UnauthorizedCase[] {
  const routes: Pick<UnauthorizedCase, 'method' | 'url' | 'payload' | 'params'>[] = [
    { method: 'PATCH', url: '/api/clients/:id', payload: edit },
    { method: 'GET', url: '/api/clients/:id/ssn' },
    { method: 'POST', url: '/api/clients/:id/aliases', payload: alias },
    { method: 'DELETE', url: '/api/clients/:id/aliases/:aliasId', params: aliasParam },
  ]
  if (expected === 'not_found') {
    routes.push(
      { method: 'GET', url: '/api/clients/:id' },
      { method: 'GET', url: '/api/clients/:id/history' },
    )
  }
  return callers.flatMap((caller) =>
    routes.map((route) => ({ ...common, ...route, target, setup, caller, expect: expected })),
  )
}

export default [
  // Another agency of the same CoC without a release, and another CoC's admin: the client does not exist.
  ...everyRoute('client of A1', clientOfA1, ['caseManagerA2', 'agencyAdminA2', 'cocAdminB']),
  // A confidential (DV) record is hidden even from the CoC admin, who sees every other record.
  ...everyRoute('confidential client of A2', confidentialClientOfA2, ['cocAdminA']),
  // The CoC admin sees an open record of A2 but neither changes it nor reads the full SSN.
  ...everyRoute('client of A2', clientOfA2, ['cocAdminA'], 'forbidden'),
] satisfies UnauthorizedCase[]
