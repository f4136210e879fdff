export * from './api/index'
export * from './hud/index'
export * from './roles'
