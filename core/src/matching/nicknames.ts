import { foldName } from './fold'
import { NICKNAME_LISTS } from './nicknames.generated'

// Given names that may stand for one another (Bill ↔ William, Pepe ↔ José). The lists are noisy, so a
// name reaches only its direct neighbours: William ↔ Bill and Bill ↔ Fred never make William ↔ Fred.

let graph: Map<string, Set<string>> | undefined

function nicknameGraph(): Map<string, Set<string>> {
  if (graph) return graph
  graph = new Map()
  const link = (a: string, b: string) => {
    const neighbours = graph!.get(a) ?? new Set<string>()
    neighbours.add(b)
    graph!.set(a, neighbours)
  }
  for (const line of NICKNAME_LISTS) {
    const [formal, ...variants] = line.split(' ') as [string, ...string[]]
    for (const variant of variants) {
      link(formal, variant)
      link(variant, formal)
    }
  }
  return graph
}

/** True when one given name is a listed nickname (or the formal name) of the other; folded names. */
export function areNicknames(a: string, b: string): boolean {
  return a !== b && (nicknameGraph().get(a)?.has(b) ?? false)
}

/** A typed first name and its one-hop nickname equivalents, folded: 'Bill' → bill, william, billy, … */
export function nicknameVariants(firstName: string): string[] {
  const folded = foldName(firstName)
  if (!folded) return []
  return [folded, ...(nicknameGraph().get(folded) ?? [])]
}
