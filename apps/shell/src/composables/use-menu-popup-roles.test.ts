import { mount } from '@vue/test-utils'
import { ElMenu, ElMenuItem, ElSubMenu } from 'element-plus'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useMenuPopupRoles } from './use-menu-popup-roles'

// A horizontal menu like the console's: Sales > Leads > one item, popups rendered in place.
const Menu = defineComponent({
  setup() {
    const menu = ref<InstanceType<typeof ElMenu> | null>(null)
    useMenuPopupRoles(menu)
    return () =>
      h(
        ElMenu,
        { ref: menu, mode: 'horizontal', ellipsis: false },
        {
          default: () =>
            h(
              ElSubMenu,
              { index: 'sales', teleported: false },
              {
                title: () => 'Sales',
                default: () =>
                  h(
                    ElSubMenu,
                    { index: 'sales/leads' },
                    {
                      title: () => 'Leads',
                      default: () => h(ElMenuItem, { index: '/cd' }, () => 'Customer Development'),
                    }
                  ),
              }
            ),
        }
      )
  },
})

describe('useMenuPopupRoles', () => {
  it('gives every submenu popup the menu role, so its menu items have a menu around them', async () => {
    const wrapper = mount(Menu, { attachTo: document.body })
    await wrapper.find('.el-sub-menu').trigger('mouseenter')

    // Element Plus opens a submenu after a short hover delay.
    await vi.waitFor(() => expect(wrapper.findAll('ul.el-menu--popup').length).toBeGreaterThan(0))
    for (const popup of wrapper.findAll('ul.el-menu--popup')) {
      expect(popup.attributes('role')).toBe('menu')
    }
    wrapper.unmount()
  })
})
