import {
  DOCUMENT_REQUIREMENT_LABELS,
  type DocumentRequirement,
  QUEUE_PROGRAM_TYPE_LABELS,
  type QueueRow,
  RANKING_KEYS,
  type RankingKeyName,
} from '@threshold/core'

/** A ranking key's value as a reader says it (yes/no facts were ranked as 1/0). */
export function explanationValue(item: QueueRow['explanation'][number]): string {
  if (item.value === null) return 'not recorded'
  const definition = RANKING_KEYS[item.key as RankingKeyName]
  if (definition && ['chronic', 'veteran', 'youth', 'fleeing_dv'].includes(item.key))
    return item.value === 1 ? 'yes' : 'no'
  return String(item.value)
}

export function directionLabel(key: RankingKeyName, direction: 'asc' | 'desc'): string {
  return direction === 'desc' ? RANKING_KEYS[key].descLabel : RANKING_KEYS[key].ascLabel
}

export function rankingName(row: Pick<QueueRow, 'rankingProgramType' | 'rankingVersion'>): string {
  const name = QUEUE_PROGRAM_TYPE_LABELS[row.rankingProgramType]
  return row.rankingVersion === 0 ? `${name}, built-in default` : `${name}, version ${row.rankingVersion}`
}

/** "Complete for PSH, RRH" or the first program type's missing items. */
export function documentationSummary(
  row: Pick<QueueRow, 'documentsCompleteFor' | 'missingDocuments'>,
): string {
  if (row.documentsCompleteFor.length > 0)
    return `Complete for ${row.documentsCompleteFor.map((type) => type.toUpperCase()).join(', ')}`
  const missing = row.missingDocuments.rrh ?? Object.values(row.missingDocuments)[0] ?? []
  return `Missing: ${missing.map((item) => DOCUMENT_REQUIREMENT_LABELS[item as DocumentRequirement] ?? item).join(', ')}`
}
