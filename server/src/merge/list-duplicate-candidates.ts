import { scoreMatch } from '@threshold/core'
import { type Kysely, sql } from 'kysely'
import type { Actor } from '../access/actor'
import { clientIdentityVisibleTo, todayFrom } from '../access/client-visibility'
import { assertPermitted } from '../access/load-visible'
import { canManageDuplicates } from '../access/merge-policy'
import { recordAudit } from '../audit/record-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'

/** How many blocked pairs one report looks at before scoring (the report is for periodic clean-up). */
const MAX_BLOCKED_PAIRS = 5000

/**
 * The duplicate-candidates report: pairs of records (across agencies) that the matcher scores at or above
 * `minScore`, best first. Pairs come from blocking keys (same SSN; same DOB and a shared name sound; both
 * name sounds shared) over the records the admin may see, minus pairs already judged different people.
 */
export async function listDuplicateCandidates(options: {
  db: Kysely<DB>
  actor: Actor
  clock: Clock
  minScore: number
  limit: number
}) {
  const { db, actor } = options
  await assertPermitted(db, actor, canManageDuplicates(actor), {
    action: 'client.duplicates.read',
    entityType: 'client',
    message: 'Only CoC administrators review duplicate records',
  })
  const today = todayFrom(options.clock)
  const visible = db
    .selectFrom('client')
    .innerJoin('organization', 'organization.id', 'client.owner_organization_id')
    .select([
      'client.id',
      'client.client_number',
      'client.first_name',
      'client.middle_name',
      'client.last_name',
      'client.name_suffix',
      'client.dob',
      'client.ssn',
      'client.ssn_last4',
      'client.first_dm',
      'client.last_dm',
      'organization.name as owner_name',
    ])
    .where(clientIdentityVisibleTo(actor, today))
    .where('client.merged_into_client_id', 'is', null)

  const pairs = await db
    .with('visible', () => visible)
    .with('blocked', (qb) =>
      qb
        .selectFrom('visible as a')
        .innerJoin('visible as b', (join) => join.onRef('a.ssn', '=', 'b.ssn').onRef('a.id', '<', 'b.id'))
        .select(['a.id as a_id', 'b.id as b_id'])
        .union((union) =>
          union
            .selectFrom('visible as a')
            .innerJoin('visible as b', (join) => join.onRef('a.dob', '=', 'b.dob').onRef('a.id', '<', 'b.id'))
            .select(['a.id as a_id', 'b.id as b_id'])
            .where((eb) =>
              eb.or([eb('a.last_dm', '=', eb.ref('b.last_dm')), eb('a.first_dm', '=', eb.ref('b.first_dm'))]),
            ),
        )
        .union((union) =>
          union
            .selectFrom('visible as a')
            .innerJoin('visible as b', (join) =>
              join
                .onRef('a.last_dm', '=', 'b.last_dm')
                .onRef('a.first_dm', '=', 'b.first_dm')
                .onRef('a.id', '<', 'b.id'),
            )
            .select(['a.id as a_id', 'b.id as b_id'])
            .where('a.last_dm', '<>', ''),
        ),
    )
    .selectFrom('blocked')
    .innerJoin('visible as a', 'a.id', 'blocked.a_id')
    .innerJoin('visible as b', 'b.id', 'blocked.b_id')
    .select([
      'a.id as a_id',
      'a.client_number as a_number',
      'a.first_name as a_first',
      'a.middle_name as a_middle',
      'a.last_name as a_last',
      'a.name_suffix as a_suffix',
      'a.dob as a_dob',
      'a.ssn as a_ssn',
      'a.ssn_last4 as a_last4',
      'a.owner_name as a_owner',
      'b.id as b_id',
      'b.client_number as b_number',
      'b.first_name as b_first',
      'b.middle_name as b_middle',
      'b.last_name as b_last',
      'b.name_suffix as b_suffix',
      'b.dob as b_dob',
      'b.ssn as b_ssn',
      'b.ssn_last4 as b_last4',
      'b.owner_name as b_owner',
    ])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('client_pair_exclusion as x')
            .select(sql.lit(1).as('one'))
            .whereRef('x.client_a', '=', sql.ref('blocked.a_id'))
            .whereRef('x.client_b', '=', sql.ref('blocked.b_id')),
        ),
      ),
    )
    .limit(MAX_BLOCKED_PAIRS)
    .execute()

  const scored = pairs
    .map((pair) => {
      const match = scoreMatch(
        {
          firstName: pair.a_first,
          middleName: pair.a_middle,
          lastName: pair.a_last,
          nameSuffix: pair.a_suffix,
          dob: pair.a_dob,
          ssn: pair.a_ssn,
          ssnLast4: pair.a_last4,
        },
        {
          firstName: pair.b_first,
          middleName: pair.b_middle,
          lastName: pair.b_last,
          nameSuffix: pair.b_suffix,
          dob: pair.b_dob,
          ssn: pair.b_ssn,
          ssnLast4: pair.b_last4,
        },
      )
      return { pair, match }
    })
    .filter(({ match }) => match.matchLevel !== null && match.score >= options.minScore)
    .sort((x, y) => y.match.score - x.match.score || x.pair.a_number - y.pair.a_number)
    .slice(0, options.limit)

  const side = (pair: (typeof pairs)[number], prefix: 'a' | 'b') => ({
    id: pair[`${prefix}_id`],
    clientNumber: pair[`${prefix}_number`],
    firstName: pair[`${prefix}_first`],
    lastName: pair[`${prefix}_last`],
    dob: pair[`${prefix}_dob`],
    ownerOrganizationName: pair[`${prefix}_owner`],
  })
  await recordAudit(db, actor, {
    action: 'client.duplicates.read',
    entityType: 'client',
    details: { pairs: scored.length, clientIds: scored.flatMap(({ pair }) => [pair.a_id, pair.b_id]) },
  })
  return scored.map(({ pair, match }) => ({
    clientA: side(pair, 'a'),
    clientB: side(pair, 'b'),
    score: match.score,
    matchLevel: match.matchLevel as 'likely' | 'possible',
    reasons: match.reasons,
  }))
}
