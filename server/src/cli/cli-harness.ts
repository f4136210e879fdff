import type { Database } from '../db/database'
import { runCli } from './run-cli'

export interface CliRun {
  exitCode: number
  out: string
  error: string
}

/**
 * Runs a command line as `npm run threshold` would, with only the given environment and capturing its
 * output. With `database` it works on a test's database (left open for the test's later checks);
 * without one, opening a database is a test failure.
 */
export async function runCliCapturing(
  argv: string[],
  { env = {}, database }: { env?: NodeJS.ProcessEnv; database?: Database } = {},
): Promise<CliRun> {
  const out: string[] = []
  const error: string[] = []
  const exitCode = await runCli(argv, {
    env,
    io: { out: (line) => out.push(line), error: (line) => error.push(line) },
    openDatabase: async () => {
      if (!database) throw new Error('this command line should not have opened a database')
      return { ...database, close: async () => {} }
    },
  })
  return { exitCode, out: out.join('\n'), error: error.join('\n') }
}
