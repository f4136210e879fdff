import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { Config } from '../config'
import type { Database } from '../db/database'

/** Where a command writes: results to `out`, problems to `error` (stdout and stderr in a terminal). */
export interface CliIO {
  out(line: string): void
  error(line: string): void
}

export interface CliContext {
  config: Config
  env: NodeJS.ProcessEnv
  io: CliIO
  /** Asks for a secret without echoing it; absent when standard input is not a terminal. */
  promptPassword?: (question: string) => Promise<string>
  /** The configured database, opened on first use; `runCli` closes it when the command ends. */
  database(): Promise<Database>
}

export interface CliCommand {
  name: string
  /** One line for the command list. */
  summary: string
  /** The command's options, one per line, shown by `threshold <command> --help`. */
  options: string[]
  /** Resolves with the process exit code. */
  run(args: string[], context: CliContext): Promise<number>
}

/** A command that cannot go on; `runCli` prints the message and exits with `exitCode`. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliFailure'
  }
}

/** The command line itself is wrong: exit code 2, with the command's usage. */
export class UsageError extends CliFailure {
  constructor(message: string) {
    super(message, 2)
    this.name = 'UsageError'
  }
}

type OptionSpecs = NonNullable<ParseArgsConfig['options']>

/** `--name value` options only (no positional arguments); anything unknown is a usage error. */
export function parseOptions<const T extends OptionSpecs>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('. ')[0]! : String(error))
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`)
  return value.trim()
}
