import { getImage } from 'astro:assets';
import { getHub, type Hub } from './data';

// Per build (hub): the exporter collects the images a build uses from the pages it renders.
const copiesPerBuild = new WeakMap<Hub, Map<string, Promise<string>>>();

/**
 * The site's own WebP copy of a CMS image (its path on the site). Asked for once per build and
 * size, however many pages and feeds use the image: `inferSize` fetches the image from the CMS,
 * which should happen once, not once per page or feed.
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
