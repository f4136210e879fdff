import { z } from 'zod'

/** The one error shape every API failure uses. */
export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' })
export type ApiError = z.infer<typeof ApiError>

const NUL = '\u0000'

/** Free text: trimmed, no NUL bytes (PostgreSQL refuses them), bounded length. */
export const text = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes(NUL), 'must not contain NUL characters')

export const requiredText = (max = 200) => text(max).pipe(z.string().min(1, 'is required'))

/** A real calendar date as YYYY-MM-DD (2023-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number]
    const date = new Date(Date.UTC(year, month - 1, day))
    return (
      year >= 1900 &&
      year <= 2200 &&
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day
    )
  }, 'must be a real calendar date between 1900 and 2200')

export const uuid = z.uuid('must be an id')

export const IdParams = z.object({ id: uuid })

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
