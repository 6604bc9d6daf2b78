import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useSessionStore } from './stores/session'

/** Where the Customer Development module lives in the console (domain.md §9.1). */
export const CUSTOMER_DEVELOPMENT_PATH = '/sales/leads/customer-development'

/** Sends visitors without a session to sign-in and back to where they were going afterwards. */
async function requireSession(to: RouteLocationNormalized) {
  const session = useSessionStore()
  if (await session.restore()) return true
  return { name: 'sign-in', query: { redirect: to.fullPath } }
}

/** Where the ecosystem manager's Partners page lives (domain.md S13). */
export const ADMIN_PARTNERS_PATH = '/admin/partners'

/** Where the ecosystem manager's API Keys page lives (domain.md S35). */
export const ADMIN_API_KEYS_PATH = '/admin/api-keys'

/** Where the ecosystem manager's Webhooks page lives (domain.md S35). */
export const ADMIN_WEBHOOKS_PATH = '/admin/webhooks'

/**
 * The ecosystem manager cannot use the partner console (R9), so their start page is Partners.
 * Runs after the layout's `requireSession`, so `me` is loaded.
 */
function landManagerOnPartners() {
  const session = useSessionStore()
  return session.me?.user.role === 'ecosystem_manager' ? { name: 'admin-partners' } : true
}

/** The shell's routes. */
export function createShellRouter() {
  return createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue') },
      {
        path: '/',
        component: () => import('./layouts/ConsoleLayout.vue'),
        beforeEnter: requireSession,
        children: [
          {
            path: '',
            name: 'home',
            component: () => import('./pages/HomePage.vue'),
            beforeEnter: landManagerOnPartners,
          },
          {
            // Open to every signed-in user: a partner user is shown "not permitted" (R7, R9).
            path: ADMIN_PARTNERS_PATH.slice(1),
            name: 'admin-partners',
            component: () => import('./pages/PartnersPage.vue'),
          },
          // S35; like Partners, open to every signed-in user, who is told when not permitted.
          {
            path: ADMIN_API_KEYS_PATH.slice(1),
            name: 'admin-api-keys',
            component: () => import('./pages/ApiKeysPage.vue'),
          },
          {
            path: `${ADMIN_WEBHOOKS_PATH.slice(1)}/:id?`,
            name: 'admin-webhooks',
            component: () => import('./pages/WebhooksPage.vue'),
          },
          // The development mailbox; the API answers 404 in production, so it shows nothing.
          { path: 'mailbox', name: 'mailbox', component: () => import('./pages/MailboxPage.vue') },
          {
            path: `${CUSTOMER_DEVELOPMENT_PATH.slice(1)}/:rest(.*)*`,
            name: 'customer-development',
            component: () => import('./pages/CustomerDevelopmentPage.vue'),
          },
        ],
      },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  })
}
