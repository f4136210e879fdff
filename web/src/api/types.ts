import type * as contracts from '@threshold/core'

// The shapes the web app sends and receives, read from the zod contracts in @threshold/core so the
// two sides cannot drift (the same as `z.output` / `z.input`, without the web app depending on zod).
type Output<Schema> = Schema extends { _zod: { output: infer Value } } ? Value : never
type Input<Schema> = Schema extends { _zod: { input: infer Value } } ? Value : never

export type SessionInfo = Output<typeof contracts.SessionInfo>
export type OrganizationMembership = Output<typeof contracts.OrganizationMembership>
export type TotpEnrollment = Output<typeof contracts.TotpEnrollment>
export type TotpActivation = Output<typeof contracts.TotpActivation>
export type LoginResponse = SessionInfo | Output<typeof contracts.MfaChallenge>

export type Coc = Output<typeof contracts.Coc>
export type CocPatch = Input<typeof contracts.CocPatch>
export type NewCoc = Input<typeof contracts.NewCoc>
export type Organization = Output<typeof contracts.Organization>
export type NewOrganization = Input<typeof contracts.NewOrganization>
export type OrganizationPatch = Input<typeof contracts.OrganizationPatch>
export type Project = Output<typeof contracts.Project>
export type NewProject = Input<typeof contracts.NewProject>
export type ProjectPatch = Input<typeof contracts.ProjectPatch>
export type User = Output<typeof contracts.User>
export type UserMembership = Output<typeof contracts.UserMembership>
export type NewUser = Input<typeof contracts.NewUser>
export type UserPatch = Input<typeof contracts.UserPatch>
export type MembershipPut = Input<typeof contracts.MembershipPut>
export type ApiToken = Output<typeof contracts.ApiToken>
export type NewApiToken = Input<typeof contracts.NewApiToken>
export type CreatedApiToken = Output<typeof contracts.CreatedApiToken>
export type AuditEvent = Output<typeof contracts.AuditEvent>
export type AuditPage = Output<typeof contracts.AuditPage>
export type AuditQuery = Input<typeof contracts.AuditQuery>
