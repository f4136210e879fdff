import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
  type RaceEthnicityColumn,
} from '@threshold/core'
import type { Restriction } from '../clients/client.tables'
import type { ReleaseDocumentation, ReleaseScope } from '../releases/release.tables'
import { fromDayNumber, timestampOn, toDayNumber } from './dates'
import { hasAccents, nicknamesFor, stripAccents, surnameParts, swapDayAndMonth, typo } from './entry-errors'
import {
  FIRST_NAMES,
  LAST_NAMES,
  MIDDLE_NAMES,
  type NameOrigin,
  STREET_NAMES,
  SURNAME_SYLLABLES,
} from './names'
import { createRandom, type Random, zipfSampler } from './random'
import { ssnForPerson, ssnTranspositions } from './ssn'

// A realistic synthetic Continuum of Care: clients in households, aliases, releases of information in every
// state, a few restricted and confidential records, and planted duplicates (the same person entered again by
// another agency, with the slips people make) whose ground truth is returned for benchmarks. Rows stream
// out in batches, so a million clients never sit in memory at once; the same options give the same rows.

export interface SyntheticOrganization {
  id: string
  /** The staff member who witnesses and records this agency's releases. */
  staffUserId: string
  /** Victim service providers own the confidential (DV) records and nothing else. */
  victimServiceProvider?: boolean
}

export interface SyntheticCocOptions {
  seed: number
  clients: number
  organizations: readonly SyntheticOrganization[]
  /** 'YYYY-MM-DD': ages, creation and release dates are relative to this day. */
  today: string
  /** Clients per batch (a household never straddles two batches, so batches may run a little over). */
  batchSize?: number
}

export interface SyntheticClient {
  id: string
  ownerOrganizationId: string
  restriction: Restriction
  firstName: string | null
  middleName: string | null
  lastName: string | null
  nameSuffix: string | null
  nameDataQuality: number
  ssn: string | null
  ssnLast4: string | null
  ssnDataQuality: number
  dob: string | null
  dobDataQuality: number
  raceEthnicity: RaceEthnicityColumn[]
  raceNone: number | null
  sex: number
  veteranStatus: number | null
  /** ISO timestamp. */
  createdAt: string
  /** The owner agency's staff member who entered the record. */
  createdBy: string
}

export interface SyntheticAlias {
  clientId: string
  kind: 'former_name' | 'alias'
  firstName: string | null
  lastName: string | null
}

export type HouseholdKind = 'single_adult' | 'family' | 'couple' | 'youth'

export interface SyntheticHouseholdMember {
  clientId: string
  /** HUD 3.15.1: 1 head, 2 child, 3 spouse or partner, 4 other relation, 5 non-relation. */
  relationshipToHoh: number
  joinedOn: string
  removedOn: string | null
}

export interface SyntheticHousehold {
  id: string
  kind: HouseholdKind
  ownerOrganizationId: string
  createdAt: string
  createdBy: string
  /** The head of household first. */
  members: SyntheticHouseholdMember[]
}

export type ReleaseState = 'active_coc' | 'active_organizations' | 'expired' | 'revoked' | 'verbal_unsigned'

export interface SyntheticRelease {
  id: string
  state: ReleaseState
  clientId: string
  /** The client, or the head of household for a child. */
  signedByClientId: string
  recordedByOrganizationId: string
  staffUserId: string
  releaseIdentity: boolean
  releaseProjectData: boolean
  scope: ReleaseScope
  organizationIds: string[]
  startDate: string
  endDate: string
  documentation: ReleaseDocumentation
  revokedOn: string | null
  revokedReason: string | null
  createdAt: string
}

export type DuplicateError =
  | 'nickname'
  | 'first_name_typo'
  | 'last_name_typo'
  | 'dob_day_month_swapped'
  | 'ssn_transposed'
  | 'ssn_missing'
  | 'surname_part'
  | 'accents_dropped'

/** Ground truth: `duplicateId` is the same person as `originalId`, entered again by another agency. */
export interface PlantedDuplicate {
  originalId: string
  duplicateId: string
  errors: DuplicateError[]
}

