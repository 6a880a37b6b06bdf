import { createHash } from 'node:crypto';
import type { ImageTransform, LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { currentHub } from '../lib/data';
import type { ImageRequest } from './types';

const requests = new Map<string, ImageRequest>();
// Pages ask for the same few transforms over and over (a card's image on every list page).
const pathsByTransform = new Map<string, string>();

/** The images the pages rendered since the last call referred to; forgets them. */
export function takeImageRequests(): ImageRequest[] {
  const taken = [...requests.values()];
  requests.clear();
  return taken;
}

/**
 * Where images may come from: the CMS, and the origins in SITE_MEDIA_ORIGINS (comma-separated;
 * for uploads kept on S3-compatible storage, whose URLs point at the bucket).
 */
function mediaOrigins(cmsUrl: string): Set<string> {
  const setting = `${cmsUrl},${process.env.SITE_MEDIA_ORIGINS ?? ''}`;
  if (origins.setting !== setting) {
    const urls = setting.split(',').map((url) => url.trim());
    origins = { setting, allowed: new Set(urls.filter(Boolean).map((url) => new URL(url).origin)) };
  }
  return origins.allowed;
}
let origins = { setting: '', allowed: new Set<string>() };

/** Everything that shapes the encoded file, as one string. */
function transformKey(transform: ImageTransform & { src: string }): string {
  const { src, width, height, format, quality, fit, position, background } = transform;
  return JSON.stringify([src, width, height, format, quality, fit, position, background]);
}

/** Path of a transform's file: a readable stem and a hash of everything that shapes it. */
function imagePath(transform: ImageTransform & { src: string }, key: string): string {
  const hash = createHash('sha256').update(key).digest('base64url').slice(0, 16);
  const stem = (new URL(transform.src).pathname.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  const name = stem.replace(/[^\w-]/g, '').slice(0, 40) || 'image';
  return `/_astro/img/${name}.${hash}.${transform.format ?? 'webp'}`;
}

/**
 * Astro's own sharp service, with one change: an image's URL is a static file of the site
 * (named by a hash of its transform) instead of the on-demand /_image endpoint. The exporter
 * makes the file after the pages are rendered, and only when no earlier build made it.
 */
const service: LocalImageService = {
  ...(sharpService as LocalImageService),
  getURL(options) {
    const transform = { ...options, src: String(options.src) } as ImageTransform & { src: string };
    const cms = currentHub()?.cmsUrl;
    const origin = new URL(transform.src).origin;
    if (!cms || !mediaOrigins(cms).has(origin)) {
      // Media on S3-compatible storage have URLs on the bucket (or its CDN): say what to set.
      throw new Error(
        `The image ${transform.src} comes neither from the CMS (${cms}) nor from SITE_MEDIA_ORIGINS: ` +
          `add ${origin} to SITE_MEDIA_ORIGINS if the CMS keeps its media there.`,
      );
    }
    const key = transformKey(transform);
    let path = pathsByTransform.get(key);
    if (!path) {
      path = imagePath(transform, key);
      pathsByTransform.set(key, path);
    }
    if (!requests.has(path)) requests.set(path, { path, src: transform.src, transform });
    return path;
  },
};

export default service;
