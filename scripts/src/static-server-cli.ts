/** Serves the live site (the publisher's `live` folder) on SITE_PORT, default 4321. */
import path from 'node:path';
import { serviceLogger } from '../../site/scripts/http/log-format';
import { repoRoot } from './lib/paths';
import { serveSite, siteServerSettings } from './lib/site-server-cli';
import { createStaticServer } from './static-server/server';

const env = process.env;
const log = serviceLogger('static-server', env);
const root = path.resolve(repoRoot, env.PUBLISH_DIR ?? path.join('site', '.publish'), 'live');
const server = await createStaticServer({ root, ...siteServerSettings(env, log) });
await serveSite(server, env, root, log);
