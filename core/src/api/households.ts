import { z } from 'zod'
import { hudCode } from '../hud/index'
import { isoDate, requiredText, uuid } from './common'

/** HUD 3.15.1 Relationship to Head of Household; 1 = Self (head of household). */
export const RelationshipToHoh = hudCode('3.15.1')
export const SELF_HEAD_OF_HOUSEHOLD = 1

/** The identifying part of a member: only present for members the viewer may see. */
export const HouseholdMemberClient = z
  .object({
    id: z.string(),
    clientNumber: z.number().int(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    dob: z.string().nullable(),
  })
  .meta({ id: 'HouseholdMemberClient' })

/** One stay of a client in the household; former members keep their row with `removedOn`. */
export const HouseholdMember = z
  .object({
    client: HouseholdMemberClient,
    relationshipToHoh: z.number().int(),
    joinedOn: z.string(),
    removedOn: z.string().nullable(),
    removedReason: z.string().nullable(),
  })
  .meta({ id: 'HouseholdMember' })

export const Household = z
  .object({
    id: z.string(),
    cocId: z.string(),
    ownerOrganizationId: z.string(),
    ownerOrganizationName: z.string(),
    createdAt: z.iso.datetime(),
    /** Null when the head is someone the viewer may not see. */
    headClientId: z.string().nullable(),
    /** Current and former members the viewer may see, current first. */
    members: z.array(HouseholdMember),
    /** Whether the viewer may add, remove or re-head: they must see every current member. */
    canEdit: z.boolean(),
    /** HUD data-quality advice that does not block saving (e.g. a child heads a household with adults). */
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Household' })
export type Household = z.infer<typeof Household>

export const HouseholdList = z.array(Household).meta({ id: 'HouseholdList' })

export const NewHousehold = z
  .object({ headClientId: uuid, joinedOn: isoDate.optional() })
  .strict()
  .meta({ id: 'NewHousehold' })
export type NewHousehold = z.infer<typeof NewHousehold>

export const NewHouseholdMember = z
  .object({ clientId: uuid, relationshipToHoh: RelationshipToHoh, joinedOn: isoDate })
  .strict()
  .meta({ id: 'NewHouseholdMember' })
export type NewHouseholdMember = z.infer<typeof NewHouseholdMember>

export const HouseholdMemberRemoval = z
  .object({ removedOn: isoDate, reason: requiredText(500) })
  .strict()
  .meta({ id: 'HouseholdMemberRemoval' })
export type HouseholdMemberRemoval = z.infer<typeof HouseholdMemberRemoval>

export const HouseholdHeadChange = z
  .object({
    clientId: uuid,
    /** Every other current member's relationship to the new head (the old head included). */
    relationships: z
      .array(
        z
          .object({
            clientId: uuid,
            relationshipToHoh: RelationshipToHoh.refine(
              (code) => code !== SELF_HEAD_OF_HOUSEHOLD,
              'only the new head is Self (head of household)',
            ),
          })
          .strict(),
      )
      .max(50),
    /** The head the user was looking at; if someone changed it meanwhile the answer is 409. */
    expectedHeadClientId: uuid.optional(),
  })
  .strict()
  .meta({ id: 'HouseholdHeadChange' })
export type HouseholdHeadChange = z.infer<typeof HouseholdHeadChange>

export const HouseholdMemberParams = z.object({ id: uuid, clientId: uuid })

export const HouseholdEvent = z
  .object({
    id: z.string(),
    kind: z.enum(['created', 'member_added', 'member_removed', 'head_changed']),
    clientId: z.string(),
    previousHeadClientId: z.string().nullable(),
    /** Relationship codes and dates involved; never names. */
    details: z.record(z.string(), z.unknown()),
    occurredAt: z.iso.datetime(),
    userDisplayName: z.string().nullable(),
    organizationName: z.string().nullable(),
  })
  .meta({ id: 'HouseholdEvent' })

export const HouseholdHistory = z
  .object({ members: z.array(HouseholdMember), events: z.array(HouseholdEvent) })
  .meta({ id: 'HouseholdHistory' })
export type HouseholdHistory = z.infer<typeof HouseholdHistory>
