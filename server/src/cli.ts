// `npm run threshold -- <command>`: the operator's command line. Each command lives in cli/.
import { promptPassword } from './cli/prompt-password'
import { runCli } from './cli/run-cli'

// Output piped into a reader that stops early (`| head`) must not kill a command halfway through a write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  io: { out: (line) => console.log(line), error: (line) => console.error(line) },
  promptPassword: process.stdin.isTTY ? promptPassword : undefined,
})
