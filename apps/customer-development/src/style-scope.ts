/**
 * The names that keep the module's styles to itself (architecture.md §4 "Styles"), read by the
 * build (vite-scope-styles.ts, the SCSS namespace) and by the code that creates the root.
 */

/**
 * Element Plus's class and CSS-variable prefix inside this module: `cd-el-button`,
 * `--cd-el-color-primary`. A host's own Element Plus (prefix `el`, any version or theme) then
 * neither matches the module's elements nor reads the module's variables, and back.
 */
export const ELEMENT_NAMESPACE = 'cd-el'

/** The class of the module root: every rule of the module's stylesheet is scoped below it. */
export const MODULE_ROOT_CLASS = 'pc-customer-development'
