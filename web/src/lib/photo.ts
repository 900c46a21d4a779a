/*
 * A photo made small in the phone before it is sent: its longest side at
 * most 1600 px, as JPEG at quality 0.8 (a few hundred kB instead of a
 * camera's 3–6 MB), which also leaves the camera's metadata (the place it
 * was taken) behind. The API checks the result (core's news/photos.ts).
 */

export const maxSide = 1600;
const quality = 0.8;
/** The API's limit; a photo still above it is made smaller again. */
const maxBytes = 600 * 1024;

export interface SmallPhoto {
  blob: Blob;
  /** The same photo as a data: URL, for its preview (the CSP allows images from the site and data: only). */
  preview: string;
  width: number;
  height: number;
}

/** The size a photo of w × h gets: the same when it is small enough. */
export function fitted(width: number, height: number, side = maxSide) {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes a picked file (turned upright as the camera meant it) and encodes it small. */
export async function makeSmall(file: Blob): Promise<SmallPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    for (let side = maxSide; ; side = Math.round(side * 0.8)) {
      const { width, height } = fitted(bitmap.width, bitmap.height, side);
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no canvas");
      context.drawImage(bitmap, 0, 0, width, height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
      if (!blob) throw new Error("the photo could not be made small");
      if (blob.size <= maxBytes || side < 400) return { blob, preview: canvas.toDataURL("image/jpeg", quality), width, height };
    }
  } finally {
    bitmap.close();
  }
}
