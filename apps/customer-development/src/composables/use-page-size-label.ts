import { onMounted, onUpdated, type Ref } from 'vue'

/**
 * Element Plus's page-size select has no label of its own; give its input one so every
 * control is labelled (architecture.md §8).
 */
export function usePageSizeLabel(root: Ref<HTMLElement | null>, label: () => string): void {
  const apply = () => {
    root.value
      ?.querySelectorAll<HTMLInputElement>('.cd-el-pagination__sizes input')
      .forEach((input) => input.setAttribute('aria-label', label()))
  }
  onMounted(apply)
  onUpdated(apply)
}
