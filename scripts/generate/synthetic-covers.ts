/**
 * Cover photos for synthetic entries: real JPEGs, varied like the photos staff send (a sky or wall gradient, a few
 * shapes, a camera's grain), so that the covers Astro optimises and the share images (src/export/share-image.ts) cost
 * what real covers cost. The pixels are drawn here, from the seed, and sharp encodes them: the same seed always
 * gives the same bytes, and a cover takes some tens of milliseconds.
 */
import sharp from 'sharp';
import { hashSeed, mulberry32, type Random } from './prng.ts';

/** Photo sizes as they reach the site once resized for the web: landscape mostly, some portrait. */
const SIZES = [
  [1200, 900],
  [1280, 720],
  [1024, 768],
  [1280, 960],
  [900, 1200],
] as const;

type Rgb = [number, number, number];
const colour = (rng: Random): Rgb => [rng.int(20, 235), rng.int(20, 235), rng.int(20, 235)];

/** One cover photo, as JPEG bytes, for a seed. */
export async function renderCover(seed: string): Promise<Buffer> {
  const rng = mulberry32(hashSeed(seed, 'cover'));
  const [width, height] = rng.pick(SIZES);
  const pixels = Buffer.alloc(width * height * 3);
  // A gradient from top to bottom, slanting.
  const [top, bottom] = [colour(rng), colour(rng)];
  const slant = rng.next() * 0.6;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, (y / height) * (1 - slant) + (x / width) * slant);
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[i + c] = top[c]! + (bottom[c]! - top[c]!) * t;
    }
  }
  // Shapes: people, tables, screens seen from afar; half see-through.
  for (let n = rng.int(4, 12); n > 0; n--) {
    const fill = colour(rng);
    const alpha = 0.4 + rng.next() * 0.6;
    const size = rng.int(Math.round(width / 12), Math.round(width / 3));
    const [cx, cy] = [rng.int(0, width), rng.int(0, height)];
    const round = rng.chance(0.5);
    const [halfW, halfH] = round ? [size / 2, size / 2] : [size / 2, size / 3];
    for (let y = Math.max(0, Math.floor(cy - halfH)); y < Math.min(height, cy + halfH); y++) {
      for (let x = Math.max(0, Math.floor(cx - halfW)); x < Math.min(width, cx + halfW); x++) {
        if (round && (x - cx) ** 2 + (y - cy) ** 2 > halfW ** 2) continue;
        const i = (y * width + x) * 3;
        for (let c = 0; c < 3; c++) pixels[i + c] = pixels[i + c]! * (1 - alpha) + fill[c]! * alpha;
      }
    }
  }
  // A camera's grain: small, uneven noise on every pixel.
  const grain = rng.int(2, 10);
  let state = hashSeed(seed, 'grain');
  for (let i = 0; i < pixels.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const value = pixels[i]! + ((state >>> 24) / 255 - 0.5) * 2 * grain;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: rng.int(78, 90) })
    .toBuffer();
}
