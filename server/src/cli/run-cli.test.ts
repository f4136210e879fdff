import { describe, expect, it } from 'vitest'
import { runCliCapturing } from './cli-harness'

// None of these command lines gets as far as opening a database.
const run = (argv: string[]) => runCliCapturing(argv)

describe('threshold command line', () => {
  it('lists every command on --help and exits 0', async () => {
    const result = await run(['--help'])
    expect(result.exitCode).toBe(0)
    for (const name of ['serve', 'migrate', 'create-admin', 'seed-demo', 'audit-verify']) {
      expect(result.out).toContain(`  ${name}`)
    }
  })

  it('refuses an unknown command with the usage text and exit code 2', async () => {
    const result = await run(['frobnicate'])
    expect(result.exitCode).toBe(2)
    expect(result.error).toContain('Unknown command "frobnicate"')
    expect(result.error).toContain('Usage: npm run threshold -- <command>')
  })

  it('answers a missing command with the usage text and exit code 2', async () => {
    const result = await run([])
    expect(result.exitCode).toBe(2)
    expect(result.error).toContain('Commands:')
  })

  it("shows a command's options on <command> --help", async () => {
    const result = await run(['create-admin', '--help'])
    expect(result.exitCode).toBe(0)
    expect(result.out).toContain('--password-env VAR')
    expect(result.out).toContain('--coc-code CODE')
  })

  it('refuses an unknown option with exit code 2 and the command usage', async () => {
    const result = await run(['audit-verify', '--fix'])
    expect(result.exitCode).toBe(2)
    expect(result.error).toContain("Unknown option '--fix'")
    expect(result.error).toContain('Usage: npm run threshold -- audit-verify')
  })

  it('asks for --username before anything else', async () => {
    const result = await run(['create-admin', '--password-env', 'PW'])
    expect(result.exitCode).toBe(2)
    expect(result.error).toContain('--username is required')
  })

  it('reports a bad setting in the environment as a failure, naming it', async () => {
    const result = await runCliCapturing(['migrate'], { env: { PORT: 'eighty' } })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('PORT must be a non-negative whole number')
  })
})
