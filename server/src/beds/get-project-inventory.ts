import type { Inventory } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import type { DB } from '../db/schema'
import { getProject } from '../projects/get-project'

/** HUD Inventory.csv rows of a project, derived from its beds (the `bed_inventory` view). */
export async function getProjectInventory({
  db,
  actor,
  projectId,
}: {
  db: Kysely<DB>
  actor: Actor
  projectId: string
}): Promise<Inventory> {
  const project = await getProject({ db, actor, id: projectId })
  const items = await db
    .selectFrom('bed_inventory')
    .select([
      'project_id as projectId',
      'coc_code as cocCode',
      'household_type as householdType',
      'bed_type as bedType',
      'availability',
      'inventory_start_date as inventoryStartDate',
      'inventory_end_date as inventoryEndDate',
      'unit_inventory as unitInventory',
      'bed_inventory as bedInventory',
      'ch_vet_bed_inventory as chVetBedInventory',
      'youth_vet_bed_inventory as youthVetBedInventory',
      'vet_bed_inventory as vetBedInventory',
      'ch_youth_bed_inventory as chYouthBedInventory',
      'youth_bed_inventory as youthBedInventory',
      'ch_bed_inventory as chBedInventory',
      'other_bed_inventory as otherBedInventory',
    ])
    .where('project_id', '=', project.id)
    .orderBy('household_type')
    .orderBy('inventory_start_date')
    .orderBy('bed_type')
    .orderBy('availability')
    .execute()
  return { items }
}
