export * from './evaluate'
export * from './facts'
