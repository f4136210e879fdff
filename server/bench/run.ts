// `npm run bench -- <name> [options]`: runs one benchmark. A new benchmark is one line in BENCHMARKS.

type Benchmark = { describe: string; load: () => Promise<{ main(args: string[]): Promise<void> }> }

const BENCHMARKS: Record<string, Benchmark> = {
  'find-client': { describe: 'Find Client match quality on FEBRL', load: () => import('./find-client') },
  'find-client-speed': { describe: 'Find Client latency', load: () => import('./find-client-speed') },
  beds: { describe: 'Bed board and availability speed', load: () => import('./beds') },
  queue: { describe: 'Housing Queue first page speed', load: () => import('./queue') },
}

const [name, ...args] = process.argv.slice(2)
const benchmark = name ? BENCHMARKS[name] : undefined
if (!benchmark) {
  console.error(name ? `Unknown benchmark "${name}".` : 'Name a benchmark to run.')
  console.error('Usage: npm run bench -- <name> [options]\n')
  const width = Math.max(...Object.keys(BENCHMARKS).map((key) => key.length)) + 2
  for (const [key, { describe }] of Object.entries(BENCHMARKS))
    console.error(`  ${key.padEnd(width)}${describe}`)
  process.exit(1)
}
await (await benchmark.load()).main(args)

export {}
