import { DEMO_AGENCIES, DEMO_COC } from '../demo/demo-agencies'
import { DEMO_USERS } from '../demo/demo-users'
import { inspectDemo, seedDemo } from '../demo/seed-demo'
import { type CliCommand, CliFailure, parseOptions } from './command'
import { printDemoNotice } from './demo-notice'
import { migrateAndReport } from './migrate'

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: `Add the fictitious ${DEMO_COC.name} demo to an empty database (does nothing when it is there)`,
  options: [],
  async run(args, context) {
    parseOptions(args, {})
    const { db } = await migrateAndReport(context, { quietWhenCurrent: true })
    const before = await inspectDemo(db)
    if (before.demoPresent) {
      context.io.out(`The demo CoC ${DEMO_COC.code} is already in this database: nothing to do.`)
      return 0
    }
    // The demo's users share a published password: never mix them into a database with real data.
    if (before.hasCoc) {
      throw new CliFailure(
        'This database already holds a CoC, so the demo was not added: it only goes into an empty database.',
      )
    }
    const outcome = await seedDemo(db)
    context.io.out(
      outcome === 'seeded'
        ? `Seeded the demo: ${DEMO_COC.code} ${DEMO_COC.name}, ${Object.keys(DEMO_AGENCIES).length} agencies, ` +
            `${DEMO_USERS.length} users.`
        : `The demo CoC ${DEMO_COC.code} was added by another process meanwhile: nothing to do.`,
    )
    printDemoNotice(context.io)
    return 0
  },
}
