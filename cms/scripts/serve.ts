/**
 * Starts the CMS (compiled server code, prebuilt admin panel). `npm start` runs this, and so
 * does each instance of a CMS with several instances on one PostgreSQL: they load one at a
 * time (see boot-lock.ts) and then serve side by side. Strapi itself stops cleanly on SIGINT
 * and SIGTERM (server and database closed).
 */
import { loadApp } from './strapi-app';

loadApp({ serveAdminPanel: true })
  // Loaded already, so start() only listens.
  .then((app) => app.start())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
