import jsQR from 'jsqr';

/** Decodes a QR from pixels (a camera frame or a photo drawn on a canvas). */
export function decodePixels(data: Uint8ClampedArray, width: number, height: number): string | null {
  const found = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
  return found ? found.data : null;
}

const MAX_SIDE = 1600;

/** Decodes a QR in a chosen photo (a picture of the volunteer's screen). */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('image'));
      img.src = url;
    });
    const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    const width = Math.max(1, Math.round(image.naturalWidth * scale));
    const height = Math.max(1, Math.round(image.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(image, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height);
    return decodePixels(pixels.data, width, height);
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
