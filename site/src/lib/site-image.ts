import { getImage, inferRemoteSize } from 'astro:assets';
import { getHub, type Hub } from './data';

// Per build (hub): the exporter collects the images a build uses from the pages it renders.
const copiesPerBuild = new WeakMap<Hub, Map<string, Promise<string>>>();

type Size = { width: number; height: number };
// A CMS upload never changes under its URL (a new file gets a new name), so its size is learnt
// once per process, not once per build: learning it means fetching the image from the CMS, and
// every publish renders the feeds again, with dozens of images.
const originalSizes = new Map<string, Promise<Size>>();

function originalSize(url: string): Promise<Size> {
  let size = originalSizes.get(url);
  if (!size) {
    size = inferRemoteSize(url);
    originalSizes.set(url, size);
    // A failed fetch is not remembered: the next build asks again.
    size.catch(() => originalSizes.delete(url));
  }
  return size;
}

/**
 * The site's own WebP copy of a CMS image (its path on the site), at most `width` wide and never
 * wider than the original. Made once per build and size, however many pages and feeds use it.
 */
export async function siteImageCopy(url: string, width?: number): Promise<string> {
  const hub = await getHub();
  let copies = copiesPerBuild.get(hub);
  if (!copies) {
    copies = new Map();
    copiesPerBuild.set(hub, copies);
  }
  const key = `${url} ${width ?? 'original'}`;
  let copy = copies.get(key);
  if (!copy) {
    copy = originalSize(url).then(async (size) => {
      const copyWidth = Math.min(width ?? size.width, size.width);
      const image = await getImage({
        src: url,
        width: copyWidth,
        height: Math.round((copyWidth * size.height) / size.width),
        format: 'webp',
      });
      return image.src;
    });
    copies.set(key, copy);
  }
  return copy;
}
