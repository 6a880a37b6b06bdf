// One definition for the CMS, the site's servers and the publisher (see the shared file).
export { secretMatches } from '@hub/shared/dist/security/secret-matches';
