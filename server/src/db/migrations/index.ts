import { type Kysely, type Migration, Migrator } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_auth'
import * as m0010 from './0010_clients'
import * as m0011 from './0011_households_releases'
import * as m0013 from './0013_search_indexes'
import * as m0014 from './0014_client_merge'
import * as m0020 from './0020_enrollments'
import * as m0021 from './0021_case_notes_services'
import * as m0030 from './0030_beds'
import * as m0040 from './0040_assessment_tools'
import * as m0041 from './0041_ce_workflow'
import * as m0042 from './0042_housing_queue'
import * as m0043 from './0043_eligibility'
import * as m0044 from './0044_find_client_tuning'
import * as m0050 from './0050_referrals'
import * as m0051 from './0051_referral_fill'
import * as m0052 from './0052_referral_rules'
import * as m0053 from './0053_find_client_dob_keys'

// A static list keeps migrations bundler-safe and ordered by name; add new files here.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_auth': m0002,
  '0010_clients': m0010,
  '0011_households_releases': m0011,
  '0013_search_indexes': m0013,
  '0014_client_merge': m0014,
  '0020_enrollments': m0020,
  '0021_case_notes_services': m0021,
  '0030_beds': m0030,
  '0040_assessment_tools': m0040,
  '0041_ce_workflow': m0041,
  '0042_housing_queue': m0042,
  '0043_eligibility': m0043,
  '0044_find_client_tuning': m0044,
  '0050_referrals': m0050,
  '0051_referral_fill': m0051,
  '0052_referral_rules': m0052,
  '0053_find_client_dob_keys': m0053,
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
