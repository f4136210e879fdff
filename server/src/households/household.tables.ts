import type { ColumnType, Generated } from 'kysely'

/** Set by the database on insert; never changed. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Json<T> = ColumnType<T, string | undefined, string>

/** A standing family (ClientTrack's "family"); enrollments later copy members from it. */
export interface HouseholdTable {
  id: Generated<string>
  coc_id: string
  /** The agency that created it: a stamp, not an access grant (members' own visibility decides). */
  owner_organization_id: string
  created_at: CreatedAt
  created_by: string | null
}

/** One stay of a client in a household: removal sets `removed_on`, rows are never deleted. */
export interface HouseholdMemberTable {
  id: Generated<string>
  household_id: string
  client_id: string
  /** HUD 3.15.1 RelationshipToHoH; 1 = Self (head of household). */
  relationship_to_hoh: number
  joined_on: string
  removed_on: string | null
  removed_reason: string | null
  created_at: CreatedAt
  created_by: string | null
  removed_by: string | null
}

export type HouseholdEventKind = 'created' | 'member_added' | 'member_removed' | 'head_changed'

/** The household's own history: who did what, when (HoH changes with the relationships re-stated). */
export interface HouseholdEventTable {
  id: Generated<string>
  household_id: string
  kind: HouseholdEventKind
  /** The member the event is about (the new head for `head_changed`). */
  client_id: string
  /** `head_changed`: the head before the change. */
  previous_head_client_id: string | null
  details: Json<Record<string, unknown>>
  occurred_at: CreatedAt
  user_id: string | null
  organization_id: string | null
}

export interface HouseholdTables {
  household: HouseholdTable
  household_member: HouseholdMemberTable
  household_event: HouseholdEventTable
}
