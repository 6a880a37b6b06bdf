import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { submissionSettings } from './settings';
import { SubmissionDesk } from './submission-desk';

declare const strapi: Core.Strapi;

const desks = new WeakMap<Core.Strapi, SubmissionDesk>();

/**
 * The submission desk of the running CMS, made on first use. Its form tokens are signed with a
 * key derived from APP_KEYS, so every CMS instance that shares them accepts the same tokens.
 */
export function submissionDesk(): SubmissionDesk {
  let desk = desks.get(strapi);
  if (!desk) {
    const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
    if (keys.length === 0) throw new Error('APP_KEYS is not set: form tokens cannot be signed.');
    const secret = createHash('sha256')
      .update(`hub-submissions:${keys.join(',')}`)
      .digest('hex');
    desk = new SubmissionDesk(strapi, submissionSettings(), secret);
    desks.set(strapi, desk);
  }
  return desk;
}
