export * from './demo-tool'
export * from './score-assessment'
export * from './tool-definition'
