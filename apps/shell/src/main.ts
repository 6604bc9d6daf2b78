import 'element-plus/theme-chalk/base.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createShellI18n, initialLocale } from './i18n'
import { createShellRouter } from './router'
import './styles/theme.css'

const locale = initialLocale()
document.documentElement.lang = locale

const app = createApp(App)
app.use(createPinia())
app.use(createShellI18n(locale))
app.use(createShellRouter())
app.mount('#app')
