/** Decodes QR pixels to text (null when no code is found). */
export type QrDecoder = (data: Uint8ClampedArray, width: number, height: number) => string | null;

let decoder: Promise<QrDecoder> | null = null;

/**
 * jsQR (≈ 45 kB gzip) loads only when someone opens the camera or chooses a photo, so a scan page (check-in,
 * merchant) itself opens fast on a weak connection (and the code entry works without it).
 */
export function loadDecoder(): Promise<QrDecoder> {
  decoder ??= import('jsqr').then(({ default: jsQR }) => (data: Uint8ClampedArray, width: number, height: number) => {
    const found = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
    return found ? found.data : null;
  });
  return decoder;
}

const MAX_SIDE = 1600;

/** Decodes a QR in a chosen photo (phones without camera access, or a picture of another phone's screen). */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const decode = await loadDecoder();
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
    return decode(pixels.data, width, height);
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
