import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import LocalTime from './LocalTime.vue'

// R6: local time on the page, UTC on hover and on keyboard focus. The test runs in UTC+8 so the
// two differ (happy-dom's Date follows TZ).
const ISO = '2025-01-22T09:30:00.000Z'

// Node re-reads TZ when it is set, so the page's local time is UTC+8 here.
beforeEach(() => {
  vi.stubEnv('TZ', 'Asia/Shanghai')
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

function mountTime(props: Record<string, unknown>) {
  return mountWith(LocalTime, { api: fakeApi(), props })
}

describe('LocalTime', () => {
  it('shows the local time and is reachable by keyboard', () => {
    const { wrapper } = mountTime({ iso: ISO })
    const time = wrapper.get('time')
    expect(time.text()).toBe('2025-01-22 17:30')
    expect(time.attributes('datetime')).toBe(ISO)
    expect(wrapper.get('[data-testid="local-time"]').attributes('tabindex')).toBe('0')
    wrapper.unmount()
  })

  it('opens the UTC time on keyboard focus and names it as the description', async () => {
    const { wrapper, overlay } = mountTime({ iso: ISO })
    expect(overlay.textContent).not.toContain('UTC')
    const target = wrapper.get('[data-testid="local-time"]')
    await target.trigger('focusin')
    await nextTick()
    await nextTick()
    const tooltip = overlay.querySelector('[role="tooltip"]')
    expect(tooltip?.textContent?.trim()).toBe('2025-01-22 09:30 UTC')
    expect(target.attributes('aria-describedby')).toBe(tooltip?.id)
    await target.trigger('focusout')
    await nextTick()
    expect(target.attributes('aria-describedby')).toBeUndefined()
    wrapper.unmount()
  })

  it('opens the UTC time on hover too', async () => {
    const { wrapper, overlay } = mountTime({ iso: ISO, dateOnly: true })
    expect(wrapper.get('time').text()).toBe('2025-01-22')
    await wrapper.get('[data-testid="local-time"]').trigger('mouseenter')
    await nextTick()
    expect(overlay.querySelector('[role="tooltip"]')?.textContent?.trim()).toBe(
      '2025-01-22 09:30 UTC'
    )
    wrapper.unmount()
  })

  it('shows "—" and nothing focusable without an instant', () => {
    const { wrapper } = mountTime({ iso: null })
    expect(wrapper.text()).toBe('—')
    expect(wrapper.find('[tabindex]').exists()).toBe(false)
    wrapper.unmount()
  })
})
