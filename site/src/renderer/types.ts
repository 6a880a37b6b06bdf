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

/** What the exporter needs of the compiled site (see scripts/export-site.ts). */
export interface Renderer {
  /** Renders every following page with this content. */
  useHub(hub: Hub): void;
  /**
   * The path of every page, feed and calendar of the site, for the current content, as Astro
   * matches it: with a trailing slash, also after a file name (/rss.xml/).
   */
  paths(): Promise<string[]>;
  /** Renders one path, as a visitor's GET of it would. */
  render(path: string): Promise<Response>;
  /** The images the pages rendered since the last call refer to. */
  takeImageRequests(): ImageRequest[];
}
