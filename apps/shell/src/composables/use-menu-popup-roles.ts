import { onBeforeUnmount, onMounted, type Ref } from 'vue'

const POPUP = 'ul.el-menu--popup:not([role])'

/**
 * Element Plus (2.14) draws a submenu's popup as a bare `<ul>` around items of role `menuitem`,
 * so screen readers meet menu items outside any menu (axe: aria-required-parent, list). This
 * gives each popup below `root` the role `menu` as it appears. The submenus must render their
 * popups in place (`:teleported="false"`) for them to be below `root`.
 */
export function useMenuPopupRoles(root: Ref<{ $el: Element } | null>): void {
  const label = () =>
    root.value?.$el.querySelectorAll(POPUP).forEach((popup) => popup.setAttribute('role', 'menu'))
  const observer = new MutationObserver(label)
  onMounted(() => {
    if (!root.value) return
    label()
    observer.observe(root.value.$el, { childList: true, subtree: true })
  })
  onBeforeUnmount(() => observer.disconnect())
}
