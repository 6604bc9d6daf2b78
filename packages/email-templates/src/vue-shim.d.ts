// For tools that read TypeScript without Vue support (typed ESLint); vue-tsc and Vite resolve
// the real `.vue` files and never use this declaration.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
