import { type ClientRecord, EMPTY_CLIENT_RECORD } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import { changesBetween } from '../clients/client.repository'
import type { DB } from '../db/schema'
import type { PlantedDuplicate, SyntheticBatch, SyntheticClient, SyntheticHousehold } from './generate-coc'

// Bulk loading of a synthetic CoC: one `INSERT … SELECT … FROM unnest(arrays)` per table and batch, which
// is one round trip per ten thousand rows instead of ten thousand. The rows go through the same tables,
// generated columns, constraints and triggers as the application's own writes.

export interface LoadedSyntheticCoc {
  clients: number
  households: number
  householdMembers: number
  aliases: number
  releases: number
  /** Ground truth for duplicate detection: every planted pair. */
  duplicates: PlantedDuplicate[]
}

type ColumnType = 'uuid' | 'text' | 'integer' | 'boolean' | 'date' | 'timestamptz' | 'jsonb'
/** An array-valued column travels as comma-joined text (unnest would flatten a 2-D array). */
type ArrayColumnType = 'text[]' | 'uuid[]'

interface Column {
  name: string
  type: ColumnType | ArrayColumnType
  values: unknown[]
}

export async function loadSyntheticCoc(
  db: Kysely<DB>,
  { cocId, batches }: { cocId: string; batches: Iterable<SyntheticBatch> },
): Promise<LoadedSyntheticCoc> {
  const loaded: LoadedSyntheticCoc = {
    clients: 0,
    households: 0,
    householdMembers: 0,
    aliases: 0,
    releases: 0,
    duplicates: [],
  }
  for (const batch of batches) {
    await insertClients(db, cocId, batch.clients)
    await insertHouseholds(db, cocId, batch.households)
    await insertAliases(db, batch)
    await insertReleases(db, cocId, batch)
    loaded.clients += batch.clients.length
    loaded.households += batch.households.length
    loaded.householdMembers += batch.households.reduce((sum, household) => sum + household.members.length, 0)
    loaded.aliases += batch.aliases.length
    loaded.releases += batch.releases.length
    loaded.duplicates.push(...batch.duplicates)
  }
  return loaded
}

async function insertClients(db: Kysely<DB>, cocId: string, clients: SyntheticClient[]): Promise<void> {
  const values = <T>(pick: (client: SyntheticClient) => T) => clients.map(pick)
  await insertUnnested(db, 'client', [
    { name: 'id', type: 'uuid', values: values((c) => c.id) },
    { name: 'coc_id', type: 'uuid', values: values(() => cocId) },
    { name: 'owner_organization_id', type: 'uuid', values: values((c) => c.ownerOrganizationId) },
    { name: 'restriction', type: 'text', values: values((c) => c.restriction) },
    { name: 'first_name', type: 'text', values: values((c) => c.firstName) },
    { name: 'middle_name', type: 'text', values: values((c) => c.middleName) },
    { name: 'last_name', type: 'text', values: values((c) => c.lastName) },
    { name: 'name_suffix', type: 'text', values: values((c) => c.nameSuffix) },
    { name: 'name_data_quality', type: 'integer', values: values((c) => c.nameDataQuality) },
    { name: 'ssn', type: 'text', values: values((c) => c.ssn) },
    { name: 'ssn_last4', type: 'text', values: values((c) => c.ssnLast4) },
    { name: 'ssn_data_quality', type: 'integer', values: values((c) => c.ssnDataQuality) },
    { name: 'dob', type: 'date', values: values((c) => c.dob) },
    { name: 'dob_data_quality', type: 'integer', values: values((c) => c.dobDataQuality) },
    { name: 'race_ethnicity', type: 'text[]', values: values((c) => c.raceEthnicity) },
    { name: 'race_none', type: 'integer', values: values((c) => c.raceNone) },
    { name: 'sex', type: 'integer', values: values((c) => c.sex) },
    { name: 'veteran_status', type: 'integer', values: values((c) => c.veteranStatus) },
    { name: 'created_at', type: 'timestamptz', values: values((c) => c.createdAt) },
    { name: 'updated_at', type: 'timestamptz', values: values((c) => c.createdAt) },
    { name: 'created_by', type: 'uuid', values: values((c) => c.createdBy) },
    { name: 'updated_by', type: 'uuid', values: values((c) => c.createdBy) },
  ])
  // Version 1 of every record, as creating it through the application writes.
  await insertUnnested(db, 'client_version', [
    { name: 'client_id', type: 'uuid', values: values((c) => c.id) },
    { name: 'version', type: 'integer', values: values(() => 1) },
    { name: 'action', type: 'text', values: values(() => 'created') },
    { name: 'changes', type: 'jsonb', values: values((c) => JSON.stringify(creationChanges(c))) },
    { name: 'changed_at', type: 'timestamptz', values: values((c) => c.createdAt) },
    { name: 'changed_by', type: 'uuid', values: values((c) => c.createdBy) },
    { name: 'organization_id', type: 'uuid', values: values((c) => c.ownerOrganizationId) },
  ])
}