export interface SyntheticBatch {
  clients: SyntheticClient[]
  aliases: SyntheticAlias[]
  households: SyntheticHousehold[]
  releases: SyntheticRelease[]
  duplicates: PlantedDuplicate[]
}

const HOUSEHOLD_KINDS = [
  ['single_adult', 70],
  ['family', 20],
  ['couple', 6],
  ['youth', 4],
] as const satisfies readonly (readonly [HouseholdKind, number])[]

const ORIGINS = [
  ['general', 45],
  ['black', 33],
  ['hispanic', 15],
  ['vietnamese', 3],
  ['other', 4],
] as const satisfies readonly (readonly [NameOrigin, number])[]

/** How often someone of each origin has a first name from the general list instead (Kevin Nguyen). */
const GENERAL_FIRST_NAME_SHARE: Record<NameOrigin, number> = {
  general: 1,
  black: 0.45,
  hispanic: 0.15,
  vietnamese: 0.2,
  other: 0.3,
}

/** Surnames: the origin's own list, the general list, or the long tail of rarer names. */
const SURNAME_SOURCES: Record<NameOrigin, readonly (readonly ['own' | 'general' | 'rare', number])[]> = {
  general: [
    ['general', 65],
    ['rare', 35],
  ],
  black: [
    ['own', 20],
    ['general', 50],
    ['rare', 30],
  ],
  hispanic: [
    ['own', 88],
    ['rare', 12],
  ],
  vietnamese: [['own', 100]],
  other: [
    ['own', 85],
    ['rare', 15],
  ],
}

const RACES: Record<NameOrigin, readonly (readonly [RaceEthnicityColumn[], number])[]> = {
  general: [
    [['White'], 88],
    [['AmIndAKNative', 'White'], 5],
    [['HispanicLatinao', 'White'], 4],
    [['AmIndAKNative'], 3],
  ],
  black: [
    [['BlackAfAmerican'], 90],
    [['BlackAfAmerican', 'White'], 7],
    [['BlackAfAmerican', 'HispanicLatinao'], 3],
  ],
  hispanic: [
    [['HispanicLatinao'], 55],
    [['HispanicLatinao', 'White'], 38],
    [['BlackAfAmerican', 'HispanicLatinao'], 5],
    [['AmIndAKNative', 'HispanicLatinao'], 2],
  ],
  vietnamese: [
    [['Asian'], 95],
    [['Asian', 'White'], 5],
  ],
  other: [
    [['MidEastNAfrican'], 25],
    [['BlackAfAmerican'], 25],
    [['Asian'], 20],
    [['AmIndAKNative'], 15],
    [['NativeHIPacific'], 10],
    [['White'], 5],
  ],
}

/** Adult ages at today's date, by band (single adults in HMIS skew to 25–64). */
const ADULT_AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 10],
  [[25, 34], 22],
  [[35, 44], 22],
  [[45, 54], 22],
  [[55, 64], 18],
  [[65, 75], 6],
]

const MISSING_REASONS = [
  [CLIENT_DOESNT_KNOW, 40],
  [CLIENT_PREFERS_NOT_TO_ANSWER, 25],
  [DATA_NOT_COLLECTED, 35],
] as const

/** In the order they are applied: a nickname replaces the name before any typo lands in it. */
const DUPLICATE_ERROR_WEIGHTS: readonly (readonly [DuplicateError, number])[] = [
  ['nickname', 20],
  ['surname_part', 15],
  ['accents_dropped', 15],
  ['first_name_typo', 15],
  ['last_name_typo', 15],
  ['dob_day_month_swapped', 10],
  ['ssn_transposed', 10],
  ['ssn_missing', 15],
]

// How steeply name frequency falls along each list (the `offset` of `zipfSampler`), set so the most
// common names have about their real share (US Census 2010 surnames, SSA given names): Smith ≈ 1 % of
// everyone, García ≈ 3 % of Hispanic surnames, Nguyễn ≈ 30 % of Vietnamese ones, Michael ≈ 1.5 %.
const FIRST_NAME_CURVE = 10
const SURNAME_CURVE: Record<NameOrigin, number> = {
  general: 20,
  black: 10,
  hispanic: 15,
  vietnamese: 1,
  other: 5,
}

