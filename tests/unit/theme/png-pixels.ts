/**
 * The pixels of a PNG as Chromium writes them (8-bit RGBA, not interlaced — what scripts/render-icons.ts
 * produces), decoded with node:zlib alone so the icon tests need no image package. Any other kind of
 * PNG is refused rather than misread.
 */
import zlib from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes: r, g, b, a per pixel, row by row. */
  rgba: Buffer;
}

const BYTES_PER_PIXEL = 4;

export function decodeRgbaPng(bytes: Buffer): RgbaImage {
  let offset = 8; // the signature
  let header: { width: number; height: number } | null = null;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || colourType !== 6 || interlace !== 0)
        throw new Error(
          `只解码 8 位 RGBA、非隔行的 PNG（实际：位深 ${depth}，颜色类型 ${colourType}，隔行 ${interlace}）`,
        );
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4) };
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length; // length, type, body, CRC
  }
  if (!header) throw new Error('PNG 没有 IHDR');
  const { width, height } = header;
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * BYTES_PER_PIXEL;
  const rgba = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= BYTES_PER_PIXEL ? rgba[y * stride + x - BYTES_PER_PIXEL]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= BYTES_PER_PIXEL ? rgba[(y - 1) * stride + x - BYTES_PER_PIXEL]! : 0;
      rgba[y * stride + x] = (line[x]! + predict(filter!, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** The PNG filter predictors (None, Sub, Up, Average, Paeth). */
function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const [dl, du, dul] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      return dl <= du && dl <= dul ? left : du <= dul ? up : upLeft;
    }
    default:
      throw new Error(`未知的 PNG 行过滤方式 ${filter}`);
  }
}
