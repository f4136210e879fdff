import { z } from 'zod'
import { hudCode } from '../hud/index'
import { isoDate, requiredText, text, uuid } from './common'

// Bed and facility management: the facility board, check-in/out, reservations, offline beds, bars,
// CoC-wide availability counts and the HUD Inventory rows derived from the beds.

const timestamp = z.iso.datetime({ offset: true, error: 'must be a date-time such as 2026-01-15T20:00:00Z' })

export const BED_STATES = [
  'available',
  'held',
  'occupied',
  'occupied_accepting',
  'offline',
  'inactive',
] as const
/** occupied_accepting: occupied, with an expected vacancy date, and open to referrals. */
export const BedState = z.enum(BED_STATES).meta({ id: 'BedState' })
export type BedState = z.infer<typeof BedState>

export const Facility = z
  .object({
    id: uuid,
    cocId: uuid,
    organizationId: uuid,
    organizationName: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    bedCount: z.number().int(),
  })
  .meta({ id: 'Facility' })
export type Facility = z.infer<typeof Facility>

export const FacilityList = z.object({ items: z.array(Facility) }).meta({ id: 'FacilityList' })
export type FacilityList = z.infer<typeof FacilityList>

export const BoardBed = z
  .object({
    id: uuid,
    name: z.string(),
    unitId: uuid,
    unitName: z.string(),
    building: z.string().nullable(),
    projectId: uuid,
    projectName: z.string(),
    householdType: z.number().int(),
    bedType: z.number().int(),
    availability: z.number().int(),
    state: BedState,
    version: z.number().int(),
    expectedVacancyDate: z.string().nullable(),
    /** The current stay; the client and name only where the viewer may see the client's identity. */
    stay: z
      .object({
        id: uuid,
        since: z.string(),
        clientId: uuid.nullable(),
        residentName: z.string().nullable(),
      })
      .nullable(),
    hold: z.object({ reservationId: uuid, until: z.string(), householdSize: z.number().int() }).nullable(),
    offline: z.object({ reason: z.string(), until: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'BoardBed' })
export type BoardBed = z.infer<typeof BoardBed>

export const FacilityBoard = z
  .object({ facility: Facility, beds: z.array(BoardBed) })
  .meta({ id: 'FacilityBoard' })
export type FacilityBoard = z.infer<typeof FacilityBoard>

export const NewStay = z
  .object({ bedId: uuid, clientId: uuid, enrollmentId: uuid, reservationId: uuid.optional() })
  .strict()
  .meta({ id: 'NewStay' })
export type NewStay = z.infer<typeof NewStay>

export const NewHouseholdStay = z
  .object({ members: z.array(NewStay).min(1, 'needs at least one member').max(30) })
  .strict()
  .meta({ id: 'NewHouseholdStay' })
export type NewHouseholdStay = z.infer<typeof NewHouseholdStay>

export const Stay = z
  .object({
    id: uuid,
    bedId: uuid,
    clientId: uuid,
    enrollmentId: uuid,
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    endedBy: z.enum(['check_out', 'auto_check_out', 'move']).nullable(),
    movedFromStayId: uuid.nullable(),
  })
  .meta({ id: 'Stay' })
export type Stay = z.infer<typeof Stay>

export const StayList = z.object({ items: z.array(Stay) }).meta({ id: 'StayList' })
export type StayList = z.infer<typeof StayList>

export const StayMove = z.object({ toBedId: uuid }).strict().meta({ id: 'StayMove' })
export type StayMove = z.infer<typeof StayMove>

export const NewReservation = z
  .object({
    facilityId: uuid,
    unitId: uuid.optional(),
    bedId: uuid.optional(),
    startDate: isoDate,
    endDate: isoDate,
    clientIds: z.array(uuid).min(1, 'needs at least one household member').max(30),
  })
  .strict()
  .meta({ id: 'NewReservation' })
export type NewReservation = z.infer<typeof NewReservation>

export const Reservation = z
  .object({
    id: uuid,
    facilityId: uuid,
    unitId: uuid.nullable(),
    bedId: uuid.nullable(),
    startDate: z.string(),
    endDate: z.string(),
    status: z.enum(['active', 'checked_in', 'cancelled', 'expired']),
    clientIds: z.array(uuid),
  })
  .meta({ id: 'Reservation' })
export type Reservation = z.infer<typeof Reservation>

export const NewBedOffline = z
  .object({ reason: requiredText(500), until: timestamp.nullable().default(null) })
  .strict()
  .meta({ id: 'NewBedOffline' })
export type NewBedOffline = z.infer<typeof NewBedOffline>

export const BedOffline = z
  .object({ id: uuid, bedId: uuid, reason: z.string(), from: z.string(), until: z.string().nullable() })
  .meta({ id: 'BedOffline' })
export type BedOffline = z.infer<typeof BedOffline>

/** "Available tonight" for one facility, project type and household type: counts only, never people. */
export const AvailabilityRow = z
  .object({
    facilityId: uuid,
    facilityName: z.string(),
    organizationName: z.string(),
    projectType: z.number().int(),
    householdType: z.number().int(),
    beds: z.number().int(),
    availableTonight: z.number().int(),
    acceptingReferrals: z.number().int(),
  })
  .meta({ id: 'AvailabilityRow' })
export const Availability = z
  .object({ date: z.string(), items: z.array(AvailabilityRow) })
  .meta({ id: 'Availability' })
export type Availability = z.infer<typeof Availability>

/** HUD Inventory.csv (2.07) rows, derived from the bed list. */
export const InventoryRow = z
  .object({
    projectId: uuid,
    cocCode: z.string(),
    householdType: z.number().int(),
    bedType: z.number().int(),
    availability: z.number().int(),
    inventoryStartDate: z.string(),
    inventoryEndDate: z.string().nullable(),
    unitInventory: z.number().int(),
    bedInventory: z.number().int(),
    chVetBedInventory: z.number().int(),
    youthVetBedInventory: z.number().int(),
    vetBedInventory: z.number().int(),
    chYouthBedInventory: z.number().int(),
    youthBedInventory: z.number().int(),
    chBedInventory: z.number().int(),
    otherBedInventory: z.number().int(),
  })
  .meta({ id: 'InventoryRow' })
export const Inventory = z.object({ items: z.array(InventoryRow) }).meta({ id: 'Inventory' })
export type Inventory = z.infer<typeof Inventory>

/** A bar targets exactly one of a project, a facility or a service. */
export const NewClientBar = z
  .object({
    projectId: uuid.optional(),
    facilityId: uuid.optional(),
    service: requiredText(200).optional(),
    beginDate: isoDate,
    endDate: isoDate.nullable().default(null),
    enforcingOrganizationIds: z.array(uuid).min(1, 'needs at least one enforcing agency').max(50),
    reason: requiredText(500),
    notes: text(4000),
  })
  .strict()
  .refine(
    (bar) =>
      [bar.projectId, bar.facilityId, bar.service].filter((target) => target !== undefined).length === 1,
    { message: 'Give exactly one of projectId, facilityId or service', path: ['projectId'] },
  )
  .refine((bar) => bar.endDate === null || bar.endDate >= bar.beginDate, {
    message: 'must be on or after the begin date',
    path: ['endDate'],
  })
  .meta({ id: 'NewClientBar' })
export type NewClientBar = z.infer<typeof NewClientBar>

export const ClientBar = z
  .object({
    id: uuid,
    clientId: uuid,
    projectId: uuid.nullable(),
    facilityId: uuid.nullable(),
    service: z.string().nullable(),
    beginDate: z.string(),
    endDate: z.string().nullable(),
    enforcingOrganizationIds: z.array(uuid),
    reason: z.string(),
    notes: z.string(),
    /** Set when someone ended the bar early; it no longer applies. */
    endedAt: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'ClientBar' })
export type ClientBar = z.infer<typeof ClientBar>
export const ClientBarList = z.object({ items: z.array(ClientBar) }).meta({ id: 'ClientBarList' })
export type ClientBarList = z.infer<typeof ClientBarList>

/** Marks an occupied bed as accepting referrals from the day the resident is expected to leave (null: not). */
export const ExpectedVacancy = z.object({ date: isoDate.nullable() }).strict().meta({ id: 'ExpectedVacancy' })
export type ExpectedVacancy = z.infer<typeof ExpectedVacancy>

export const BedExpectedVacancy = z
  .object({ bedId: uuid, date: z.string().nullable() })
  .meta({ id: 'BedExpectedVacancy' })
export type BedExpectedVacancy = z.infer<typeof BedExpectedVacancy>

export const NewFacility = z
  .object({ organizationId: uuid, name: requiredText(200), address: text(500).nullable().default(null) })
  .strict()
  .meta({ id: 'NewFacility' })
export type NewFacility = z.infer<typeof NewFacility>

export const DEDICATED_POPULATIONS = [
  'ch_veteran',
  'youth_veteran',
  'veteran',
  'ch_youth',
  'youth',
  'ch',
] as const

/** A bed, in its room or unit (created on first use), serving one project. */
export const NewBed = z
  .object({
    building: requiredText(100).nullable().default(null),
    unit: requiredText(100),
    name: requiredText(100),
    projectId: uuid,
    householdType: hudCode('2.07.4'),
    bedType: hudCode('2.07.5').default(1),
    availability: hudCode('2.07.6').default(1),
    /** HUD 2.07.7–2.07.12; null counts as other beds. */
    dedicatedPopulation: z.enum(DEDICATED_POPULATIONS).nullable().default(null),
    activeFrom: isoDate,
    activeTo: isoDate.nullable().default(null),
  })
  .strict()
  .refine((bed) => bed.activeTo === null || bed.activeTo >= bed.activeFrom, {
    message: 'must be on or after activeFrom',
    path: ['activeTo'],
  })
  .meta({ id: 'NewBed' })
export type NewBed = z.infer<typeof NewBed>

export const Bed = z
  .object({
    id: uuid,
    facilityId: uuid,
    unitId: uuid,
    projectId: uuid,
    name: z.string(),
    householdType: z.number().int(),
    bedType: z.number().int(),
    availability: z.number().int(),
    dedicatedPopulation: z.enum(DEDICATED_POPULATIONS).nullable(),
    activeFrom: z.string(),
    activeTo: z.string().nullable(),
  })
  .meta({ id: 'Bed' })
export type Bed = z.infer<typeof Bed>
