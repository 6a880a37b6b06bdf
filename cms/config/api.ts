export default {
  rest: {
    defaultLimit: 25,
    // The site's build reads pages of this size (PAGE_SIZE in site/src/loaders/cms-client.ts).
    maxLimit: 250,
    withCount: true,
  },
};
