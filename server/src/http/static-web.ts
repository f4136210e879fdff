import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { notFound } from './errors'

/** Serves the built web app (web/dist) with client-side routing: unknown non-API paths get index.html. */
export async function registerStaticWeb(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return false
  // The app's files are public like its sign-in page: the browser loads them before anyone signs in.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true }
    })
    await scope.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] })
    registerClientRouting(scope, webDist)
  })
  return true
}

function registerClientRouting(app: FastifyInstance, webDist: string): void {
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { '*': string })['*']
    if (file.startsWith('api/')) throw notFound('API route')
    const candidate = path.join(webDist, file)
    if (
      file &&
      candidate.startsWith(webDist) &&
      fs.existsSync(candidate) &&
      fs.statSync(candidate).isFile()
    ) {
      return reply.sendFile(file)
    }
    return reply.sendFile('index.html')
  })
}
