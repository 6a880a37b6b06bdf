import type { ImageTransform } from 'astro';
import type { Hub } from '../lib/data';

/** One image the rendered pages refer to: where it goes on the site, and how to make it. */
export interface ImageRequest {
  /** Path on the site, e.g. /_astro/img/cover.3f9a….webp (the name is a hash of the transform). */
  path: string;
  /** Absolute URL of the original (in the CMS). */
  src: string;
  /** Astro's transform (size, format, quality), as the sharp service takes it. */
  transform: ImageTransform & { src: string };
}

/** One path of the site and what its page is made from besides the hub. */
export interface SitePath {
  /** As Astro matches it: with a trailing slash, also after a file name (/rss.xml/). */
  path: string;
  /**
   * The props its route gives the page, as a hash of their JSON ('' for a route without
   * parameters): equal props, equal hash.
   */
  props: string;
}

/** One rendered path. */
export interface RenderedPath {
  status: number;
  body: Uint8Array;
  /** The fields of the hub the page read (see recordReads in lib/data.ts). */
  reads: string[];
}

/** What the exporter needs of the compiled site (see scripts/export-site.ts). */
export interface Renderer {
  /** Renders every following page with this content. */
  useHub(hub: Hub): void;
  /** Every page, feed and calendar of the site, for the current content. */
  paths(): Promise<SitePath[]>;
  /** Renders one path, as a visitor's GET of it would. */
  render(path: string): Promise<RenderedPath>;
  /** The images the pages rendered since the last call refer to. */
  takeImageRequests(): ImageRequest[];
}
