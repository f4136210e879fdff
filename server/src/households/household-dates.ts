import { AppError } from '../http/errors'

/** Joining and leaving dates are facts already known: never in the future. */
export function assertNotFuture(date: string, today: string, field: string): void {
  if (date > today) {
    throw new AppError('unprocessable', `${field} must not be in the future`, [
      { path: field, message: 'must not be in the future' },
    ])
  }
}
