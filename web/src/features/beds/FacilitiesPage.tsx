import { Anchor, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import type { Availability } from '@threshold/core'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { projectTypeLabel } from '../projects/project-types'
import { PATHS } from '../shell/navigation'
import { householdTypeLabel } from './bed-states'
import { bedKeys, bedsApi } from './beds-api'

// The Beds area: the facilities whose board the user may open, and the CoC's "available tonight" counts
// (counts only: the server never puts a resident in them).

type AvailabilityItem = Availability['items'][number]

interface Totals {
  key: string
  label: string
  beds: number
  availableTonight: number
  acceptingReferrals: number
}

function totalsBy(
  items: AvailabilityItem[],
  keyOf: (item: AvailabilityItem) => string,
  labelOf: (key: string) => string,
) {
  const totals = new Map<string, Totals>()
  for (const item of items) {
    const key = keyOf(item)
    const total = totals.get(key) ?? {
      key,
      label: labelOf(key),
      beds: 0,
      availableTonight: 0,
      acceptingReferrals: 0,
    }
    total.beds += item.beds
    total.availableTonight += item.availableTonight
    total.acceptingReferrals += item.acceptingReferrals
    totals.set(key, total)
  }
  return [...totals.values()].sort((a, b) => a.label.localeCompare(b.label))
}

function CountsTable({ caption, heading, rows }: { caption: string; heading: string; rows: Totals[] }) {
  return (
    <ListTable minWidth={480}>
      <caption className="visually-hidden">{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{heading}</Table.Th>
          <Table.Th ta="right">Available tonight</Table.Th>
          <Table.Th ta="right">Leaving soon, accepting referrals</Table.Th>
          <Table.Th ta="right">Beds</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow colSpan={4}>No beds in service yet.</EmptyRow>}
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {row.availableTonight}
            </Table.Td>
            <Table.Td ta="right">{row.acceptingReferrals}</Table.Td>
            <Table.Td ta="right">{row.beds}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  )
}

function AvailableTonight({ availability }: { availability: Availability }) {
  const { items } = availability
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Available tonight across the CoC
      </Title>
      <Text size="sm" c="dimmed">
        Counts for {availability.date}, by project type, household type and facility. They name nobody.
      </Text>
      <CountsTable
        caption="Available tonight by project type"
        heading="Project type"
        rows={totalsBy(
          items,
          (item) => String(item.projectType),
          (key) => projectTypeLabel(Number(key)),
        )}
      />
      <CountsTable
        caption="Available tonight by household type"
        heading="Household type"
        rows={totalsBy(
          items,
          (item) => String(item.householdType),
          (key) => householdTypeLabel(Number(key)),
        )}
      />
      <CountsTable
        caption="Available tonight by facility"
        heading="Facility"
        rows={totalsBy(
          items,
          (item) => item.facilityId,
          (key) => {
            const item = items.find((candidate) => candidate.facilityId === key)
            return item ? `${item.facilityName} (${item.organizationName})` : key
          },
        )}
      />
    </Stack>
  )
}

export function FacilitiesPage() {
  const facilities = useQuery({ queryKey: bedKeys.facilities, queryFn: bedsApi.facilities })
  const availability = useQuery({ queryKey: bedKeys.availability, queryFn: bedsApi.availability })
  return (
    <>
      <PageHeader
        title="Beds"
        description="Open a facility's board to check people in and out, hold beds and take them offline."
      />
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Facilities
          </Title>
          <QueryState query={facilities} label="facilities">
            {({ items }) => (
              <ListTable>
                <caption className="visually-hidden">Facilities</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Facility</Table.Th>
                    <Table.Th>Agency</Table.Th>
                    <Table.Th>Address</Table.Th>
                    <Table.Th ta="right">Beds</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.length === 0 && <EmptyRow colSpan={4}>No facility you can open.</EmptyRow>}
                  {items.map((facility) => (
                    <Table.Tr key={facility.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`${PATHS.beds}/${facility.id}`} fw={600}>
                          {facility.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{facility.organizationName}</Table.Td>
                      <Table.Td>{facility.address ?? '—'}</Table.Td>
                      <Table.Td ta="right">{facility.bedCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
            )}
          </QueryState>
        </Stack>
        <QueryState query={availability} label="availability">
          {(loaded) => <AvailableTonight availability={loaded} />}
        </QueryState>
      </Stack>
    </>
  )
}
