import type { Enrollment } from '@threshold/core'
import { formatDate } from '../../components/format'

/** A client's enrollments as the choices of a select: the project and its start date. */
export const enrollmentOptions = (enrollments: readonly Enrollment[]) =>
  enrollments.map((enrollment) => ({
    value: enrollment.id,
    label: `${enrollment.projectName} (from ${formatDate(enrollment.entryDate)})`,
  }))
