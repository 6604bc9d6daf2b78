// Lets typed lint rules see `.vue` imports from `.ts` files (vue-tsc checks the real types).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
