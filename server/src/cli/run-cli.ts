import { loadConfig } from '../config'
import type { Database } from '../db/database'
import { AppError } from '../http/errors'
import { openConfiguredDatabase } from '../server'
import { auditVerifyCommand } from './audit-verify'
import { type CliCommand, type CliContext, CliFailure, type CliIO } from './command'
import { createAdminCommand } from './create-admin'
import { migrateCommand } from './migrate'
import { seedDemoCommand } from './seed-demo'
import { serveCommand } from './serve'

const COMMANDS: CliCommand[] = [
  serveCommand,
  migrateCommand,
  createAdminCommand,
  seedDemoCommand,
  auditVerifyCommand,
]

const HELP_FLAGS = new Set(['--help', '-h', 'help'])

export function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2
  return [
    'Usage: npm run threshold -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Settings come from the environment (DATABASE_URL, DATA_DIR, PORT, …): see README.md.',
    'Help on one command: npm run threshold -- <command> --help',
  ].join('\n')
}

function commandUsage(command: CliCommand): string {
  const lines = [`Usage: npm run threshold -- ${command.name}${command.options.length ? ' [options]' : ''}`]
  lines.push('', command.summary)
  if (command.options.length) lines.push('', 'Options:', ...command.options.map((option) => `  ${option}`))
  return lines.join('\n')
}

export interface CliEnvironment {
  env: NodeJS.ProcessEnv
  io: CliIO
  promptPassword?: (question: string) => Promise<string>
  /** Tests hand in their own database; by default the one the settings name is opened. */
  openDatabase?: CliContext['database']
}

/** Runs one command line and resolves with the exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runCli(argv: string[], environment: CliEnvironment): Promise<number> {
  const { io } = environment
  const [name, ...args] = argv
  if (name === undefined || HELP_FLAGS.has(name)) {
    if (name === undefined) io.error(usage())
    else io.out(usage())
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (!command) {
    io.error(`Unknown command "${name}".\n`)
    io.error(usage())
    return 2
  }
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    io.out(commandUsage(command))
    return 0
  }

  let opened: Promise<Database> | undefined
  try {
    const config = loadConfig(environment.env)
    const context: CliContext = {
      config,
      env: environment.env,
      io,
      promptPassword: environment.promptPassword,
      database: () => {
        opened ??= environment.openDatabase ? environment.openDatabase() : openConfiguredDatabase(config)
        return opened
      },
    }
    return await command.run(args, context)
  } catch (error) {
    if (error instanceof CliFailure) {
      io.error(error.message)
      if (error.exitCode === 2) io.error(`\n${commandUsage(command)}`)
      return error.exitCode
    }
    io.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    if (!(error instanceof AppError) && environment.env.LOG_LEVEL === 'debug' && error instanceof Error) {
      io.error(error.stack ?? '')
    }
    return 1
  } finally {
    await opened?.then(
      (database) => database.close(),
      () => {},
    )
  }
}
