import { describe, expect, it } from 'vitest'
import { allowedOrigin, assertLinkAllowed } from './link-policy.js'
import { renderEmail } from './render/render-email.js'
import { POLICY, invitation } from './testing/fixtures.js'
import type { LinkPolicy } from './types.js'

const ORIGIN = 'https://partners.example.com'

describe('allowedOrigin', () => {
  it.each([
    [{ origin: 'https://partners.example.com', appEnv: 'production' }, ORIGIN],
    [{ origin: 'https://partners.example.com/base/', appEnv: 'production' }, ORIGIN],
    [{ origin: 'http://localhost:5173', appEnv: 'development' }, 'http://localhost:5173'],
    [{ origin: 'http://127.0.0.1:8080', appEnv: 'test' }, 'http://127.0.0.1:8080'],
  ] satisfies [LinkPolicy, string][])('accepts %o as %s', (policy, expected) => {
    expect(allowedOrigin(policy)).toBe(expected)
  })

  it.each([
    { origin: 'http://partners.example.com', appEnv: 'development' },
    { origin: 'http://localhost:5173', appEnv: 'production' },
    { origin: 'http://127.0.0.1', appEnv: 'production' },
    { origin: 'http://localhost.evil.example', appEnv: 'development' },
    { origin: 'ftp://partners.example.com', appEnv: 'development' },
    { origin: 'https://user:pw@partners.example.com', appEnv: 'production' },
    { origin: 'partners.example.com', appEnv: 'production' },
  ] satisfies LinkPolicy[])('refuses the origin %o', (policy) => {
    expect(() => allowedOrigin(policy)).toThrow(
      expect.objectContaining({ code: 'LINK_ORIGIN_NOT_ALLOWED' })
    )
  })
})

describe('assertLinkAllowed', () => {
  it('accepts an invitation link on the origin', () => {
    expect(() => assertLinkAllowed(`${ORIGIN}/invite#abc_DEF-123`, ORIGIN)).not.toThrow()
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)//https://partners.example.com/',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/invite#tok',
    'https://partners.example.com.evil.example/invite#tok',
    'https://partners.example.com@evil.example/invite#tok',
    'http://partners.example.com/invite#tok',
    '//partners.example.com/invite#tok',
    '/invite#tok',
    'https://partners.example.com',
    'https://partners.example.com/invite#tok with space',
    'https://partners.example.com/invite#tök',
    'https://partners.example.com/invite#tok\n',
    'https:\\\\evil.example/invite',
  ])('refuses %j', (link) => {
    expect(() => assertLinkAllowed(link, ORIGIN)).toThrow(
      expect.objectContaining({ code: 'LINK_NOT_ALLOWED', field: 'link' })
    )
  })
})

describe('renderEmail link policy', () => {
  it.each(['javascript:alert(1)', 'data:text/html,x', 'https://evil.example/invite#tok'])(
    'refuses the invitation link %s before rendering',
    async (link) => {
      await expect(
        renderEmail({
          template: 'invitation',
          locale: 'en',
          linkPolicy: POLICY,
          props: invitation({ link }),
        })
      ).rejects.toMatchObject({ name: 'EmailInputError', code: 'LINK_NOT_ALLOWED' })
    }
  )

  it('refuses http on a non-localhost origin', async () => {
    await expect(
      renderEmail({
        template: 'invitation',
        locale: 'en',
        linkPolicy: { origin: 'http://partners.example.com', appEnv: 'development' },
        props: invitation({ link: 'http://partners.example.com/invite#tok' }),
      })
    ).rejects.toMatchObject({ code: 'LINK_ORIGIN_NOT_ALLOWED' })
  })

  it('refuses http on localhost in production', async () => {
    await expect(
      renderEmail({
        template: 'invitation',
        locale: 'en',
        linkPolicy: { origin: 'http://localhost:5173', appEnv: 'production' },
        props: invitation({ link: 'http://localhost:5173/invite#tok' }),
      })
    ).rejects.toMatchObject({ code: 'LINK_ORIGIN_NOT_ALLOWED' })
  })

  it('renders an http localhost link outside production', async () => {
    const link = 'http://localhost:5173/invite#tok'
    const email = await renderEmail({
      template: 'invitation',
      locale: 'en',
      linkPolicy: { origin: 'http://localhost:5173', appEnv: 'development' },
      props: invitation({ link }),
    })
    expect(email.html).toContain(`href="${link}"`)
    expect(email.text).toContain(link)
  })
})
