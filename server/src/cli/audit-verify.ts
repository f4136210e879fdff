import { sql } from 'kysely'
import { verifyAuditChain } from '../audit/verify-audit-chain'
import { type CliCommand, CliFailure, parseOptions } from './command'

export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  summary: 'Recompute the audit trail hash chain; exit 1 and name the first broken row',
  options: [],
  async run(args, context) {
    parseOptions(args, {})
    const { db } = await context.database()
    // Verifying must not change the database, so it does not migrate; an empty database says so.
    const table = await sql<{
      exists: boolean
    }>`SELECT to_regclass('audit_event') IS NOT NULL AS exists`.execute(db)
    if (!table.rows[0]?.exists)
      throw new CliFailure('This database has no audit trail yet: run `migrate` first.')

    const report = await verifyAuditChain(db)
    if (report.firstBrokenSeq === null) {
      context.io.out(`Audit chain OK: ${report.rows} row(s) checked, every hash and link matches.`)
      return 0
    }
    const broken = await db
      .selectFrom('audit_event')
      .select(['seq', 'action', 'occurred_at', 'actor_username'])
      .where('seq', '=', report.firstBrokenSeq)
      .executeTakeFirstOrThrow()
    context.io.error(
      `Audit chain BROKEN at row ${broken.seq} (${broken.action} by ${broken.actor_username ?? 'unknown'}, ` +
        `${broken.occurred_at.toISOString()}): this row no longer matches its hash or does not follow the row ` +
        `before it, so it, or a row next to it, was changed, inserted or removed. ${report.rows} row(s) checked.`,
    )
    return 1
  },
}
