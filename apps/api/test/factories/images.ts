import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

/**
 * A 400×200 JPEG, top half red and bottom half blue, whose EXIF says "rotate 90° clockwise"
 * (orientation 6) and carries a GPS position and a camera make. Displayed correctly, red is on
 * the right and blue on the left.
 */
export async function jpegWithExifAndGps(): Promise<Buffer> {
  const redTop = await sharp({ create: { width: 400, height: 100, channels: 3, background: RED } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: BLUE } })
    .composite([{ input: redTop, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'OrGoTestPhone', Model: 'Secret Model' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '37/1 33/1 59/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '126/1 58/1 41/1',
      },
    })
    .toBuffer();
}

export function pngWithXmp(width = 1200, height = 800): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 160, b: 80, alpha: 0.5 } },
  })
    .png()
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>OrGoSecretAuthor</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

export function webp(width = 300, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 200, b: 0 } } })
    .webp()
    .toBuffer();
}

export function gif(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: BLUE } })
    .gif()
    .toBuffer();
}

export function tiff(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: RED } })
    .tiff()
    .toBuffer();
}

export const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(document.domain)</script><rect width="64" height="64"/></svg>',
);

/** Plain text that only claims to be a JPEG by its name and declared type. */
export const textPretendingToBeJpeg = Buffer.from('this is not a picture, just text\n'.repeat(20));

export const htmlPayload = '<html><body><script>alert(document.cookie)</script></body></html>';

/** A real GIF followed by HTML/JS: a GIF to image decoders, a page to a sniffing browser. */
export async function gifWithHtml(): Promise<Buffer> {
  return Buffer.concat([await gif(), Buffer.from(htmlPayload)]);
}

/** A real PNG with a ZIP archive appended (a classic PNG/ZIP polyglot). */
export async function pngWithZip(): Promise<Buffer> {
  const zipLocalHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  return Buffer.concat([
    await sharp({ create: { width: 40, height: 30, channels: 3, background: RED } })
      .png()
      .toBuffer(),
    zipLocalHeader,
    Buffer.from('evil.html'),
    Buffer.from(htmlPayload),
  ]);
}

/** GIF magic bytes followed by script: passes a naive header check, decodes to nothing. */
export const gifHeaderWithScript = Buffer.from(`GIF89a/*\u0000\u0000*/=1;${htmlPayload}`);

/**
 * A valid 1-bit PNG declaring width×height pixels whose zero rows deflate to almost nothing:
 * 20000×20000 is 400 megapixels (≈1.6 GB once decoded to RGBA) in about 50 KB.
 */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rowBytes = Math.ceil(width / 8) + 1;
  const idat = deflateSync(Buffer.alloc(rowBytes * height), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
