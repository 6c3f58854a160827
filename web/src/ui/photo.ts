/**
 * A photo made small on the device before it is sent: drawn on a canvas no larger than `maxSide`
 * pixels and encoded as JPEG, lowering the quality (and then the size) until it is at most
 * `maxBytes` (500 kB by default). Re-encoding through a canvas drops all metadata — EXIF with the
 * GPS location included. The picture is turned upright first (`imageOrientation: 'from-image'`).
 * For the avvik report now and the vernerunde checklist later.
 */

export const PHOTO_TARGET_BYTES = 500 * 1000;

export type ResizeOptions = { maxSide?: number; maxBytes?: number };

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
      'image/jpeg',
      quality,
    );
  });
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error('unsupported-image');
  }
}

/** The photo as a JPEG of at most `maxBytes`; throws `unsupported-image` when the browser cannot read it (e.g. HEIC). */
export async function resizePhoto(file: Blob, options: ResizeOptions = {}): Promise<Blob> {
  const maxBytes = options.maxBytes ?? PHOTO_TARGET_BYTES;
  let side = options.maxSide ?? 1600;
  const bitmap = await decode(file);
  try {
    for (let round = 0; round < 6; round++) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) throw new Error('unsupported-image');
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of [0.82, 0.7, 0.55]) {
        const blob = await toBlob(canvas, quality);
        if (blob.size <= maxBytes) return blob;
      }
      side = Math.round(side * 0.7);
    }
    throw new Error('too-large');
  } finally {
    bitmap.close();
  }
}
