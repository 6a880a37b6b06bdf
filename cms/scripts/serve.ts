/**
 * Starts the CMS (compiled server code, prebuilt admin panel). `npm start` runs this.
 * Strapi itself stops cleanly on SIGINT and SIGTERM (server and database closed).
 */
import { createApp } from './strapi-app';

createApp({ serveAdminPanel: true })
  .then((app) => app.start())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
