import { describe, expect, it, vi } from 'vitest'
import { createEventBus } from './create-event-bus'

describe('createEventBus', () => {
  it('delivers the detail to listeners of that name only', () => {
    const events = createEventBus()
    const sent = vi.fn()
    const associated = vi.fn()
    events.on('invitation:sent', sent)
    events.on('customer:associated', associated)
    events.emit('invitation:sent', { invitationId: 'inv-1' })
    expect(sent).toHaveBeenCalledExactlyOnceWith({ invitationId: 'inv-1' })
    expect(associated).not.toHaveBeenCalled()
  })

  it('passes undefined when emitted without a detail', () => {
    const events = createEventBus()
    const listener = vi.fn()
    events.on('invitation:batch-completed', listener)
    events.emit('invitation:batch-completed')
    expect(listener).toHaveBeenCalledExactlyOnceWith(undefined)
  })

  it('stops calling a listener once unsubscribed, and tolerates a second unsubscribe', () => {
    const events = createEventBus()
    const listener = vi.fn()
    const off = events.on('invitation:sent', listener)
    events.emit('invitation:sent', 1)
    off()
    off()
    events.emit('invitation:sent', 2)
    expect(listener).toHaveBeenCalledExactlyOnceWith(1)
  })

  it('subscribes the same function twice independently', () => {
    const events = createEventBus()
    const listener = vi.fn()
    const offFirst = events.on('invitation:sent', listener)
    events.on('invitation:sent', listener)
    offFirst()
    events.emit('invitation:sent')
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('keeps emitting to later listeners when one throws', () => {
    const onListenerError = vi.fn()
    const events = createEventBus({ onListenerError })
    const failure = new Error('listener bug')
    const later = vi.fn()
    events.on('invitation:sent', () => {
      throw failure
    })
    events.on('invitation:sent', later)
    expect(() => events.emit('invitation:sent', 'x')).not.toThrow()
    expect(later).toHaveBeenCalledExactlyOnceWith('x')
    expect(onListenerError).toHaveBeenCalledExactlyOnceWith(failure, 'invitation:sent')
  })

  it('reports listener errors to console.error by default', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const events = createEventBus()
    events.on('invitation:sent', () => {
      throw new Error('listener bug')
    })
    events.emit('invitation:sent')
    expect(consoleError).toHaveBeenCalledWith(
      '[mfe-contract] a listener of "invitation:sent" threw',
      expect.any(Error)
    )
    consoleError.mockRestore()
  })

  it('survives an error reporter that throws', () => {
    const events = createEventBus({
      onListenerError: () => {
        throw new Error('reporter bug')
      },
    })
    events.on('invitation:sent', () => {
      throw new Error('listener bug')
    })
    expect(() => events.emit('invitation:sent')).not.toThrow()
  })

  it('keeps separate buses apart', () => {
    const first = createEventBus()
    const second = createEventBus()
    const listener = vi.fn()
    second.on('invitation:sent', listener)
    first.emit('invitation:sent')
    expect(listener).not.toHaveBeenCalled()
  })
})
