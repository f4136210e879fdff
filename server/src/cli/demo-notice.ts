import { DEMO_COC } from '../demo/demo-agencies'
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-users'
import type { CliIO } from './command'

/** Printed whenever the demo is in the database, so nobody mistakes it for real data or real sign-ins. */
export function printDemoNotice(io: CliIO): void {
  const rule = '─'.repeat(100)
  io.out(rule)
  io.out(`DEMO DATA: ${DEMO_COC.name} (${DEMO_COC.code}) in this database is a demo. Its agencies and people`)
  io.out('are fictitious. Do not enter real client information.')
  io.out(`Demo users: ${DEMO_USERS.map((user) => user.username).join(', ')}`)
  io.out(`Demo password (every demo user): ${DEMO_PASSWORD}`)
  io.out(rule)
}
