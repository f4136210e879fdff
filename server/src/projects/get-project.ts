import type { Project } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import { loadVisible } from '../access/load-visible'
import { canSeeProject } from '../access/policy'
import type { DB } from '../db/schema'
import { findProject } from './projects.repository'

export function getProject({
  db,
  actor,
  id,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
}): Promise<Project> {
  return loadVisible({ db, actor, entityType: 'project', id, load: findProject, canSee: canSeeProject })
}