/** Share of adult records entered again by another agency: about 1 % of all client rows. */
const DUPLICATE_RATE = 0.014
/** Share of adults with a former name or alias recorded: about 5 % of all client rows. */
const ALIAS_RATE = 0.065
const DAYS_PER_YEAR = 365.25

/** HUD 3.15.1 RelationshipToHoH codes used here. */
const RELATIONSHIP = { head: 1, child: 2, partner: 3, otherRelation: 4, nonRelation: 5 } as const

type Sex = 'female' | 'male'

interface Person {
  origin: NameOrigin
  sex: Sex
  age: number
  lastName: string
  relationshipToHoh: number
}

interface HouseholdContext {
  ownerOrganizationId: string
  restriction: Restriction
  createdDay: number
  keepsAccents: boolean
}

interface ReleasePlan {
  state: ReleaseState
  scope: ReleaseScope
  organizationIds: string[]
  startDay: number
  endDay: number
  releaseProjectData: boolean
  revokedDay: number | null
}

export function* generateCoc(options: SyntheticCocOptions): Generator<SyntheticBatch> {
  const generator = new CocGenerator(options)
  const batchSize = options.batchSize ?? 10_000
  let batch = emptyBatch()
  while (generator.remaining > 0) {
    generator.addHousehold(batch)
    if (batch.clients.length >= batchSize) {
      yield batch
      batch = emptyBatch()
    }
  }
  if (batch.clients.length > 0) yield batch
}

function emptyBatch(): SyntheticBatch {
  return { clients: [], aliases: [], households: [], releases: [], duplicates: [] }
}

type Sampler = (random: Random) => string

class CocGenerator {
  remaining: number
  private readonly random: Random
  private readonly today: number
  private readonly yesterday: number
  private readonly ssnKey: number
  private personNumber = 0
  /** The agencies that own ordinary records (every agency but the victim service providers). */
  private readonly agencies: readonly SyntheticOrganization[]
  private readonly victimServiceProviders: readonly SyntheticOrganization[]
  private readonly pickAgency: (random: Random) => SyntheticOrganization
  private readonly staffByOrganization: ReadonlyMap<string, string>
  private readonly firstNames = new Map<string, Sampler>()
  private readonly lastNames = new Map<NameOrigin, Sampler>()

  constructor(options: SyntheticCocOptions) {
    if (!Number.isInteger(options.clients) || options.clients < 0) {
      throw new Error('clients must be a whole number, 0 or more')
    }
    if (options.organizations.length === 0) throw new Error('A synthetic CoC needs at least one organization')
    this.remaining = options.clients
    this.random = createRandom(options.seed)
    this.today = toDayNumber(options.today)
    this.yesterday = this.today - 1
    this.ssnKey = this.random.int(0, 2 ** 31 - 1)
    this.victimServiceProviders = options.organizations.filter((org) => org.victimServiceProvider)
    const others = options.organizations.filter((org) => !org.victimServiceProvider)
    this.agencies = others.length > 0 ? others : options.organizations
    // A few agencies (access points, big shelters) enter most clients.
    this.pickAgency = zipfSampler(this.agencies, 2)
    this.staffByOrganization = new Map(options.organizations.map((org) => [org.id, org.staffUserId]))
    for (const [origin, lists] of Object.entries(FIRST_NAMES)) {
      this.firstNames.set(`${origin}:female`, zipfSampler(lists.female, FIRST_NAME_CURVE))
      this.firstNames.set(`${origin}:male`, zipfSampler(lists.male, FIRST_NAME_CURVE))
    }
    for (const [origin, list] of Object.entries(LAST_NAMES)) {
      this.lastNames.set(origin as NameOrigin, zipfSampler(list, SURNAME_CURVE[origin as NameOrigin]))
    }
  }

