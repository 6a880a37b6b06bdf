import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Uploads an image file from disk through Strapi's upload service (which makes the responsive
 * formats and stores the alternative text) and returns the new file's id.
 */
export async function uploadImageFile(
  strapi: Core.Strapi,
  sourcePath: string,
  fileInfo: { name: string; alternativeText: string | null },
): Promise<number> {
  // The upload service works on (and may move) the file it is given: hand it a copy.
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-upload-'));
  try {
    const copy = path.join(workDir, fileInfo.name);
    await fs.copyFile(sourcePath, copy);
    const { size } = await fs.stat(copy);
    const [uploaded] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { ...fileInfo, caption: '' } },
        files: { filepath: copy, originalFilename: fileInfo.name, mimetype: 'image/jpeg', size },
      });
    return uploaded.id as number;
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}
