import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { usePortalI18n } from '../i18n'
import LocalTime from './LocalTime.vue'
import source from './LocalTime.vue?raw'

// R6 in the portal: the local time is focusable and described by its UTC time, which the
// stylesheet shows on hover and on keyboard focus.
// Node re-reads TZ when it is set, so the page's local time is UTC+8 here.
beforeEach(() => {
  vi.stubEnv('TZ', 'Asia/Shanghai')
})
afterEach(() => {
  vi.unstubAllEnvs()
  usePortalI18n().setLocale('en')
})

describe('portal LocalTime', () => {
  it('shows the local time, focusable, described by the UTC time', () => {
    const wrapper = mount(LocalTime, { props: { iso: '2026-03-09T09:00:00.000Z' } })
    const time = wrapper.get('time')
    expect(time.text()).toBe('2026-03-09 17:00')
    expect(time.attributes('tabindex')).toBe('0')
    const tooltip = wrapper.get('[role="tooltip"]')
    expect(time.attributes('aria-describedby')).toBe(tooltip.attributes('id'))
    expect(tooltip.text()).toBe('2026-03-09 09:00 UTC')
  })

  it('shows the tooltip on keyboard focus as on hover (its stylesheet rule)', () => {
    // happy-dom computes no :hover or :focus styles: the rule itself is checked.
    const rule = /([^{}]+)\{\s*display:\s*block;?\s*\}/.exec(source)?.[1] ?? ''
    expect(rule).toContain('.local-time:hover .local-time__utc')
    expect(rule).toContain('.local-time time:focus + .local-time__utc')
  })
})