  addHousehold(batch: SyntheticBatch): void {
    const random = this.random
    let kind = random.weighted(HOUSEHOLD_KINDS)
    const restriction = random.weighted<Restriction>([
      ['open', 94.2],
      ['restricted', 5],
      ['confidential', 0.8],
    ])
    const origin = random.weighted(ORIGINS)
    let people = this.householdPeople(kind, origin)
    // The last few places go to single adults rather than to a family cut short.
    if (people.length > this.remaining) {
      kind = 'single_adult'
      people = this.householdPeople(kind, origin)
    }
    const youngestAgeDays = Math.min(...people.map((person) => person.age)) * DAYS_PER_YEAR
    const context: HouseholdContext = {
      ownerOrganizationId: this.ownerFor(restriction),
      restriction,
      // Known for up to ten years (never before the youngest was born), skewed to recent years. Nothing is
      // dated today: the generator knows the day, not the hour, and must not write the future.
      createdDay: this.yesterday - Math.floor(Math.min(3650, youngestAgeDays) * random.next() ** 1.6),
      keepsAccents: random.chance(0.55),
    }
    const clients = people.map((person) => this.client(person, context))
    this.remaining -= clients.length
    batch.clients.push(...clients)
    batch.households.push(this.household(kind, context, clients, people))
    const head = clients[0] as SyntheticClient
    const release = this.releasePlan(context)
    for (const [index, client] of clients.entries()) {
      const person = people[index] as Person
      const adult = person.age >= 18
      if (release) batch.releases.push(this.release(release, client, adult ? client : head, context))
      if (adult && random.chance(ALIAS_RATE)) batch.aliases.push(this.alias(client, person))
    }
    // Confidential (DV) records stay with their agency; anyone else may be entered again elsewhere.
    for (const [index, client] of clients.entries()) {
      if ((people[index] as Person).age < 18 || restriction === 'confidential' || this.remaining === 0)
        continue
      if (random.chance(DUPLICATE_RATE)) this.addDuplicate(batch, client)
    }
  }

  private householdPeople(kind: HouseholdKind, origin: NameOrigin): Person[] {
    const random = this.random
    const head = (sex: Sex, age: number): Person => ({
      origin,
      sex,
      age,
      lastName: this.lastName(origin),
      relationshipToHoh: RELATIONSHIP.head,
    })
    const stranger = (relationshipToHoh: number, age: number, sex = this.sex()): Person => ({
      ...head(sex, age),
      relationshipToHoh,
    })
    if (kind === 'single_adult') return [head(random.chance(0.68) ? 'male' : 'female', this.adultAge())]
    if (kind === 'youth') {
      const youth = head(random.chance(0.55) ? 'male' : 'female', random.int(18, 24))
      const extra = random.weighted([
        ['alone', 80],
        ['child', 10],
        ['peer', 10],
      ] as const)
      if (extra === 'child') return [youth, this.child(youth, random.int(0, 3))]
      if (extra === 'peer') return [youth, stranger(RELATIONSHIP.nonRelation, random.int(18, 24))]
      return [youth]
    }
    if (kind === 'couple') {
      const adult = head(this.sex(), this.adultAge())
      return [adult, this.partner(adult)]
    }
    const parent = head(random.chance(0.8) ? 'female' : 'male', random.int(19, 50))
    const family: Person[] = [parent]
    if (random.chance(0.3)) family.push(this.partner(parent))
    const children = random.weighted([
      [1, 40],
      [2, 30],
      [3, 20],
      [4, 10],
    ] as const)
    for (let i = 0; i < children; i++)
      family.push(this.child(parent, random.int(0, Math.min(17, parent.age - 16))))
    // Sometimes a grandmother lives with the family.
    if (random.chance(0.05)) family.push(stranger(RELATIONSHIP.otherRelation, random.int(55, 75), 'female'))
    return family
  }

  private partner(head: Person): Person {
    const random = this.random
    const sex: Sex = random.chance(0.9) ? (head.sex === 'male' ? 'female' : 'male') : head.sex
    return {
      origin: head.origin,
      sex,
      age: Math.max(18, head.age + random.int(-6, 6)),
      lastName: random.chance(0.5) ? head.lastName : this.lastName(head.origin),
      relationshipToHoh: RELATIONSHIP.partner,
    }
  }

