import { isDeepStrictEqual } from 'node:util'
import {
  type Client,
  type ClientAlias,
  type ClientRecord,
  type Contact,
  maskedClientRecord,
  maskSsn,
  type RaceEthnicityColumn,
  type VeteranDetails,
} from '@threshold/core'
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import type { Actor } from '../access/actor'
import {
  type ClientAccessFacts,
  canChangeRestriction,
  canEditClient,
  referralsViewableByOtherAgencies,
} from '../access/client-policy'
import { loadReleaseGrants } from '../access/client-visibility'
import type { DB } from '../db/schema'
import type { ClientTable } from './client.tables'

// Queries and row mapping shared by the client use cases.

type Db = Kysely<DB> | Transaction<DB>
type ClientRow = Selectable<ClientTable>

/** One changed field in the version history: before and after, SSNs masked. */
export type FieldChange = { from: unknown; to: unknown }
export type Changes = Record<string, FieldChange>

export async function loadClientRow(db: Db, id: string) {
  return db
    .selectFrom('client')
    .innerJoin('organization', 'organization.id', 'client.owner_organization_id')
    .selectAll('client')
    .select('organization.name as owner_organization_name')
    .where('client.id', '=', id)
    .executeTakeFirstOrThrow()
}

export function recordFromRow(row: ClientRow): ClientRecord {
  return {
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    nameSuffix: row.name_suffix,
    nameDataQuality: row.name_data_quality,
    ssn: row.ssn,
    ssnLast4: row.ssn_last4,
    ssnDataQuality: row.ssn_data_quality,
    dob: row.dob,
    dobDataQuality: row.dob_data_quality,
    sex: row.sex,
    raceEthnicity: row.race_ethnicity as RaceEthnicityColumn[],
    raceNone: row.race_none,
    additionalRaceEthnicity: row.additional_race_ethnicity,
    genderIdentity: row.gender_identity,
    veteranStatus: row.veteran_status,
    veteranDetails: row.veteran_details as VeteranDetails | null,
    contact: row.contact as Contact,
    maritalStatus: row.marital_status as ClientRecord['maritalStatus'],
    childrenCount: row.children_count,
    restriction: row.restriction,
  }
}

/**
 * The columns a record writes. Every data-quality answer is known by now (`clientRecordIssues` passed),
 * hence the non-null assertions.
 */
export function rowValuesFromRecord(record: ClientRecord) {
  return {
    first_name: record.firstName,
    middle_name: record.middleName,
    last_name: record.lastName,
    name_suffix: record.nameSuffix,
    name_data_quality: record.nameDataQuality!,
    ssn: record.ssn,
    ssn_last4: record.ssnLast4,
    ssn_data_quality: record.ssnDataQuality!,
    dob: record.dob,
    dob_data_quality: record.dobDataQuality!,
    sex: record.sex,
    race_ethnicity: record.raceEthnicity,
    race_none: record.raceNone,
    additional_race_ethnicity: record.additionalRaceEthnicity,
    gender_identity: record.genderIdentity,
    veteran_status: record.veteranStatus,
    veteran_details: record.veteranDetails === null ? null : JSON.stringify(record.veteranDetails),
    contact: JSON.stringify(record.contact),
    marital_status: record.maritalStatus,
    children_count: record.childrenCount,
    restriction: record.restriction,
  }
}

/** Each field that differs between two records, SSNs masked (a record's SSN counts as changed when its last 4 or full number does). */
export function changesBetween(before: ClientRecord, after: ClientRecord): Changes {
  const from = maskedClientRecord(before)
  const to = maskedClientRecord(after)
  const changes: Changes = {}
  for (const field of Object.keys(to) as (keyof typeof to)[]) {
    const differs =
      field === 'ssn'
        ? before.ssn !== after.ssn || before.ssnLast4 !== after.ssnLast4
        : !isDeepStrictEqual(from[field], to[field])
    if (differs) changes[field] = { from: from[field], to: to[field] }
  }
  return changes
}

/** The next history row of a client (its version was just set to `version`). */
export async function insertClientVersion(
  db: Db,
  actor: Actor,
  entry: { clientId: string; version: number; action: string; changes: Changes },
) {
  const user = actor.kind === 'user' ? actor : null
  await db
    .insertInto('client_version')
    .values({
      client_id: entry.clientId,
      version: entry.version,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
      changed_by: user?.userId ?? null,
      organization_id: user?.organizationId ?? null,
    })
    .execute()
}

/** A change that is not a field edit (aliases): one more version of the record, by the actor. */
export async function bumpClientVersion(db: Db, actor: Actor, clientId: string): Promise<number> {
  const row = await db
    .updateTable('client')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: sql`now()`,
      updated_by: actor.kind === 'user' ? actor.userId : null,
    }))
    .where('id', '=', clientId)
    .returning('version')
    .executeTakeFirstOrThrow()
  return row.version
}

export async function loadAliases(db: Db, clientId: string): Promise<ClientAlias[]> {
  return db
    .selectFrom('client_alias')
    .select(['id', 'kind', 'first_name as firstName', 'last_name as lastName'])
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** The record as this actor may see it (the caller has checked `canSeeClientIdentity`). */
export async function clientView(
  db: Db,
  actor: Actor,
  facts: ClientAccessFacts,
  clientId: string,
  today: string,
): Promise<Client> {
  const row = await loadClientRow(db, clientId)
  const record = recordFromRow(row)
  const releases = (await loadReleaseGrants(db, [clientId])).get(clientId) ?? []
  const ownsRecord = canEditClient(actor, facts)
  const { ssnLast4, ...fields } = record
  return {
    ...fields,
    id: row.id,
    clientNumber: Number(row.client_number),
    cocId: row.coc_id,
    ownerOrganizationId: row.owner_organization_id,
    ownerOrganizationName: row.owner_organization_name,
    nameDataQuality: row.name_data_quality,
    ssn: maskSsn(record.ssn ?? ssnLast4),
    ssnDataQuality: row.ssn_data_quality,
    dobDataQuality: row.dob_data_quality,
    aliases: await loadAliases(db, clientId),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    referralsViewableByOtherAgencies: referralsViewableByOtherAgencies({
      restriction: record.restriction,
      releases,
      today,
    }),
    canEdit: ownsRecord,
    canChangeRestriction: canChangeRestriction(actor, facts),
    // The full SSN stays with the agency that keeps the record.
    canReadFullSsn: ownsRecord,
  }
}
