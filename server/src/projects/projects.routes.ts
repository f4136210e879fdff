import { IdParams, NewProject, Project, ProjectList, ProjectPatch, ProjectQuery } from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { createProject } from './create-project'
import { getProject } from './get-project'
import { listProjects } from './list-projects'
import { updateProject } from './update-project'

export const projectRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['administration']

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Projects of the CoCs you can see',
        querystring: ProjectQuery,
        response: { 200: ProjectList },
      },
    },
    (request) => listProjects({ db, actor: request.actor, filter: request.query }),
  )

  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: "Add a project (CoC administrators, or the organization's agency administrators)",
        body: NewProject,
        response: { 201: Project },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProject({ db, actor: request.actor, input: request.body })),
  )

  app.get(
    '/api/projects/:id',
    { schema: { tags, summary: 'One project', params: IdParams, response: { 200: Project } } },
    (request) => getProject({ db, actor: request.actor, id: request.params.id }),
  )

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'Change a project',
        params: IdParams,
        body: ProjectPatch,
        response: { 200: Project },
      },
    },
    (request) => updateProject({ db, actor: request.actor, id: request.params.id, patch: request.body }),
  )
}
