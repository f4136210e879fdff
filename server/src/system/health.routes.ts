import { Health } from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'

export const healthRoutes: RoutePlugin = (app, deps) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness and database engine', response: { 200: Health } },
    },
    async () => {
      await deps.database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute()
      return { status: 'ok' as const, database: deps.database.engine, version: deps.version }
    },
  )
}