function creationChanges(client: SyntheticClient) {
  const record: ClientRecord = {
    ...EMPTY_CLIENT_RECORD,
    firstName: client.firstName,
    middleName: client.middleName,
    lastName: client.lastName,
    nameSuffix: client.nameSuffix,
    nameDataQuality: client.nameDataQuality,
    ssn: client.ssn,
    ssnLast4: client.ssnLast4,
    ssnDataQuality: client.ssnDataQuality,
    dob: client.dob,
    dobDataQuality: client.dobDataQuality,
    sex: client.sex,
    raceEthnicity: client.raceEthnicity,
    raceNone: client.raceNone,
    veteranStatus: client.veteranStatus,
    restriction: client.restriction,
  }
  return changesBetween(EMPTY_CLIENT_RECORD, record)
}

async function insertHouseholds(
  db: Kysely<DB>,
  cocId: string,
  households: SyntheticHousehold[],
): Promise<void> {
  await insertUnnested(db, 'household', [
    { name: 'id', type: 'uuid', values: households.map((household) => household.id) },
    { name: 'coc_id', type: 'uuid', values: households.map(() => cocId) },
    { name: 'owner_organization_id', type: 'uuid', values: households.map((h) => h.ownerOrganizationId) },
    { name: 'created_at', type: 'timestamptz', values: households.map((household) => household.createdAt) },
    { name: 'created_by', type: 'uuid', values: households.map((household) => household.createdBy) },
  ])
  const members = households.flatMap((household) =>
    household.members.map((member) => ({ ...member, household, staff: household.createdBy })),
  )
  await insertUnnested(db, 'household_member', [
    { name: 'household_id', type: 'uuid', values: members.map((member) => member.household.id) },
    { name: 'client_id', type: 'uuid', values: members.map((member) => member.clientId) },
    {
      name: 'relationship_to_hoh',
      type: 'integer',
      values: members.map((member) => member.relationshipToHoh),
    },
    { name: 'joined_on', type: 'date', values: members.map((member) => member.joinedOn) },
    { name: 'removed_on', type: 'date', values: members.map((member) => member.removedOn) },
    {
      name: 'removed_reason',
      type: 'text',
      values: members.map((member) => (member.removedOn ? 'Left the household' : null)),
    },
    { name: 'created_at', type: 'timestamptz', values: members.map((member) => member.household.createdAt) },
    { name: 'created_by', type: 'uuid', values: members.map((member) => member.staff) },
    {
      name: 'removed_by',
      type: 'uuid',
      values: members.map((member) => (member.removedOn ? member.staff : null)),
    },
  ])
  // The trail the household screens show: created with its head, members added, members who left.
  const events = members.flatMap((member) => {
    const head = member.relationshipToHoh === 1
    const joined = head
      ? { kind: 'created', details: { joinedOn: member.joinedOn } }
      : {
          kind: 'member_added',
          details: { relationshipToHoh: member.relationshipToHoh, joinedOn: member.joinedOn },
        }
    const at = { ...member, occurredAt: member.household.createdAt }
    const left = member.removedOn
      ? [
          {
            ...at,
            kind: 'member_removed',
            details: { removedOn: member.removedOn },
            occurredAt: `${member.removedOn}T17:00:00.000Z`,
          },
        ]
      : []
    return [{ ...at, ...joined }, ...left]
  })
  await insertUnnested(db, 'household_event', [
    { name: 'household_id', type: 'uuid', values: events.map((event) => event.household.id) },
    { name: 'kind', type: 'text', values: events.map((event) => event.kind) },
    { name: 'client_id', type: 'uuid', values: events.map((event) => event.clientId) },
    { name: 'details', type: 'jsonb', values: events.map((event) => JSON.stringify(event.details)) },
    { name: 'occurred_at', type: 'timestamptz', values: events.map((event) => event.occurredAt) },
    { name: 'user_id', type: 'uuid', values: events.map((event) => event.staff) },
    {
      name: 'organization_id',
      type: 'uuid',
      values: events.map((event) => event.household.ownerOrganizationId),
    },
  ])
}

