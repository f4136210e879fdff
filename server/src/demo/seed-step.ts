import type { Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { DemoAgencyKey } from './demo-agencies'

/** What the demo steps have created so far; each step reads the ids earlier steps recorded. */
export interface DemoSeed {
  db: Transaction<DB>
  cocId: string
  /** argon2id of the demo password, computed once for every demo user. */
  passwordHash: string
  organizationIds: Map<DemoAgencyKey, string>
  /** By project name (unique across the demo). */
  projectIds: Map<string, string>
  /** By username. */
  userIds: Map<string, string>
}

export type DemoSeedStep = (seed: DemoSeed) => Promise<void>

/** The id a previous step recorded; a missing one is a bug in the step order, so fail loudly. */
export function seededId<K>(ids: Map<K, string>, key: K): string {
  const id = ids.get(key)
  if (!id) throw new Error(`The demo seed has no id for ${String(key)} yet: check the step order`)
  return id
}
