// Regenerates the binary files of the hostile corpus (tests/fixtures/hostile/media/) with real libraries.
// Run: npx node scripts/generate/make-hostile-media.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

const dir = path.resolve(import.meta.dirname, '../../tests/fixtures/hostile/media');
fs.mkdirSync(dir, { recursive: true });
const out = (name: string) => path.join(dir, name);

// A phone-sized photo of a classroom-coloured gradient, as a camera writes it, with a GPS position in its EXIF.
const gradient = Buffer.alloc(640 * 480 * 3);
for (let i = 0; i < 640 * 480; i++) gradient.set([120 + (i % 640) / 8, 90, 60 + i / 640 / 4], i * 3);
await sharp(gradient, { raw: { width: 640, height: 480, channels: 3 } })
  .withExif({
    IFD0: { Make: 'HUAWEI', Model: 'Mate 40', DateTime: '2022:05:20 09:30:00' },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '30/1 16/1 1234/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '120/1 9/1 5678/100',
    },
  })
  .jpeg({ quality: 80 })
  .toFile(out('ketang-paizhao-gps.jpg'));

// A valid PNG whose image data was damaged in transit: the IDAT bytes are scrambled, the CRCs left as they were.
const png = await sharp(gradient, { raw: { width: 640, height: 480, channels: 3 } })
  .png()
  .toBuffer();
const idat = png.indexOf('IDAT') + 4;
for (let i = idat + 40; i < idat + 400; i++) png[i] = png[i]! ^ 0x5a;
fs.writeFileSync(out('guahao-jietu-sunhuai.png'), png);

// A decompression bomb: 20,000 × 20,000 pixels of one colour in a few hundred kilobytes.
const width = 20_000;
const row = Buffer.alloc(1 + width / 8); // 1-bit greyscale, filter byte 0
const raw = Buffer.concat(Array.from({ length: width }, () => row));
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(width, 0);
header.writeUInt32BE(width, 4);
header.set([1, 0, 0, 0, 0], 8);
fs.writeFileSync(
  out('fengmian-bomb.png'),
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);

// An iPhone video: the bundled H.264 sample with its sample entry rewritten as HEVC (hvc1/hvcC), as iPhones record.
const mp4 = fs.readFileSync(path.resolve(import.meta.dirname, '../../content/courses/media/sunbei-shipin-tonghua.mp4'));
fs.writeFileSync(out('shipin-h264.mp4'), mp4);
const hevc = Buffer.from(mp4);
for (const [from, to] of [
  ['avc1', 'hvc1'],
  ['avcC', 'hvcC'],
]) {
  for (let at = hevc.indexOf(from!); at !== -1; at = hevc.indexOf(from!, at + 4)) hevc.write(to!, at, 'latin1');
}
fs.writeFileSync(out('shipin-iphone-hevc.mp4'), hevc);
