import { NewCoc, NewUser } from '@threshold/core'
import type { Kysely, Transaction } from 'kysely'
import { systemActor } from '../access/actor'
import { recordAudit } from '../audit/record-audit'
import { hashPassword, validateNewPassword } from '../auth/passwords'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { type CliCommand, type CliContext, parseOptions, requireOption, UsageError } from './command'
import { migrateAndReport } from './migrate'

/** The organization created with a new CoC to hold its first administrator. */
export const FIRST_ORGANIZATION_NAME = 'HMIS Lead'

export interface NewSystemAdmin {
  username: string
  displayName: string
  passwordHash: string
  /** Used only when the database has no CoC yet. */
  newCoc?: { code: string; name: string }
}

export interface CreatedSystemAdmin {
  userId: string
  organizationId: string
  organizationName: string
  cocCode: string
  cocName: string
  createdCoc: boolean
}

/**
 * A system administrator in the first CoC's lead organization (see `firstOrganization`); on an empty
 * database the CoC (from `newCoc`) and its HMIS Lead organization are created first. All of it in one audited transaction.
 */
export async function createSystemAdmin(db: Kysely<DB>, admin: NewSystemAdmin): Promise<CreatedSystemAdmin> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', admin.username.toLowerCase()))
      .executeTakeFirst()
    if (taken) throw new AppError('conflict', `A user named "${admin.username}" already exists`)

    const existingCoc = await trx
      .selectFrom('coc')
      .select(['id', 'code', 'name'])
      .orderBy('created_at')
      .orderBy('code')
      .executeTakeFirst()
    const coc = existingCoc ?? (await createFirstCoc(trx, admin.newCoc))
    const organization = await firstOrganization(trx, coc.id)

    const user = await trx
      .insertInto('app_user')
      .values({
        username: admin.username,
        display_name: admin.displayName,
        password_hash: admin.passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('membership')
      .values({ user_id: user.id, organization_id: organization.id, role: 'system_admin' })
      .execute()
    await recordAudit(trx, systemActor, {
      action: 'user.create',
      entityType: 'app_user',
      entityId: user.id,
      organizationId: organization.id,
      details: { via: 'cli', role: 'system_admin' },
    })
    return {
      userId: user.id,
      organizationId: organization.id,
      organizationName: organization.name,
      cocCode: coc.code,
      cocName: coc.name,
      createdCoc: !existingCoc,
    }
  })
}

async function createFirstCoc(trx: Transaction<DB>, newCoc: NewSystemAdmin['newCoc']) {
  if (!newCoc) {
    throw new AppError(
      'invalid_input',
      'The database has no CoC yet: give the new CoC with --coc-code (like GA-502) and --coc-name',
    )
  }
  const parsed = NewCoc.safeParse(newCoc)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new AppError('invalid_input', `--coc-${String(issue.path[0])} ${issue.message}`)
  }
  const coc = await trx
    .insertInto('coc')
    .values(parsed.data)
    .returning(['id', 'code', 'name'])
    .executeTakeFirstOrThrow()
  await recordAudit(trx, systemActor, {
    action: 'coc.create',
    entityType: 'coc',
    entityId: coc.id,
    details: { via: 'cli' },
  })
  return coc
}

/**
 * Where the CoC's administrators already work (its HMIS lead), else its oldest active organization;
 * a CoC without any gets a new HMIS Lead organization.
 */
async function firstOrganization(trx: Transaction<DB>, cocId: string) {
  const existing = await trx
    .selectFrom('organization as o')
    .select(['o.id', 'o.name'])
    .where('o.coc_id', '=', cocId)
    .where('o.active', '=', true)
    .orderBy(
      (eb) =>
        eb.exists(
          eb
            .selectFrom('membership as m')
            .select('m.user_id')
            .whereRef('m.organization_id', '=', 'o.id')
            .where('m.active', '=', true)
            .where('m.role', 'in', ['system_admin', 'coc_admin']),
        ),
      'desc',
    )
    // Organizations created in one transaction share a timestamp; the name breaks the tie.
    .orderBy('o.created_at')
    .orderBy('o.name')
    .executeTakeFirst()
  if (existing) return existing
  const organization = await trx
    .insertInto('organization')
    .values({ coc_id: cocId, name: FIRST_ORGANIZATION_NAME })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
  await recordAudit(trx, systemActor, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: organization.id,
    organizationId: organization.id,
    details: { via: 'cli' },
  })
  return organization
}

/** From the named environment variable, or asked twice on a terminal. */
async function readNewPassword(context: CliContext, username: string, passwordEnv: string | undefined) {
  if (passwordEnv !== undefined) {
    const password = context.env[passwordEnv]
    if (!password)
      throw new AppError('invalid_input', `The environment variable ${passwordEnv} is empty or not set`)
    return password
  }
  if (!context.promptPassword) {
    throw new UsageError(
      'No password: run this in a terminal to be asked for one, or pass --password-env VAR',
    )
  }
  const password = await context.promptPassword(`Password for ${username}: `)
  const repeated = await context.promptPassword('Repeat the password: ')
  if (password !== repeated) throw new AppError('invalid_input', 'The two passwords do not match')
  return password
}

export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  summary: 'Create a system administrator (and the first CoC on an empty database)',
  options: [
    '--username NAME        required; 3–64 letters, digits, dots, dashes or underscores',
    '--password-env VAR     read the password from environment variable VAR (otherwise asked on the terminal)',
    '--display-name TEXT    the name shown in the app (default: the username)',
    "--coc-code CODE        on an empty database: the new CoC's HUD code, like GA-502",
    "--coc-name TEXT        on an empty database: the new CoC's name",
  ],
  async run(args, context) {
    const options = parseOptions(args, {
      username: { type: 'string' },
      'password-env': { type: 'string' },
      'display-name': { type: 'string' },
      'coc-code': { type: 'string' },
      'coc-name': { type: 'string' },
    })
    const usernameCheck = NewUser.shape.username.safeParse(requireOption(options.username, 'username'))
    if (!usernameCheck.success) {
      throw new AppError('invalid_input', `The username ${usernameCheck.error.issues[0]!.message}`)
    }
    const username = usernameCheck.data
    const password = await readNewPassword(context, username, options['password-env'])
    validateNewPassword(context.config, username, password)

    const database = await migrateAndReport(context, { quietWhenCurrent: true })
    const cocCode = options['coc-code']?.trim()
    const cocName = options['coc-name']?.trim()
    const admin = await createSystemAdmin(database.db, {
      username,
      displayName: options['display-name']?.trim() || username,
      passwordHash: await hashPassword(password),
      newCoc: cocCode || cocName ? { code: cocCode ?? '', name: cocName ?? '' } : undefined,
    })
    if (admin.createdCoc) context.io.out(`Created the CoC ${admin.cocCode} ${admin.cocName}.`)
    else if (cocCode || cocName) {
      context.io.out(
        `The database already has its CoC (${admin.cocCode}): --coc-code and --coc-name were not used.`,
      )
    }
    context.io.out(
      `Created system administrator "${username}" in ${admin.organizationName} (${admin.cocCode} ${admin.cocName}).`,
    )
    return 0
  },
}
