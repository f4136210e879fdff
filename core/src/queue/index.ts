export * from './document-checklist'
export * from './household-facts'
export * from './ranking'
export * from './statuses'
