import { createCanvas, loadImage } from '@napi-rs/canvas';

/** The 8-byte signature every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixel statistics of an image (PNG or SVG bytes), decoded and drawn on white. */
export async function pixelStatistics(image: Buffer): Promise<{ width: number; height: number; colours: number; variance: number; darkShare: number }> {
  const decoded = await loadImage(image);
  const canvas = createCanvas(decoded.width, decoded.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, decoded.width, decoded.height);
  context.drawImage(decoded, 0, 0);
  const { data } = context.getImageData(0, 0, decoded.width, decoded.height);
  const colours = new Set<number>();
  let sum = 0;
  let sumSquares = 0;
  let dark = 0;
  const pixels = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
    sum += grey;
    sumSquares += grey * grey;
    if (grey < 128) dark++;
  }
  const mean = sum / pixels;
  return { width: decoded.width, height: decoded.height, colours: colours.size, variance: sumSquares / pixels - mean * mean, darkShare: dark / pixels };
}

/**
 * Check that a document is well-formed XML as far as an SVG file needs: one root <svg> element,
 * every tag closed in order, attributes quoted, no stray `<` or `&` in text. Returns the element
 * names counted, or throws with the problem.
 */
export function checkWellFormedXml(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: string[] = [];
  let rest = xml.replace(/^\s*<\?xml[^?]*\?>/, '');
  let roots = 0;
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
  let position = 0;
  rest = rest.trimEnd();
  while (position < rest.length) {
    token.lastIndex = position;
    const m = token.exec(rest);
    if (m === null) throw new Error(`not well-formed at ${position}: ${rest.slice(position, position + 60)}`);
    position = token.lastIndex;
    if (m[0].startsWith('<!--')) continue;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in text: ${text.slice(0, 60)}`);
      continue;
    }
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      continue;
    }
    if (stack.length === 0) roots++;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (selfClosing !== '/') stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1 || !counts.has('svg')) throw new Error(`expected one root <svg>, found ${roots} roots`);
  return counts;
}
