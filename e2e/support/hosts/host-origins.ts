import { e2eEnv } from '../../env'

/**
 * The host consoles of tests/hosts, each on a fixed port (the API's CORS_ALLOWED_ORIGINS must
 * name every origin before the system starts, playwright.config.ts) beside the run's own ports,
 * so two runs with their own E2E_* ports do not collide. Hosts are on 127.0.0.1 while the API
 * and the module are on localhost: three origins.
 */
const HOST_PORT_OFFSETS = { singleSpa: 1, qiankun: 2, react: 3 } as const

/** A host console's kind: the key of its port. */
export type HostKind = keyof typeof HOST_PORT_OFFSETS

/** The port of a host console. */
export function hostPort(kind: HostKind): number {
  return e2eEnv.ports.portal + HOST_PORT_OFFSETS[kind]
}

/** The origin of a host console, e.g. `http://127.0.0.1:4277`. */
export function hostOrigin(kind: HostKind): string {
  return `http://127.0.0.1:${hostPort(kind)}`
}

/** Every host console's origin, for CORS_ALLOWED_ORIGINS. */
export const HOST_ORIGINS: readonly string[] = (Object.keys(HOST_PORT_OFFSETS) as HostKind[]).map(
  hostOrigin
)