  private child(parent: Person, age: number): Person {
    const random = this.random
    const otherParent = this.lastName(parent.origin)
    const single = !/[- ]/.test(parent.lastName) && !/[- ]/.test(otherParent)
    const lastName = random.weighted([
      [parent.lastName, 75],
      [otherParent, 20],
      [`${parent.lastName}-${otherParent}`, single ? 5 : 0],
    ])
    return { origin: parent.origin, sex: this.sex(), age, lastName, relationshipToHoh: RELATIONSHIP.child }
  }

  private client(person: Person, context: HouseholdContext): SyntheticClient {
    const random = this.random
    this.personNumber += 1
    const adult = person.age >= 18
    const written = (name: string | null) =>
      name === null || context.keepsAccents ? name : stripAccents(name)
    const name = this.name(person, adult)
    const [raceEthnicity, raceNone] = random.chance(0.03)
      ? [[], random.weighted(MISSING_REASONS)]
      : [random.weighted(RACES[person.origin]), null]
    return {
      id: random.uuid(),
      ownerOrganizationId: context.ownerOrganizationId,
      restriction: context.restriction,
      firstName: written(name.first),
      middleName: written(name.middle),
      lastName: written(name.last),
      nameSuffix: name.suffix,
      nameDataQuality: name.quality,
      ...this.ssn(adult),
      ...this.dob(person.age, adult),
      raceEthnicity,
      raceNone,
      sex: random.chance(0.985) ? (person.sex === 'female' ? 0 : 1) : random.weighted(MISSING_REASONS),
      veteranStatus: adult ? this.veteranStatus(person) : null,
      createdAt: timestampOn(context.createdDay, random.int(8 * 60, 18 * 60)),
      createdBy: this.staffOf(context.ownerOrganizationId),
    }
  }

  private name(person: Person, adult: boolean): RecordedName {
    const random = this.random
    const first = this.firstName(person.origin, person.sex)
    const quality = adult
      ? random.weighted<number | 'missing'>([
          [1, 97],
          [2, 2],
          ['missing', 1],
        ])
      : 1
    const none = { first: null, middle: null, last: null, suffix: null }
    if (quality === 'missing') return { ...none, quality: random.weighted(MISSING_REASONS) }
    // Partial: a street name, or a first name alone.
    if (quality === 2)
      return { ...none, first: random.chance(0.6) ? random.pick(STREET_NAMES) : first, quality }
    let middle: string | null = null
    if (random.chance(0.3)) {
      const full = random.pick(MIDDLE_NAMES[person.sex])
      middle = random.chance(0.6) ? full : stripAccents(full).charAt(0)
    }
    const suffix =
      adult && person.sex === 'male' && random.chance(0.03)
        ? random.weighted([
            ['Jr.', 60],
            ['Sr.', 15],
            ['II', 10],
            ['III', 15],
          ])
        : null
    return { first, middle, last: person.lastName, suffix, quality }
  }

  private firstName(origin: NameOrigin, sex: Sex): string {
    const list = this.random.chance(GENERAL_FIRST_NAME_SHARE[origin]) ? 'general' : origin
    return (this.firstNames.get(`${list}:${sex}`) as Sampler)(this.random)
  }

  private lastName(origin: NameOrigin): string {
    const random = this.random
    const source = random.weighted(SURNAME_SOURCES[origin])
    const single =
      source === 'rare'
        ? rareSurname(random)
        : (this.lastNames.get(source === 'own' ? origin : 'general') as Sampler)(random)
    // Double surnames: Hispanic families often keep both; elsewhere an occasional hyphenated name.
    const hispanic = origin === 'hispanic'
    if (!random.chance(hispanic ? 0.25 : 0.02)) return single
    const second = (this.lastNames.get(hispanic ? 'hispanic' : 'general') as Sampler)(random)
    if (second === single || /[- ]/.test(single) || /[- ]/.test(second)) return single
    return hispanic && random.chance(0.6) ? `${single} ${second}` : `${single}-${second}`
  }

