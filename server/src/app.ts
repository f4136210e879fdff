import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { assessmentToolRoutes } from './assessment-tools/assessment-tools.routes'
import { auditRoutes } from './audit/audit.routes'
import { authRoutes } from './auth/auth.routes'
import { registerAuthentication } from './auth/authenticate'
import { bedRoutes } from './beds/beds.routes'
import { caseNoteRoutes } from './case-notes/case-notes.routes'
import { ceEventRoutes } from './ce-events/ce-events.routes'
import { ceWorkflowRoutes } from './ce-workflow/ce-workflow.routes'
import { clientRoutes } from './clients/clients.routes'
import { clientSearchRoutes } from './clients/search.routes'
import { cocRoutes } from './cocs/cocs.routes'
import { eligibilityRoutes } from './eligibility/eligibility.routes'
import { enrollmentRoutes } from './enrollments/enrollments.routes'
import { householdRoutes } from './households/households.routes'
import type { AppDeps, RoutePlugin } from './http/app-context'
import { registerErrorHandler } from './http/error-handler'
import { AppError } from './http/errors'
import { registerSecurityHeaders } from './http/security-headers'
import { registerStaticWeb } from './http/static-web'
import { mergeRoutes } from './merge/merge.routes'
import { notificationRoutes } from './notifications/notifications.routes'
import { organizationRoutes } from './organizations/organizations.routes'
import { projectRoutes } from './projects/projects.routes'
import { queueRoutes } from './queue/queue.routes'
import { referralRoutes } from './referrals/referrals.routes'
import { releaseRoutes } from './releases/releases.routes'
import { serviceRoutes } from './services/services.routes'
import { healthRoutes } from './system/health.routes'
import { userRoutes } from './users/users.routes'

/** Every domain's routes; a new domain adds its plugin here. */
const ROUTES: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
  cocRoutes,
  organizationRoutes,
  projectRoutes,
  userRoutes,
  auditRoutes,
  clientRoutes,
  clientSearchRoutes,
  mergeRoutes,
  householdRoutes,
  enrollmentRoutes,
  ceWorkflowRoutes,
  releaseRoutes,
  bedRoutes,
  caseNoteRoutes,
  serviceRoutes,
  assessmentToolRoutes,
  eligibilityRoutes,
  queueRoutes,
  referralRoutes,
  ceEventRoutes,
  notificationRoutes,
]

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')

export interface BuildOptions {
  /** Serve web/dist when it exists (the production server); tests leave it off. */
  serveWeb?: boolean
  logger?: boolean
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          // Request logs carry the route pattern, never the query string (searches hold names) or bodies.
          serializers: {
            req: (request) => ({ method: request.method, route: request.routeOptions?.url ?? 'unmatched' }),
            res: (reply) => ({ statusCode: reply.statusCode }),
          },
          redact: ['req.headers.cookie', 'req.headers.authorization'],
        }
      : false,
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  registerSecurityHeaders(app, { hsts: deps.config.secureCookies })

  // JSON bodies only; a NUL character anywhere in them is refused before it reaches a use case.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(new AppError('malformed_json', 'The request body is empty'))
    try {
      done(
        null,
        JSON.parse(body as string, (_key, value) => {
          if (typeof value === 'string' && value.includes('\u0000')) {
            throw new AppError('invalid_input', 'Text must not contain NUL characters')
          }
          return value
        }),
      )
    } catch (error) {
      done(
        error instanceof AppError
          ? error
          : new AppError('malformed_json', 'The request body is not valid JSON'),
      )
    }
  })
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url))
      throw new AppError('invalid_input', 'The address must not contain NUL characters')
  })

  await app.register(fastifyCookie)
  registerAuthentication(app, deps)

  app.addHook('onRoute', (route) => {
    // The API document and its docs page are public, like the app's sign-in page.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true }
  })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Threshold API', description: 'HMIS and Coordinated Entry', version: deps.version },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'threshold_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } })

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  )

  for (const plugin of ROUTES) plugin(app, deps)

  if (options.serveWeb) await registerStaticWeb(app, WEB_DIST)
  return app
}
