// Draws the Loopdesk app icon (resources/icon.png, 1024×1024 RGBA) with nothing but Node:
// a rounded tile in the brand indigo with a white loop arrow closing around a dot — a
// customer's voice, followed up until the loop is closed. Shapes are signed distance
// fields, so the edges are anti-aliased analytically and the output is deterministic.
// electron-builder derives the .icns, .ico and Linux sizes from this one file.
//
//   node resources/generate-icon.mjs [output.png]   (default: resources/icon.png)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const SIZE = 1024;

// Brand accent of renderer/styles/theme.css (#3a4fd8), lighter at the top of the tile.
const TILE_TOP = [0x4c, 0x61, 0xea];
const TILE_BOTTOM = [0x2c, 0x3b, 0xbf];
const MARK = [0xff, 0xff, 0xff];

// Geometry, in pixels of the 1024 canvas. The tile leaves the margin of the macOS icon grid.
const CENTER = SIZE / 2;
const TILE_HALF = 412;
const TILE_RADIUS = 184;
const RING_RADIUS = 248;
const STROKE = 92;
const ARC_START = (-48 * Math.PI) / 180; // just right of twelve o'clock (y points down)
const ARC_SWEEP = (282 * Math.PI) / 180; // clockwise, leaving a gap at the top
const ARC_OVERLAP = 0.05; // radians
const HEAD_HALF_WIDTH = 112;
const HEAD_LENGTH = 144;
const DOT_RADIUS = 66;

const clamp01 = (value) => Math.min(1, Math.max(0, value));
/** Coverage of a pixel by a shape whose signed distance at the pixel centre is d. */
const coverage = (d) => clamp01(0.5 - d);

function roundedRect(x, y) {
  const qx = Math.abs(x - CENTER) - (TILE_HALF - TILE_RADIUS);
  const qy = Math.abs(y - CENTER) - (TILE_HALF - TILE_RADIUS);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - TILE_RADIUS;
}

const arcEnd = ARC_START + ARC_SWEEP;
const startPoint = [CENTER + RING_RADIUS * Math.cos(ARC_START), CENTER + RING_RADIUS * Math.sin(ARC_START)];

function arc(x, y) {
  const dx = x - CENTER;
  const dy = y - CENTER;
  let relative = Math.atan2(dy, dx) - ARC_START;
  relative = ((relative % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  // The ring runs a little past its end, under the arrowhead, so no seam shows where the two
  // shapes meet (on the exact boundary each would cover only half a pixel).
  if (relative <= ARC_SWEEP + ARC_OVERLAP) return Math.abs(Math.hypot(dx, dy) - RING_RADIUS) - STROKE / 2;
  // Outside the sweep: a round cap at the start; the end is covered by the arrowhead.
  return Math.hypot(x - startPoint[0], y - startPoint[1]) - STROKE / 2;
}

// The arrowhead: its base straddles the end of the arc, its tip points along the clockwise
// tangent into the gap.
const endPoint = [CENTER + RING_RADIUS * Math.cos(arcEnd), CENTER + RING_RADIUS * Math.sin(arcEnd)];
const radial = [Math.cos(arcEnd), Math.sin(arcEnd)];
const tangent = [-Math.sin(arcEnd), Math.cos(arcEnd)];
const head = [
  [endPoint[0] + radial[0] * HEAD_HALF_WIDTH, endPoint[1] + radial[1] * HEAD_HALF_WIDTH],
  [endPoint[0] + tangent[0] * HEAD_LENGTH, endPoint[1] + tangent[1] * HEAD_LENGTH],
  [endPoint[0] - radial[0] * HEAD_HALF_WIDTH, endPoint[1] - radial[1] * HEAD_HALF_WIDTH],
];

/** Signed distance to a triangle (after Inigo Quilez), negative inside. */
function triangle(x, y, [p0, p1, p2]) {
  const e0 = [p1[0] - p0[0], p1[1] - p0[1]];
  const e1 = [p2[0] - p1[0], p2[1] - p1[1]];
  const e2 = [p0[0] - p2[0], p0[1] - p2[1]];
  const v0 = [x - p0[0], y - p0[1]];
  const v1 = [x - p1[0], y - p1[1]];
  const v2 = [x - p2[0], y - p2[1]];
  const project = (v, e) => {
    const t = clamp01((v[0] * e[0] + v[1] * e[1]) / (e[0] * e[0] + e[1] * e[1]));
    return [v[0] - e[0] * t, v[1] - e[1] * t];
  };
  const pq0 = project(v0, e0);
  const pq1 = project(v1, e1);
  const pq2 = project(v2, e2);
  const s = Math.sign(e0[0] * e2[1] - e0[1] * e2[0]);
  const candidates = [
    [pq0[0] ** 2 + pq0[1] ** 2, s * (v0[0] * e0[1] - v0[1] * e0[0])],
    [pq1[0] ** 2 + pq1[1] ** 2, s * (v1[0] * e1[1] - v1[1] * e1[0])],
    [pq2[0] ** 2 + pq2[1] ** 2, s * (v2[0] * e2[1] - v2[1] * e2[0])],
  ];
  const distance = Math.min(...candidates.map((c) => c[0]));
  const side = Math.min(...candidates.map((c) => c[1]));
  return -Math.sqrt(distance) * Math.sign(side);
}

function dot(x, y) {
  return Math.hypot(x - CENTER, y - CENTER) - DOT_RADIUS;
}

/** The icon as raw RGBA rows. */
export function renderIconPixels() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row += 1) {
    const y = row + 0.5;
    const t = row / (SIZE - 1);
    const tile = TILE_TOP.map((top, i) => top + (TILE_BOTTOM[i] - top) * t);
    for (let column = 0; column < SIZE; column += 1) {
      const x = column + 0.5;
      const tileCover = coverage(roundedRect(x, y));
      if (tileCover === 0) continue; // transparent outside the tile
      const markCover = coverage(Math.min(arc(x, y), triangle(x, y, head), dot(x, y)));
      const offset = (row * SIZE + column) * 4;
      for (let i = 0; i < 3; i += 1) {
        pixels[offset + i] = Math.round(tile[i] + (MARK[i] - tile[i]) * markCover);
      }
      pixels[offset + 3] = Math.round(255 * tileCover);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no interlace, filter 0 per row). */
export function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row += 1) {
    raw[row * (stride + 1)] = 0; // filter: none
    pixels.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png'));
  writeFileSync(output, encodePng(renderIconPixels(), SIZE, SIZE));
  console.log(`[icon] wrote ${output}`);
}