  private ssn(adult: boolean): Pick<SyntheticClient, 'ssn' | 'ssnLast4' | 'ssnDataQuality'> {
    const random = this.random
    const ssn = ssnForPerson(this.personNumber, this.ssnKey)
    const kind = random.weighted([
      ['full', adult ? 77 : 65],
      ['last4', 10],
      ['missing', adult ? 13 : 25],
    ] as const)
    if (kind === 'full') return { ssn, ssnLast4: ssn.slice(5), ssnDataQuality: 1 }
    if (kind === 'last4') return { ssn: null, ssnLast4: ssn.slice(5), ssnDataQuality: 2 }
    return { ssn: null, ssnLast4: null, ssnDataQuality: random.weighted(MISSING_REASONS) }
  }

  private dob(age: number, adult: boolean): Pick<SyntheticClient, 'dob' | 'dobDataQuality'> {
    const random = this.random
    const born = this.yesterday - Math.floor(age * DAYS_PER_YEAR) - random.int(0, 364)
    const quality = random.weighted<number | 'missing'>([
      [1, adult ? 92 : 97],
      [2, adult ? 4 : 3],
      ['missing', adult ? 4 : 0],
    ])
    if (quality === 'missing') return { dob: null, dobDataQuality: random.weighted(MISSING_REASONS) }
    // An approximate DOB is recorded as 1 January of the estimated year.
    const dob = quality === 2 ? `${fromDayNumber(born).slice(0, 4)}-01-01` : fromDayNumber(born)
    return { dob, dobDataQuality: quality }
  }

  private veteranStatus(person: Person): number {
    const random = this.random
    if (random.chance(0.045)) return random.weighted(MISSING_REASONS)
    return random.chance(person.sex === 'male' && person.age >= 30 ? 0.12 : 0.02) ? 1 : 0
  }

  private adultAge(): number {
    const [low, high] = this.random.weighted(ADULT_AGE_BANDS)
    return this.random.int(low, high)
  }

  private sex(): Sex {
    return this.random.chance(0.5) ? 'female' : 'male'
  }

  private staffOf(organizationId: string): string {
    return this.staffByOrganization.get(organizationId) as string
  }

  private ownerFor(restriction: Restriction): string {
    if (restriction === 'confidential' && this.victimServiceProviders.length > 0) {
      return this.random.pick(this.victimServiceProviders).id
    }
    return this.pickAgency(this.random).id
  }

  private household(
    kind: HouseholdKind,
    context: HouseholdContext,
    clients: SyntheticClient[],
    people: Person[],
  ): SyntheticHousehold {
    const random = this.random
    const members = clients.map((client, index): SyntheticHouseholdMember => {
      const person = people[index] as Person
      // Now and then an adult member has left the household since.
      const left =
        person.relationshipToHoh !== RELATIONSHIP.head &&
        person.age >= 18 &&
        context.createdDay < this.yesterday &&
        random.chance(0.07)
      return {
        clientId: client.id,
        relationshipToHoh: person.relationshipToHoh,
        joinedOn: fromDayNumber(context.createdDay),
        removedOn: left ? fromDayNumber(random.int(context.createdDay + 1, this.yesterday)) : null,
      }
    })
    return {
      id: random.uuid(),
      kind,
      ownerOrganizationId: context.ownerOrganizationId,
      createdAt: (clients[0] as SyntheticClient).createdAt,
      createdBy: this.staffOf(context.ownerOrganizationId),
      members,
    }
  }

