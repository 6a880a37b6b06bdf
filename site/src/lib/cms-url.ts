/** The CMS the build reads; only used to resolve media URLs inside rich text. */
export const cmsUrl = process.env.CMS_URL || 'http://localhost:1337';
