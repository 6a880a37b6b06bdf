/**
 * The newsletter's public endpoints, outside the content API (which stays closed; the
 * subscriber type has no content-API routes at all). No authentication: the sign-up is guarded
 * like the submission forms (global::newsletter-guard, then the form token, honeypot and
 * budgets), and the other endpoints by the signed token in their link.
 */
const open = { auth: false } as const;

export default {
  routes: [
    {
      method: 'GET',
      path: '/newsletter/token',
      handler: 'newsletter-subscription.token',
      config: open,
    },
    {
      method: 'POST',
      path: '/newsletter/subscribe',
      handler: 'newsletter-subscription.subscribe',
      config: open,
    },
    {
      method: 'GET',
      path: '/newsletter/confirm',
      handler: 'newsletter-subscription.confirmPrompt',
      config: open,
    },
    {
      method: 'POST',
      path: '/newsletter/confirm',
      handler: 'newsletter-subscription.confirm',
      config: open,
    },
    {
      method: 'GET',
      path: '/newsletter/unsubscribe',
      handler: 'newsletter-subscription.unsubscribePrompt',
      config: open,
    },
    {
      method: 'POST',
      path: '/newsletter/unsubscribe',
      handler: 'newsletter-subscription.unsubscribe',
      config: open,
    },
    {
      method: 'GET',
      path: '/newsletter/manage',
      handler: 'newsletter-subscription.manage',
      config: open,
    },
    {
      method: 'POST',
      path: '/newsletter/manage',
      handler: 'newsletter-subscription.saveChoices',
      config: open,
    },
  ],
};
