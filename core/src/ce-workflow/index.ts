export * from './document-types'
export * from './missing-elements'
