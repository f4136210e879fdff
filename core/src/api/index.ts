export * from './admin'
export * from './audit'
export * from './auth'
export * from './common'
