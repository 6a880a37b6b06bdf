/**
 * The public's way in: submission endpoints outside the content API (which stays closed; see
 * hub/bootstrap/content-api-lockdown.ts). No authentication: the form token, the honeypot, the
 * rate limit and the checks in hub/submissions/ stand in for it, and what passes is a draft.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/submissions/token',
      handler: 'submission.token',
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/submissions/good-practices',
      handler: 'submission.goodPractice',
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/submissions/events',
      handler: 'submission.event',
      config: { auth: false },
    },
  ],
};
