import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { findMissingMedia } from '../missing-media';

declare const strapi: Core.Strapi;

export default {
  /** The uploads whose file is gone from the media storage: `{ checked, missing }`. */
  async find(ctx: Context) {
    // Always asked afresh: a file may be put back (or removed) between two builds.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await findMissingMedia(strapi);
  },
};
