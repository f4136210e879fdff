import { type AssessmentScore, type NewAssessmentScorePreview, scoreAssessment } from '@threshold/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../access/actor'
import type { DB } from '../db/schema'
import { AppError } from '../http/errors'
import { loadVisibleToolVersion } from './get-assessment-tool-version'

/** Scores answers with a version without storing anything; answers that do not fit are a 400 per question. */
export async function previewAssessmentScore({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>
  actor: Actor
  id: string
  input: NewAssessmentScorePreview
}): Promise<AssessmentScore> {
  const version = await loadVisibleToolVersion(db, actor, id)
  const outcome = scoreAssessment(version, input.variant, input.answers)
  if (outcome.ok) return outcome.score
  throw new AppError(
    'invalid_input',
    outcome.issues.length === 1
      ? (outcome.issues[0]?.message ?? 'An answer does not fit its question')
      : `${outcome.issues.length} answers do not fit their questions`,
    outcome.issues.map((issue) => ({
      path: issue.questionId ? `body.answers.${issue.questionId}` : 'body.variant',
      message: issue.message,
    })),
  )
}
