import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import PortalApp from './PortalApp.vue'

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/invite', component: () => import('./pages/InvitationPage.vue') },
    { path: '/join', component: () => import('./pages/JoinPage.vue') },
    { path: '/console', component: () => import('./pages/ConsolePage.vue') },
    { path: '/:unknown(.*)*', redirect: '/invite' },
  ],
})

createApp(PortalApp).use(router).mount('#app')
