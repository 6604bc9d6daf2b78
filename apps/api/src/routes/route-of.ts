import { API_ROUTES, type RouteName } from '@partner-center/contracts/routes'

type TableRoute<N extends RouteName> = (typeof API_ROUTES)[N]

/**
 * The part of a `createRoute` definition the contracts' route table decides: method, path and,
 * for every route that is not `auth: 'none'`, the bearer security requirement of the OpenAPI
 * document. A path is written once, in the table; `test/route-table.int.test.ts` checks that the
 * document and the table hold the same routes.
 *
 * @example
 * const meRoute = createRoute({ ...routeOf('getMe'), summary: 'Who is signed in', responses })
 */
export function routeOf<N extends RouteName>(name: N) {
  const route: TableRoute<N> = API_ROUTES[name]
  return {
    method: route.method.toLowerCase() as Lowercase<TableRoute<N>['method']>,
    path: route.path as TableRoute<N>['path'],
    ...(route.auth === 'none' ? {} : { security: [{ bearer: [] }] }),
  }
}
