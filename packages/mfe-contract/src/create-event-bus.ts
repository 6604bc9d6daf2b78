import type { MfeEventBus, MfeEventName } from './types'

/**
 * Options of `createEventBus`.
 *
 * @example
 * const options: CreateEventBusOptions = { onListenerError: (error) => logger.warn(error) }
 */
export interface CreateEventBusOptions {
  /**
   * Receives what a listener threw. Defaults to `console.error`: a failing listener is a bug to
   * see, but it belongs to one subscriber and must not stop the others or the emitter.
   */
  onListenerError?: (error: unknown, name: MfeEventName) => void
}

// An Event carrying a payload. CustomEvent would do in browsers, but a plain Event subclass
// needs nothing beyond EventTarget, so the bus also works in server-side and worker code.
class BusEvent extends Event {
  constructor(
    type: string,
    readonly detail: unknown
  ) {
    super(type)
  }
}

/**
 * Creates the host's `MfeEventBus`, backed by an `EventTarget`. Every `on` call subscribes
 * separately (subscribing one function twice calls it twice) and returns its own idempotent
 * unsubscribe. Listeners run synchronously in subscription order; a throwing listener is
 * reported to `onListenerError` and the remaining listeners still run, so `emit` never throws.
 *
 * @example
 * const events = createEventBus()
 * const off = events.on('invitation:sent', (detail) => console.log('sent', detail))
 * events.emit('invitation:sent', { invitationId: 'inv-1' })
 * off()
 */
export function createEventBus(options: CreateEventBusOptions = {}): MfeEventBus {
  const target = new EventTarget()
  const onListenerError =
    options.onListenerError ??
    ((error: unknown, name: MfeEventName) => {
      console.error(`[mfe-contract] a listener of "${name}" threw`, error)
    })

  return {
    emit(name, detail) {
      target.dispatchEvent(new BusEvent(name, detail))
    },
    on(name, listener) {
      // Catching here, not in emit: some DOM implementations rethrow listener errors out of
      // dispatchEvent (happy-dom in tests), which would skip later listeners.
      const wrapped = (event: Event) => {
        try {
          listener((event as BusEvent).detail)
        } catch (error) {
          try {
            onListenerError(error, name)
          } catch {
            // The error reporter itself failed; there is nowhere left to report to.
          }
        }
      }
      target.addEventListener(name, wrapped)
      return () => {
        target.removeEventListener(name, wrapped)
      }
    },
  }
}
