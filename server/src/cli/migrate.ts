import { migrateToLatest } from '../db/migrations/index'
import { describeDatabase } from '../server'
import type { CliCommand, CliContext } from './command'
import { parseOptions } from './command'

/** Brings the schema up to date and says what changed; `serve`, `create-admin` and `seed-demo` share it. */
export async function migrateAndReport(context: CliContext, { quietWhenCurrent = false } = {}) {
  const database = await context.database()
  const applied = await migrateToLatest(database.db)
  if (applied.length > 0) {
    context.io.out(`Applied ${applied.length} migration(s) to ${describeDatabase(context.config)}:`)
    for (const name of applied) context.io.out(`  ${name}`)
  } else if (!quietWhenCurrent) {
    context.io.out(`${describeDatabase(context.config)} is up to date: no migrations to apply.`)
  }
  return database
}

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations and list them',
  options: [],
  async run(args, context) {
    parseOptions(args, {})
    await migrateAndReport(context)
    return 0
  },
}
