import { type BedState, hudLabel } from '@threshold/core'

/**
 * How each bed state looks on the board: a colour, and always a symbol and words too, so the board reads
 * the same without colour (printouts, colour blindness, screen readers).
 */
export const BED_STATE_LOOK: Record<BedState, { label: string; symbol: string; color: string }> = {
  available: { label: 'Available', symbol: '○', color: 'green' },
  held: { label: 'Held', symbol: '◔', color: 'yellow' },
  occupied: { label: 'Occupied', symbol: '●', color: 'blue' },
  occupied_accepting: { label: 'Leaving soon, accepting referrals', symbol: '◑', color: 'grape' },
  offline: { label: 'Offline', symbol: '✕', color: 'red' },
  inactive: { label: 'Not in service', symbol: '–', color: 'gray' },
}

export const BED_STATE_ORDER: readonly BedState[] = [
  'available',
  'held',
  'occupied',
  'occupied_accepting',
  'offline',
  'inactive',
]

/** HUD 2.07.4 household type, in HUD's words. */
export const householdTypeLabel = (code: number) => hudLabel('2.07.4', code) ?? `Household type ${code}`
