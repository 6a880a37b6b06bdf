import { getImage } from 'astro:assets';
import { escapeHtml, type Image } from '@hub/shared';

/** How a picture sits on its page. */
export interface PictureOptions {
  /** Layout width hint for the browser's choice among the widths. */
  sizes: string;
  /** Eager only for the one image at the top of a page. */
  loading: 'lazy' | 'eager';
  className?: string;
}

// Across builds: the markup is a pure function of the image and the options (file names are
// hashes of the transform), and list pages show the same images build after build.
const made = new Map<string, Promise<string>>();

/** The widths offered: never upscaled, so only those below the original's, and the original. */
function widthsOf(image: Image): number[] {
  return [400, 800, 1200].filter((width) => width < image.width).concat(image.width);
}

async function makePicture(image: Image, options: PictureOptions): Promise<string> {
  // The <img> fallback keeps the original's kind: a PNG fallback of a photo weighs ten times more.
  const fallbackFormat = image.mime === 'image/png' ? 'png' : 'jpg';
  const inFormat = (format: 'avif' | 'webp' | 'png' | 'jpg') =>
    getImage({
      src: image.url,
      width: image.width,
      height: image.height,
      widths: widthsOf(image),
      format,
    });
  const [avif, webp, fallback] = await Promise.all([
    inFormat('avif'),
    inFormat('webp'),
    inFormat(fallbackFormat),
  ]);
  const sizes = escapeHtml(options.sizes);
  const source = (type: string, srcset: string) =>
    `<source srcset="${escapeHtml(srcset)}" type="${type}" sizes="${sizes}">`;
  const className = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  return (
    `<picture>${source('image/avif', avif.srcSet.attribute)}${source('image/webp', webp.srcSet.attribute)}` +
    `<img src="${escapeHtml(fallback.src)}" srcset="${escapeHtml(fallback.srcSet.attribute)}" ` +
    `alt="${escapeHtml(image.alt)}" sizes="${sizes}" loading="${options.loading}" decoding="async" ` +
    `width="${image.width}" height="${image.height}"${className}></picture>`
  );
}

/**
 * A responsive <picture> of a CMS image: AVIF and WebP at several widths, the original's kind as
 * fallback, with width, height and alternative text. Made once per image and options.
 */
export function pictureHtml(image: Image, options: PictureOptions): Promise<string> {
  const key = JSON.stringify([
    image.url,
    image.width,
    image.height,
    image.alt,
    image.mime,
    options,
  ]);
  let picture = made.get(key);
  if (!picture) {
    picture = makePicture(image, options);
    made.set(key, picture);
    // A failure is not kept: the next build tries again.
    picture.catch(() => made.delete(key));
  }
  return picture;
}
