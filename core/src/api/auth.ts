import { z } from 'zod'
import { ROLES } from '../roles'
import { requiredText, uuid } from './common'

export const LoginRequest = z
  .object({
    username: requiredText(100),
    password: z.string().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  })
  .strict()
  .meta({ id: 'LoginRequest' })

export const TotpRequest = z
  .object({
    code: requiredText(40).pipe(z.string().min(6, 'must be a 6-digit code or a recovery code')),
  })
  .strict()
  .meta({ id: 'TotpRequest', description: 'A 6-digit authenticator code or a recovery code' })

export const RoleSchema = z.enum(ROLES)

export const OrganizationMembership = z
  .object({
    organizationId: z.string(),
    organizationName: z.string(),
    cocId: z.string(),
    cocCode: z.string(),
    role: RoleSchema,
  })
  .meta({ id: 'OrganizationMembership' })

export const SessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    totpEnabled: z.boolean(),
  })
  .meta({ id: 'SessionUser' })

/** Body of a successful sign-in, of GET /api/auth/me and of an organization switch. */
export const SessionInfo = z
  .object({
    user: SessionUser,
    organizations: z.array(OrganizationMembership),
    currentOrganizationId: z.string(),
    role: RoleSchema,
    /** The CoC requires a second factor for this role and the user has not enrolled yet. */
    mfaEnrollmentRequired: z.boolean(),
  })
  .meta({ id: 'SessionInfo' })
export type SessionInfo = z.infer<typeof SessionInfo>

/** Sign-in answered with a second-factor challenge: send the code to POST /api/auth/login/totp. */
export const MfaChallenge = z.object({ mfaRequired: z.literal(true) }).meta({ id: 'MfaChallenge' })

export const LoginResponse = z.union([SessionInfo, MfaChallenge]).meta({ id: 'LoginResponse' })

export const SwitchOrganizationRequest = z
  .object({ organizationId: uuid })
  .strict()
  .meta({ id: 'SwitchOrganizationRequest' })

export const TotpEnrollment = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: 'TotpEnrollment' })
export type TotpEnrollment = z.infer<typeof TotpEnrollment>

export const TotpActivation = z
  .object({
    recoveryCodes: z.array(z.string()).describe('Shown once: each signs in once in place of a code'),
  })
  .meta({ id: 'TotpActivation' })

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
    newPassword: z.string().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  })
  .strict()
  .meta({ id: 'ChangePasswordRequest' })
