import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import type { DB } from '../db/schema'

/** What every case-note and service use case receives. */
export interface CaseManagementContext {
  db: Kysely<DB>
  actor: Actor
  /** YYYY-MM-DD from the injectable clock: the day releases and "not in the future" are judged on. */
  today: string
}