  private releasePlan(context: HouseholdContext): ReleasePlan | null {
    const random = this.random
    const { restriction, createdDay } = context
    if (random.chance({ open: 0.15, restricted: 0.4, confidential: 0.5 }[restriction])) return null
    let state = random.weighted<ReleaseState>([
      // A CoC-wide release would defeat a restricted or confidential record's purpose.
      ['active_coc', restriction === 'open' ? 50 : 0],
      ['active_organizations', 20],
      ['expired', restriction === 'confidential' ? 0 : 12],
      ['revoked', restriction === 'confidential' ? 0 : 6],
      ['verbal_unsigned', 12],
    ])
    // A one-year release can't have run out unless the household was known for over a year.
    if (state === 'expired' && createdDay > this.today - 400) state = 'active_organizations'
    const term =
      state === 'expired' || state === 'verbal_unsigned'
        ? 365
        : random.weighted([
            [365, 70],
            [1095, 30],
          ])
    let startDay: number
    if (state === 'expired') startDay = random.int(createdDay, this.today - term - 1)
    else if (state === 'verbal_unsigned') startDay = Math.max(createdDay, this.yesterday - random.int(0, 20))
    else startDay = Math.max(createdDay, this.yesterday - random.int(0, term - 2))
    const endDay = startDay + term - 1
    const named =
      state === 'active_organizations' ||
      restriction !== 'open' ||
      (state !== 'active_coc' && random.chance(0.3))
    const organizationIds = [context.ownerOrganizationId]
    const partner = this.pickAgency(random).id
    if (partner !== context.ownerOrganizationId) organizationIds.push(partner)
    return {
      state,
      scope: named ? 'organizations' : 'coc',
      organizationIds: named ? organizationIds : [],
      startDay,
      endDay,
      releaseProjectData: random.chance(0.9),
      revokedDay: state === 'revoked' ? random.int(startDay, Math.min(endDay, this.today)) : null,
    }
  }

  private release(
    plan: ReleasePlan,
    client: SyntheticClient,
    signer: SyntheticClient,
    context: HouseholdContext,
  ): SyntheticRelease {
    return {
      id: this.random.uuid(),
      state: plan.state,
      clientId: client.id,
      signedByClientId: signer.id,
      recordedByOrganizationId: context.ownerOrganizationId,
      staffUserId: this.staffOf(context.ownerOrganizationId),
      releaseIdentity: true,
      releaseProjectData: plan.releaseProjectData,
      scope: plan.scope,
      organizationIds: plan.organizationIds,
      startDate: fromDayNumber(plan.startDay),
      endDate: fromDayNumber(plan.endDay),
      documentation: plan.state === 'verbal_unsigned' ? 'verbal' : 'signed',
      revokedOn: plan.revokedDay === null ? null : fromDayNumber(plan.revokedDay),
      revokedReason: plan.revokedDay === null ? null : 'Client withdrew consent',
      createdAt: timestampOn(plan.startDay, this.random.int(8 * 60, 18 * 60)),
    }
  }

  private alias(client: SyntheticClient, person: Person): SyntheticAlias {
    const random = this.random
    const nicknames = client.firstName ? nicknamesFor(client.firstName) : []
    const kind = random.weighted([
      ['former_name', person.sex === 'female' ? 60 : 15],
      ['nickname', nicknames.length > 0 ? 25 : 0],
      ['street_name', 20],
    ] as const)
    const alias = { clientId: client.id, kind: 'alias' as const }
    if (kind === 'former_name') {
      return { ...alias, kind, firstName: client.firstName, lastName: this.lastName(person.origin) }
    }
    if (kind === 'nickname') return { ...alias, firstName: random.pick(nicknames), lastName: client.lastName }
    return { ...alias, firstName: random.pick(STREET_NAMES), lastName: null }
  }

  private addDuplicate(batch: SyntheticBatch, original: SyntheticClient): void {
    const random = this.random
    if (original.nameDataQuality !== 1 || !original.firstName || !original.lastName) return
    const errors = pickDuplicateErrors(original, random)
    const others = this.agencies.filter((org) => org.id !== original.ownerOrganizationId)
    const owner = others.length > 0 ? random.pick(others).id : original.ownerOrganizationId
    // Days to years later; a re-entry the same day (as late as yesterday) comes a little after the first.
    const originalDay = toDayNumber(original.createdAt.slice(0, 10))
    const createdDay = Math.min(this.yesterday, originalDay + random.int(7, 900))
    const minute =
      createdDay === originalDay
        ? minuteOfDay(original.createdAt) + random.int(1, 120)
        : random.int(8 * 60, 18 * 60)
    const duplicate: SyntheticClient = {
      ...original,
      id: random.uuid(),
      ownerOrganizationId: owner,
      restriction: 'open',
      // The second agency often skips the middle name.
      middleName: random.chance(0.5) ? original.middleName : null,
      createdAt: timestampOn(createdDay, minute),
      createdBy: this.staffOf(owner),
    }
    for (const error of errors) applyError(error, duplicate, random)
    this.remaining -= 1
    batch.clients.push(duplicate)
    batch.duplicates.push({ originalId: original.id, duplicateId: duplicate.id, errors })
    batch.households.push({
      id: random.uuid(),
      kind: 'single_adult',
      ownerOrganizationId: owner,
      createdAt: duplicate.createdAt,
      createdBy: duplicate.createdBy,
      members: [
        {
          clientId: duplicate.id,
          relationshipToHoh: RELATIONSHIP.head,
          joinedOn: fromDayNumber(createdDay),
          removedOn: null,
        },
      ],
    })
  }
}

