import { z } from 'zod'
import { RANKING_KEY_NAMES } from '../queue/ranking'
import { QUEUE_PROGRAM_TYPES, QUEUE_STATUSES } from '../queue/statuses'
import { isoDate, text, uuid } from './common'

// The Housing Queue: ranked households on a CoC's Coordinated Entry queue, status changes, ranking rules.

export const QueueStatus = z.enum(QUEUE_STATUSES).meta({ id: 'QueueStatus' })
export type QueueStatus = z.infer<typeof QueueStatus>

export const QueueProgramType = z.enum(QUEUE_PROGRAM_TYPES).meta({ id: 'QueueProgramType' })
export type QueueProgramType = z.infer<typeof QueueProgramType>

export const FactFilter = z.enum(['yes', 'no', 'unknown'])

export const QueueHouseholdType = z.enum(['adults_only', 'adults_and_children', 'children_only', 'unknown'])

export const QUEUE_SORTS = ['rank', 'score', 'ce_start_date', 'last_cls_date', 'days_homeless'] as const
export const QueueSort = z.enum(QUEUE_SORTS)
export type QueueSort = z.infer<typeof QueueSort>

const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true')
/** One value or a repeated parameter (?status=ready&status=referred). */
const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]))

export const QueueFilters = z
  .object({
    projectId: uuid.optional(),
    status: oneOrMany(QueueStatus).optional(),
    householdType: QueueHouseholdType.optional(),
    veteran: FactFilter.optional(),
    youth: FactFilter.optional(),
    chronic: FactFilter.optional(),
    dv: FactFilter.optional(),
    /** Checklist complete / incomplete for `programType` (any program type when it is 'all'). */
    documentation: z.enum(['complete', 'incomplete']).optional(),
    eligibleProgramType: z.enum(['psh', 'rrh', 'th']).optional(),
    staleCls: booleanParam.optional(),
    assignedUserId: uuid.optional(),
    /** Whose ranking orders the queue (default: the CoC's default order). */
    programType: QueueProgramType.default('all'),
  })
  .strict()
export type QueueFilters = z.infer<typeof QueueFilters>

export const QueueQuery = QueueFilters.extend({
  sort: QueueSort.default('rank'),
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
}).strict()
export type QueueQuery = z.infer<typeof QueueQuery>

export const QueueExplanationItem = z
  .object({
    key: z.string(),
    label: z.string(),
    direction: z.enum(['asc', 'desc']),
    value: z.union([z.number(), z.string(), z.null()]),
  })
  .meta({ id: 'QueueExplanationItem' })

export const QueueRow = z
  .object({
    queueEntryId: uuid,
    householdId: uuid,
    rank: z.number().int().nullable(),
    status: QueueStatus,
    statusReason: z.string().nullable(),
    inactiveSince: isoDate.nullable(),
    version: z.number().int(),
    explanation: z.array(QueueExplanationItem),
    rankingVersion: z.number().int(),
    rankingProgramType: QueueProgramType,
    /** named: as recorded; masked: the viewer may not see this identity; deidentified: confidential. */
    identity: z.enum(['named', 'masked', 'deidentified']),
    clientId: uuid.nullable(),
    headName: z.string().nullable(),
    ceProjectId: uuid,
    ceProjectName: z.string(),
    householdType: QueueHouseholdType,
    householdSize: z.number().int(),
    veteran: FactFilter,
    youth: FactFilter,
    chronic: FactFilter,
    fleeingDv: FactFilter,
    ceStartDate: isoDate,
    score: z.number().nullable(),
    assessmentDate: isoDate.nullable(),
    toolName: z.string().nullable(),
    daysHomeless: z.number().int().nullable(),
    disabilityVerified: z.boolean(),
    documentsCompleteFor: z.array(z.string()),
    missingDocuments: z.record(z.string(), z.array(z.string())),
    /** Program types with a project whose eligibility rules the household passes. */
    eligibleProgramTypes: z.array(z.string()),
    lastClsDate: isoDate.nullable(),
    clsStale: z.boolean(),
    assignedUserId: uuid.nullable(),
    assignedUserName: z.string().nullable(),
  })
  .meta({ id: 'QueueRow' })
export type QueueRow = z.infer<typeof QueueRow>

export const QueuePage = z
  .object({ rows: z.array(QueueRow), nextCursor: z.string().nullable() })
  .meta({ id: 'QueuePage' })
