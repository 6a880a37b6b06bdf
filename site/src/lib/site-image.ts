import { getImage } from 'astro:assets';

const copies = new Map<string, Promise<string>>();

/**
 * The site's own WebP copy of a CMS image (its path on the site). Made once per build and
 * size, however many pages and feeds use the image: `inferSize` fetches the image from the CMS,
 * which should happen once, not once per page or feed.
 */
export function siteImageCopy(url: string, width?: number): Promise<string> {
  const key = `${url} ${width ?? 'original'}`;
  let copy = copies.get(key);
  if (!copy) {
    copy = getImage({
      src: url,
      inferSize: true,
      format: 'webp',
      ...(width ? { width } : {}),
    }).then((image) => image.src);
    copies.set(key, copy);
  }
  return copy;
}
