import { API_ROUTES, type ApiRoute } from '@partner-center/contracts/routes'

// Which row of the route table a request is for, before Hono routes it: the API key check of
// R141 answers before any handler, guard or body parser runs.

interface CompiledRoute {
  route: ApiRoute
  pattern: RegExp
}

function compile(route: ApiRoute): CompiledRoute {
  const source = route.path
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  return { route, pattern: new RegExp(`^/api${source}/?$`) }
}

// Rows without parameters first, so a literal segment (`…/general`) wins over `{id}`.
const COMPILED: readonly CompiledRoute[] = (Object.values(API_ROUTES) as ApiRoute[])
  .map(compile)
  .sort(
    (a, b) => (a.route.path.match(/\{/g)?.length ?? 0) - (b.route.path.match(/\{/g)?.length ?? 0)
  )

/**
 * The route table's row of a request's method and path (below `/api`), or undefined for a path
 * the table does not hold (it answers 404 later).
 *
 * @example
 * matchTableRoute('GET', '/api/v1/me') // API_ROUTES.getMe
 */
export function matchTableRoute(method: string, path: string): ApiRoute | undefined {
  const verb = method === 'HEAD' ? 'GET' : method
  return COMPILED.find(({ route, pattern }) => route.method === verb && pattern.test(path))?.route
}
