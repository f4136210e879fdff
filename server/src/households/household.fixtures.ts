import type { Kysely } from 'kysely'
import type { Restriction } from '../clients/client.tables'
import type { DB } from '../db/schema'

// Test fixtures for households and releases, written straight to the database (the client API has its
// own tests).

export async function insertTestClient(
  db: Kysely<DB>,
  client: {
    cocId: string
    ownerOrganizationId: string
    firstName: string
    lastName?: string
    dob?: string | null
    restriction?: Restriction
  },
): Promise<string> {
  const row = await db
    .insertInto('client')
    .values({
      coc_id: client.cocId,
      owner_organization_id: client.ownerOrganizationId,
      restriction: client.restriction ?? 'open',
      first_name: client.firstName,
      last_name: client.lastName ?? 'Fixture',
      name_data_quality: 1,
      dob: client.dob ?? null,
      dob_data_quality: client.dob ? 1 : 99,
      ssn_data_quality: 99,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A household headed by the client, straight in the database. */
export async function insertTestHousehold(
  db: Kysely<DB>,
  household: { cocId: string; ownerOrganizationId: string; headClientId: string },
): Promise<string> {
  const { id } = await db
    .insertInto('household')
    .values({ coc_id: household.cocId, owner_organization_id: household.ownerOrganizationId })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('household_member')
    .values({
      household_id: id,
      client_id: household.headClientId,
      relationship_to_hoh: 1,
      joined_on: '2025-01-01',
    })
    .execute()
  return id
}