interface RecordedName {
  first: string | null
  middle: string | null
  last: string | null
  suffix: string | null
  quality: number
}

function minuteOfDay(timestamp: string): number {
  return Number(timestamp.slice(11, 13)) * 60 + Number(timestamp.slice(14, 16))
}

function rareSurname(random: Random): string {
  const { first, middle, last } = SURNAME_SYLLABLES
  return `${random.pick(first)}${random.pick(middle)}${random.pick(last)}`
}

/** Errors that can't both happen to one field are never drawn together. */
const EXCLUSIVE_ERRORS: readonly (readonly DuplicateError[])[] = [['ssn_transposed', 'ssn_missing']]

/** One slip (two now and then), only among those that can happen to this record. */
function pickDuplicateErrors(original: SyntheticClient, random: Random): DuplicateError[] {
  let candidates = DUPLICATE_ERROR_WEIGHTS.filter(([error]) => errorApplies(error, original))
  const errors: DuplicateError[] = []
  const wanted = random.chance(0.65) ? 1 : 2
  while (errors.length < wanted && candidates.length > 0) {
    const error = random.weighted(candidates)
    errors.push(error)
    const excluded = EXCLUSIVE_ERRORS.find((group) => group.includes(error)) ?? [error]
    candidates = candidates.filter(([candidate]) => candidate !== error && !excluded.includes(candidate))
  }
  return DUPLICATE_ERROR_WEIGHTS.map(([error]) => error).filter((error) => errors.includes(error))
}

function errorApplies(error: DuplicateError, client: SyntheticClient): boolean {
  const first = client.firstName ?? ''
  const last = client.lastName ?? ''
  switch (error) {
    case 'nickname':
      return nicknamesFor(first).length > 0
    case 'first_name_typo':
      return first.length >= 3
    case 'last_name_typo':
      return last.length >= 3
    case 'dob_day_month_swapped':
      return client.dobDataQuality === 1 && client.dob !== null && swapDayAndMonth(client.dob) !== null
    case 'ssn_transposed':
      return client.ssn !== null && ssnTranspositions(client.ssn).length > 0
    case 'ssn_missing':
      return client.ssn !== null
    case 'surname_part':
      return surnameParts(last).length >= 2
    case 'accents_dropped':
      return hasAccents(`${first} ${last}`)
  }
}

function applyError(error: DuplicateError, client: SyntheticClient, random: Random): void {
  const first = client.firstName as string
  const last = client.lastName as string
  switch (error) {
    case 'nickname':
      client.firstName = random.pick(nicknamesFor(first))
      break
    case 'first_name_typo':
      client.firstName = typo(first, random)
      break
    case 'last_name_typo':
      client.lastName = typo(last, random)
      break
    case 'dob_day_month_swapped':
      client.dob = swapDayAndMonth(client.dob as string)
      break
    case 'ssn_transposed': {
      const ssn = random.pick(ssnTranspositions(client.ssn as string))
      client.ssn = ssn
      client.ssnLast4 = ssn.slice(5)
      break
    }
    case 'ssn_missing':
      client.ssn = null
      client.ssnLast4 = null
      client.ssnDataQuality = random.weighted(MISSING_REASONS)
      break
    case 'surname_part':
      client.lastName = random.pick(surnameParts(last))
      break
    case 'accents_dropped':
      client.firstName = stripAccents(first)
      client.lastName = stripAccents(last)
      break
  }
}
