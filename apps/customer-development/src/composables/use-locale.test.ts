import { associationTypeLabel } from '@partner-center/domain'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useI18n } from 'vue-i18n'
import { fakeApi } from '../../test/fake-api'
import { mountWith } from '../../test/mount-with'
import { useLocale } from './use-locale'

describe('useLocale', () => {
  it("gives the domain's labels the page's language and follows a switch", async () => {
    const probe = defineComponent({
      setup() {
        const locale = useLocale()
        const { locale: i18nLocale } = useI18n()
        return () =>
          h('button', { type: 'button', onClick: () => (i18nLocale.value = 'zh-CN') }, [
            associationTypeLabel('referral', locale.value),
          ])
      },
    })
    const { wrapper } = mountWith(probe, { api: fakeApi() })
    expect(wrapper.text()).toBe('Referral')
    await wrapper.get('button').trigger('click')
    await nextTick()
    expect(wrapper.text()).toBe(associationTypeLabel('referral', 'zh-CN'))
    expect(wrapper.text()).not.toBe('Referral')
    wrapper.unmount()
  })
})
