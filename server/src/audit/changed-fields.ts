import { isDeepStrictEqual } from 'node:util'

/**
 * The part of a patch that really changes something (given, and different from the current value).
 * Its keys are what an update's audit row records; an empty result means there is nothing to write.
 */
export function onlyChanges<T extends object>(current: T, patch: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(
      ([field, value]) => value !== undefined && !isDeepStrictEqual(value, current[field as keyof T]),
    ),
  ) as Partial<T>
}