async function insertAliases(db: Kysely<DB>, batch: SyntheticBatch): Promise<void> {
  const aliases = batch.aliases
  await insertUnnested(db, 'client_alias', [
    { name: 'client_id', type: 'uuid', values: aliases.map((alias) => alias.clientId) },
    { name: 'kind', type: 'text', values: aliases.map((alias) => alias.kind) },
    { name: 'first_name', type: 'text', values: aliases.map((alias) => alias.firstName) },
    { name: 'last_name', type: 'text', values: aliases.map((alias) => alias.lastName) },
  ])
}

async function insertReleases(db: Kysely<DB>, cocId: string, batch: SyntheticBatch): Promise<void> {
  const releases = batch.releases
  const values = <T>(pick: (release: (typeof releases)[number]) => T) => releases.map(pick)
  await insertUnnested(db, 'client_release', [
    { name: 'id', type: 'uuid', values: values((r) => r.id) },
    { name: 'client_id', type: 'uuid', values: values((r) => r.clientId) },
    { name: 'coc_id', type: 'uuid', values: values(() => cocId) },
    { name: 'recorded_by_organization_id', type: 'uuid', values: values((r) => r.recordedByOrganizationId) },
    { name: 'release_identity', type: 'boolean', values: values((r) => r.releaseIdentity) },
    { name: 'release_project_data', type: 'boolean', values: values((r) => r.releaseProjectData) },
    { name: 'scope', type: 'text', values: values((r) => r.scope) },
    { name: 'organization_ids', type: 'uuid[]', values: values((r) => r.organizationIds) },
    { name: 'start_date', type: 'date', values: values((r) => r.startDate) },
    { name: 'end_date', type: 'date', values: values((r) => r.endDate) },
    { name: 'documentation', type: 'text', values: values((r) => r.documentation) },
    { name: 'witness_user_id', type: 'uuid', values: values((r) => r.staffUserId) },
    { name: 'signed_by_client_id', type: 'uuid', values: values((r) => r.signedByClientId) },
    { name: 'revoked_on', type: 'date', values: values((r) => r.revokedOn) },
    { name: 'revoked_by', type: 'uuid', values: values((r) => (r.revokedOn ? r.staffUserId : null)) },
    { name: 'revoked_reason', type: 'text', values: values((r) => r.revokedReason) },
    { name: 'created_at', type: 'timestamptz', values: values((r) => r.createdAt) },
    { name: 'created_by', type: 'uuid', values: values((r) => r.staffUserId) },
  ])
}

/** INSERT INTO table (columns) SELECT … FROM unnest($1::type[], $2::type[], …): one statement per batch. */
async function insertUnnested(db: Kysely<DB>, table: string, columns: Column[]): Promise<void> {
  if ((columns[0]?.values.length ?? 0) === 0) return
  const isArray = (column: Column) => column.type.endsWith('[]')
  const names = sql.join(columns.map((column) => sql.id(column.name)))
  const arrays = sql.join(
    columns.map((column) =>
      isArray(column)
        ? sql`${column.values.map((value) => (value as string[]).join(','))}::text[]`
        : sql`${column.values}::${sql.raw(column.type)}[]`,
    ),
  )
  const selected = sql.join(
    columns.map((column) =>
      isArray(column)
        ? sql`string_to_array(${sql.ref(`rows.${column.name}`)}, ',')::${sql.raw(column.type)}`
        : sql.ref(`rows.${column.name}`),
    ),
  )
  await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT ${selected} FROM unnest(${arrays}) AS rows (${names})`.execute(
    db,
  )
}
