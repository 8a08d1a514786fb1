// fontkit 2.0.4 ships no type declarations; the certificate only creates fonts and hands them to pdfkit.
declare module 'fontkit' {
  export interface Font {
    layout(text: string): { glyphs: unknown[] };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
