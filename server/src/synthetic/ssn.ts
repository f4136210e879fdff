import { unissuableSsnReason } from '@threshold/core'

// Social Security numbers that pass the SSA's structural rules (the checks HMIS vendors warn on): area
// 001–899 except 666, group 01–99, serial 0001–9999. Every person gets a different one: person numbers go
// through a keyed permutation of that space (a Feistel network with cycle walking), so uniqueness costs no
// memory even for millions of clients and consecutive people get unrelated numbers.

const AREAS = 898 // 001–899 without 666
const GROUPS = 99
const SERIALS = 9999
const SPACE = AREAS * GROUPS * SERIALS // 888,931,098 < 2^30
const HALF_BITS = 15
const HALF_MASK = (1 << HALF_BITS) - 1

export const isValidSsn = (ssn: string): boolean => /^[0-9]{9}$/.test(ssn) && !unissuableSsnReason(ssn)

/** Distinct valid SSNs for distinct person numbers (below 888,931,098); `key` changes the whole sequence. */
export function ssnForPerson(personNumber: number, key: number): string {
  let position = personNumber
  do position = feistel(position, key)
  while (position >= SPACE)
  const serial = (position % SERIALS) + 1
  position = Math.floor(position / SERIALS)
  const group = (position % GROUPS) + 1
  const areaIndex = Math.floor(position / GROUPS) + 1
  const area = areaIndex >= 666 ? areaIndex + 1 : areaIndex
  return `${pad(area, 3)}${pad(group, 2)}${pad(serial, 4)}`
}

/** A bijection on 30-bit numbers: four Feistel rounds with a multiply-xorshift round function. */
function feistel(value: number, key: number): number {
  let left = (value >>> HALF_BITS) & HALF_MASK
  let right = value & HALF_MASK
  for (let round = 0; round < 4; round++) {
    let mixed = Math.imul(right ^ key ^ (round * 0x9e3779b9), 0x85ebca6b)
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35)
    const next = left ^ ((mixed ^ (mixed >>> 16)) & HALF_MASK)
    left = right
    right = next
  }
  return (left << HALF_BITS) | right
}

/** Every valid SSN made by swapping two adjacent, different digits (a common typing slip). */
export function ssnTranspositions(ssn: string): string[] {
  return [...Array(8).keys()]
    .filter((i) => ssn[i] !== ssn[i + 1])
    .map((i) => `${ssn.slice(0, i)}${ssn[i + 1]}${ssn[i]}${ssn.slice(i + 2)}`)
    .filter(isValidSsn)
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