export type QueuePage = z.infer<typeof QueuePage>

/** The workers households on the queue are assigned to (those the viewer may see), for the filter. */
export const QueueWorkerList = z
  .object({ items: z.array(z.object({ id: uuid, name: z.string() })) })
  .meta({ id: 'QueueWorkerList' })
export type QueueWorkerList = z.infer<typeof QueueWorkerList>

export const QueueStatusPatch = z
  .object({
    status: QueueStatus.exclude(['housed']),
    reason: text(500).nullable().optional(),
    expectedVersion: z.number().int().min(1),
  })
  .strict()
  .meta({ id: 'QueueStatusPatch' })
export type QueueStatusPatch = z.infer<typeof QueueStatusPatch>

export const QueueEntryVersion = z
  .object({ queueEntryId: uuid, status: QueueStatus, version: z.number().int() })
  .meta({ id: 'QueueEntryVersion' })
export type QueueEntryVersion = z.infer<typeof QueueEntryVersion>

export const QueuePositionEvent = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    event: z.enum(['placed', 'status_changed', 'ranking_published', 'refreshed', 'left_queue']),
    status: QueueStatus,
    programType: QueueProgramType,
    rankingVersion: z.number().int().nullable(),
    rank: z.number().int().nullable(),
    previousRank: z.number().int().nullable(),
    actorName: z.string().nullable(),
  })
  .meta({ id: 'QueuePositionEvent' })
export type QueuePositionEvent = z.infer<typeof QueuePositionEvent>

export const QueuePositionHistory = z
  .object({ items: z.array(QueuePositionEvent) })
  .meta({ id: 'QueuePositionHistory' })
export type QueuePositionHistory = z.infer<typeof QueuePositionHistory>

export const RankingKeySchema = z
  .object({ key: z.enum(RANKING_KEY_NAMES), direction: z.enum(['asc', 'desc']) })
  .strict()
  .meta({ id: 'RankingKey' })

export const QueueRanking = z
  .object({
    id: uuid.nullable(),
    programType: QueueProgramType,
    version: z.number().int(),
    keys: z.array(RankingKeySchema),
    note: z.string().nullable(),
    publishedAt: z.string().nullable(),
    publishedByName: z.string().nullable(),
  })
  .meta({ id: 'QueueRanking' })
export type QueueRanking = z.infer<typeof QueueRanking>

export const QueueRankingList = z
  .object({ current: QueueRanking, versions: z.array(QueueRanking) })
  .meta({ id: 'QueueRankingList' })
export type QueueRankingList = z.infer<typeof QueueRankingList>

export const QueueRankingQuery = z.object({ programType: QueueProgramType.default('all') }).strict()

const rankingKeys = z
  .array(RankingKeySchema)
  .min(1, 'a ranking needs at least one key')
  .max(RANKING_KEY_NAMES.length)
  .refine((keys) => new Set(keys.map((key) => key.key)).size === keys.length, 'a key is listed twice')

export const NewQueueRankingPreview = z
  .object({
    programType: QueueProgramType,
    keys: rankingKeys,
    top: z.number().int().min(1).max(500).default(20),
  })
  .strict()
  .meta({ id: 'NewQueueRankingPreview' })

export const QueueRankingImpact = z
  .object({
    programType: QueueProgramType,
    currentVersion: z.number().int(),
    rankedHouseholds: z.number().int(),
    changedPosition: z.number().int(),
    leaveTop: z.number().int(),
    enterTop: z.number().int(),
    top: z.number().int(),
    largestRise: z.number().int(),
    largestFall: z.number().int(),
    /** "37 households change position; 4 leave the top 20" */
    summary: z.string(),
  })
  .meta({ id: 'QueueRankingImpact' })
export type QueueRankingImpact = z.infer<typeof QueueRankingImpact>

export const NewQueueRanking = z
  .object({
    programType: QueueProgramType,
    keys: rankingKeys,
    note: text(500).nullable().optional(),
    /** The version the editor started from (0 = the built-in default): a concurrent publish is a 409. */
    expectedVersion: z.number().int().min(0),
  })
  .strict()
  .meta({ id: 'NewQueueRanking' })
export type NewQueueRanking = z.infer<typeof NewQueueRanking>

export const PublishedQueueRanking = QueueRanking.extend({ impact: QueueRankingImpact }).meta({
  id: 'PublishedQueueRanking',
})
