import { z } from 'zod'
import { hudCodes } from '../hud/index'
import { RoleSchema } from './auth'
import { isoDate, Paging, requiredText, text, uuid } from './common'

/** A query-string flag: exactly `true` or `false` (a bare coercion would read "false" as true). */
export const booleanQuery = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true')

/** The longest default release term a CoC may set (the CoC setting `releaseDefaultMonths`). */
export const MAX_RELEASE_DEFAULT_MONTHS = 60

const cocSettingFields = {
  mfaRequiredRoles: z.array(RoleSchema),
  releaseDefaultMonths: z
    .number({ error: 'must be a number of months' })
    .int('must be a whole number of months')
    .min(1, 'must be at least 1 month')
    .max(MAX_RELEASE_DEFAULT_MONTHS, `must be at most ${MAX_RELEASE_DEFAULT_MONTHS} months`)
    .describe('Months a new release of information lasts when its end date is not given'),
  searchMaskedHint: z
    .boolean()
    .describe(
      'Find Client says (with no details) that a likely match exists in a restricted record the searcher cannot open',
    ),
  shareableCaseNotes: z
    .boolean()
    .describe('Authors may mark case notes shareable with agencies that hold a project-data release'),
}

export const Coc = z
  .object({ id: z.string(), code: z.string(), name: z.string(), ...cocSettingFields })
  .meta({ id: 'Coc' })
export type Coc = z.infer<typeof Coc>

export const NewCoc = z
  .object({
    code: z.string().regex(/^[A-Z]{2}-\d{3}$/, 'must look like GA-502'),
    name: requiredText(200),
  })
  .strict()
  .meta({ id: 'NewCoc' })
export type NewCoc = z.infer<typeof NewCoc>

export const CocPatch = z
  .object({ name: requiredText(200), ...cocSettingFields })
  .partial()
  .strict()
  .meta({ id: 'CocPatch' })
export type CocPatch = z.infer<typeof CocPatch>

export const CocList = z.array(Coc)

export const Organization = z
  .object({
    id: z.string(),
    cocId: z.string(),
    name: z.string(),
    victimServiceProvider: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'Organization' })
export type Organization = z.infer<typeof Organization>

export const NewOrganization = z
  .object({
    cocId: uuid.optional().describe('Defaults to the CoC of the organization you are acting in'),
    name: requiredText(200),
    victimServiceProvider: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'NewOrganization' })
export type NewOrganization = z.infer<typeof NewOrganization>

export const OrganizationPatch = z
  .object({ name: requiredText(200), victimServiceProvider: z.boolean(), active: z.boolean() })
  .partial()
  .strict()
  .meta({ id: 'OrganizationPatch' })
export type OrganizationPatch = z.infer<typeof OrganizationPatch>

export const OrganizationList = z.array(Organization)

export const OrganizationQuery = z.object({ cocId: uuid.optional(), active: booleanQuery.optional() })
export type OrganizationQuery = z.infer<typeof OrganizationQuery>

/** HUD 2.08 HMIS Participation Type: 0 not participating, 1 HMIS participating, 2 comparable database. */
export const HmisParticipation = z.union([z.literal(0), z.literal(1), z.literal(2)])

export const Project = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    cocId: z.string(),
    name: z.string(),
    projectType: z.number().int(),
    operatingStartDate: z.string(),
    operatingEndDate: z.string().nullable(),
    continuumProject: z.boolean(),
    hmisParticipation: z.number().int(),
    active: z.boolean(),
    /** Other projects' agencies may refer households to its openings directly, without the CE queue. */
    acceptsDirectReferrals: z.boolean(),
  })
  .meta({ id: 'Project' })
export type Project = z.infer<typeof Project>

const PROJECT_TYPE_CODES = hudCodes('2.02.6')

/** HUD 2.02.6 Project Type; the message lists the valid codes (there is no 5). */
export const ProjectType = z.literal(PROJECT_TYPE_CODES, {
  error: `must be a HUD project type code (list 2.02.6): ${PROJECT_TYPE_CODES.join(', ')}`,
})

const projectFields = {
  name: requiredText(200),
  projectType: ProjectType,
  operatingStartDate: isoDate,
  operatingEndDate: isoDate.nullable(),
  continuumProject: z.boolean(),
  hmisParticipation: HmisParticipation,
  active: z.boolean(),
  acceptsDirectReferrals: z.boolean(),
}

export const NewProject = z
  .object({
    organizationId: uuid,
    ...projectFields,
    operatingEndDate: projectFields.operatingEndDate.default(null),
    continuumProject: projectFields.continuumProject.default(true),
    hmisParticipation: projectFields.hmisParticipation.default(1),
    active: projectFields.active.default(true),
    acceptsDirectReferrals: projectFields.acceptsDirectReferrals.default(false),
  })
  .strict()
  .meta({ id: 'NewProject' })
export type NewProject = z.infer<typeof NewProject>

export const ProjectPatch = z.object(projectFields).partial().strict().meta({ id: 'ProjectPatch' })
export type ProjectPatch = z.infer<typeof ProjectPatch>

export const ProjectList = z.array(Project)

export const ProjectQuery = z.object({
  organizationId: uuid.optional(),
  cocId: uuid.optional(),
  projectType: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(ProjectType)
    .optional(),
  active: booleanQuery.optional(),
})
export type ProjectQuery = z.infer<typeof ProjectQuery>

export const UserMembership = z
  .object({ organizationId: z.string(), organizationName: z.string(), role: RoleSchema, active: z.boolean() })
  .meta({ id: 'UserMembership' })

export const User = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    active: z.boolean(),
    totpEnabled: z.boolean(),
    memberships: z.array(UserMembership),
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof User>

export const UserList = z.array(User)

export const UserQuery = Paging.extend({
  organizationId: uuid.optional(),
  /** Part of a username, display name or email. */
  q: text(100).optional(),
})
export type UserQuery = z.infer<typeof UserQuery>

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,64}$/, 'must be 3–64 letters, digits, dots, dashes or underscores')

export const NewUser = z
  .object({
    username,
    displayName: requiredText(200),
    email: z.email('must be an email address').max(200).nullable().default(null),
    password: z.string().max(1000),
    memberships: z
      .array(z.object({ organizationId: uuid, role: RoleSchema }).strict())
      .min(1, 'a user needs at least one organization'),
  })
  .strict()
  .meta({ id: 'NewUser' })
export type NewUser = z.infer<typeof NewUser>

export const UserPatch = z
  .object({
    displayName: requiredText(200),
    email: z.email('must be an email address').max(200).nullable(),
    active: z.boolean(),
    password: z.string().max(1000),
  })
  .partial()
  .strict()
  .meta({ id: 'UserPatch' })
export type UserPatch = z.infer<typeof UserPatch>

export const MembershipPut = z
  .object({ role: RoleSchema, active: z.boolean().default(true) })
  .strict()
  .meta({ id: 'MembershipPut' })
export type MembershipPut = z.infer<typeof MembershipPut>

export const MembershipParams = z.object({ id: uuid, organizationId: uuid })

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    userId: z.string(),
    username: z.string(),
    organizationId: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' })

export const NewApiToken = z
  .object({
    name: requiredText(100),
    userId: uuid,
    organizationId: uuid,
    expiresAt: isoDate.nullable().default(null),
  })
  .strict()
  .meta({ id: 'NewApiToken' })

export const CreatedApiToken = z
  .object({ token: z.string().describe('Shown once; only its hash is stored'), apiToken: ApiToken })
  .meta({ id: 'CreatedApiToken' })

export const Health = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() })
  .meta({ id: 'Health' })
