/** Queue statuses (clienttrack-workflow step 4): the first three keep the household waiting and ranked. */
export const QUEUE_STATUSES = [
  'pending_review',
  'incomplete_documentation',
  'ready',
  'referred',
  'inactive',
  'housed',
  'exited',
] as const
export type QueueStatusValue = (typeof QUEUE_STATUSES)[number]

/** Statuses that hold a place in the ranking; the others have no rank. */
export const RANKED_QUEUE_STATUSES: readonly QueueStatusValue[] = [
  'pending_review',
  'incomplete_documentation',
  'ready',
]

/** Statuses that end the household's time on the queue (its CE enrollment was exited or it was housed). */
export const CLOSED_QUEUE_STATUSES: readonly QueueStatusValue[] = ['housed', 'exited']

export const QUEUE_STATUS_LABELS: Record<QueueStatusValue, string> = {
  pending_review: 'Pending review',
  incomplete_documentation: 'Incomplete documentation',
  ready: 'Ready',
  referred: 'Referred',
  inactive: 'Inactive (unable to locate)',
  housed: 'Housed',
  exited: 'Exited',
}

/** The program types a ranking and a document checklist can be set for ('all' = the queue's default order). */
export const QUEUE_PROGRAM_TYPES = ['all', 'psh', 'rrh', 'th'] as const
export type QueueProgramTypeValue = (typeof QUEUE_PROGRAM_TYPES)[number]

export const QUEUE_PROGRAM_TYPE_LABELS: Record<QueueProgramTypeValue, string> = {
  all: 'All programs (default order)',
  psh: 'Permanent supportive housing',
  rrh: 'Rapid re-housing',
  th: 'Transitional housing',
}
