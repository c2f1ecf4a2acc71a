// npm run strip-gps -- 照片.jpg [更多图片 …]: removes the location (and the rest of the camera's EXIF) from
// photos, keeping their orientation and colour profile. The image is re-encoded once at high quality.
import fs from 'node:fs';
import sharp from 'sharp';
import { hasGpsPosition } from '../src/checks/file-checks.ts';
import { readFileArguments } from '../src/report/command-line.ts';

const USAGE = '用法：npm run strip-gps -- 照片.jpg（可以一次写几个），会去掉照片里的拍摄地点等信息，原文件被替换';
const files = readFileArguments(USAGE);
let failed = false;
for (const file of files) {
  try {
    const { exif, format } = await sharp(file).metadata();
    if (!exif || !hasGpsPosition(exif)) {
      console.log(`✓ ${file} 里没有拍摄地点，不用处理`);
      continue;
    }
    // sharp writes no metadata unless asked; rotate() applies the EXIF orientation before it is dropped.
    const image = sharp(file).rotate().keepIccProfile();
    const output =
      format === 'jpeg'
        ? image.jpeg({ quality: 92 })
        : format === 'png'
          ? image.png()
          : format === 'webp'
            ? image.webp({ quality: 92 })
            : format === 'heif'
              ? image.avif({ quality: 80 })
              : image.jpeg({ quality: 92 });
    const temporary = `${file}.strip-gps`;
    await output.toFile(temporary);
    const after = await sharp(temporary).metadata();
    if (after.exif && hasGpsPosition(after.exif)) throw new Error('定位信息没能去掉');
    fs.renameSync(temporary, file);
    console.log(`✓ 已去掉 ${file} 里的拍摄地点`);
  } catch (error) {
    console.error(
      `✗ ${file}：处理失败（${error instanceof Error ? error.message : error}），请换用看图软件另存一份再试`,
    );
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
