import {
  Badge,
  Button,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Table,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import {
  FINANCIAL_ASSISTANCE_KIND_LABELS,
  type NewServiceType,
  SERVICE_CATEGORY_LABELS,
  SERVICE_UNITS,
  type ServiceType,
  serviceTypeProblems,
} from '@threshold/core'
import { useState } from 'react'
import { EmptyRow, ListTable } from '../../components/ListTable'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { labelledOptions } from '../clients/client-options'
import { DraftFormFrame, EditorModal, useDraftForm } from '../clients/DraftForm'
import { formatMoney } from './ServicesPanel'
import { serviceKeys, servicesApi } from './services-api'

const CATEGORY_OPTIONS = labelledOptions(SERVICE_CATEGORY_LABELS)
const KIND_OPTIONS = labelledOptions(FINANCIAL_ASSISTANCE_KIND_LABELS)
const UNIT_OPTIONS = SERVICE_UNITS.map((unit) => ({ value: unit, label: unit }))

interface TypeValues {
  name: string
  category: string
  assistanceKind: string | null
  unit: string
  defaultValue: number | string
  active: boolean
}

function toServiceType(values: TypeValues): NewServiceType {
  return {
    name: values.name.trim(),
    category: values.category as NewServiceType['category'],
    assistanceKind: (values.category === 'financial_assistance'
      ? values.assistanceKind
      : null) as NewServiceType['assistanceKind'],
    unit: values.unit as NewServiceType['unit'],
    defaultValue: values.defaultValue === '' ? null : Number(values.defaultValue),
    active: values.active,
    hudRecordType: null,
    hudTypeProvided: null,
  }
}

function ServiceTypeForm({ type, onClose }: { type: ServiceType | null; onClose: () => void }) {
  const form = useForm<TypeValues>({
    initialValues: {
      name: type?.name ?? '',
      category: type?.category ?? 'supportive_services',
      assistanceKind: type?.assistanceKind ?? null,
      unit: type?.unit ?? 'count',
      defaultValue: type?.defaultValue ?? '',
      active: type?.active ?? true,
    },
    validate: (values) => {
      const errors: Record<string, string> = values.name.trim() ? {} : { name: 'The name is required' }
      const {
        hudRecordType: _record,
        hudTypeProvided: _provided,
        ...problems
      } = serviceTypeProblems(toServiceType(values))
      return { ...problems, ...errors }
    },
  })
  const { draft, submit } = useDraftForm(form, {
    subject: `service-type:${type?.id ?? 'new'}`,
    save: (values) => {
      const { hudRecordType: _record, hudTypeProvided: _provided, ...fields } = toServiceType(values)
      return type ? servicesApi.updateType(type.id, fields) : servicesApi.createType(toServiceType(values))
    },
    refresh: serviceKeys.all,
    onClose,
    conflictField: 'name',
  })
  const values = form.getValues()
  return (
    <DraftFormFrame draft={draft} submit={submit} onClose={onClose} label="Save service">
      <TextInput label="Name" withAsterisk maxLength={120} {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Category"
          withAsterisk
          allowDeselect={false}
          data={CATEGORY_OPTIONS}
          {...form.getInputProps('category')}
        />
        {values.category === 'financial_assistance' && (
          <Select
            label="Pays for"
            withAsterisk
            data={KIND_OPTIONS}
            {...form.getInputProps('assistanceKind')}
          />
        )}
        <Select
          label="Unit"
          withAsterisk
          allowDeselect={false}
          data={UNIT_OPTIONS}
          {...form.getInputProps('unit')}
        />
        <NumberInput label="Default value" min={0} decimalScale={2} {...form.getInputProps('defaultValue')} />
      </SimpleGrid>
      <Switch
        label="Active (offered when recording services)"
        {...form.getInputProps('active', { type: 'checkbox' })}
      />
    </DraftFormFrame>
  )
}

/** The agency's service catalogue: what staff pick from when they record a service. */
export function ServiceCataloguePage() {
  const catalogue = useQuery({
    queryKey: serviceKeys.catalogue(true),
    queryFn: () => servicesApi.catalogue(true),
  })
  const [editing, setEditing] = useState<ServiceType | 'new' | null>(null)
  return (
    <>
      <PageHeader
        title="Service catalogue"
        description="The services your agency records on enrollments, with their unit and default value."
        actions={<Button onClick={() => setEditing('new')}>Add service</Button>}
      />
      <QueryState query={catalogue} label="the service catalogue">
        {(types) => (
          <ListTable>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Default</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.length === 0 && <EmptyRow colSpan={6}>No service yet.</EmptyRow>}
              {types.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Td>{type.name}</Table.Td>
                  <Table.Td>
                    {SERVICE_CATEGORY_LABELS[type.category]}
                    {type.assistanceKind && ` · ${FINANCIAL_ASSISTANCE_KIND_LABELS[type.assistanceKind]}`}
                  </Table.Td>
                  <Table.Td>{type.unit}</Table.Td>
                  <Table.Td>
                    {type.defaultValue === null
                      ? '—'
                      : type.unit === 'dollars'
                        ? formatMoney(type.defaultValue)
                        : type.defaultValue}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={type.active ? 'green' : 'gray'} variant="light">
                      {type.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(type)}
                      aria-label={`Edit ${type.name}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryState>
      <EditorModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ add: 'Add a service', edit: 'Edit a service' }}
      >
        {(type) => <ServiceTypeForm type={type} onClose={() => setEditing(null)} />}
      </EditorModal>
    </>
  )
}
