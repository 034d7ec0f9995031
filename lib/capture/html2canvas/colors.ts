/**
 * html2canvas 1.4.1 understands rgb(), rgba(), hsl(), hsla(), hex and names
 * only; Chromium's computed styles keep oklch(), oklab(), lab(), lch() and
 * color() as written (Tailwind 4 uses oklch everywhere), and html2canvas
 * then throws "unsupported color function". On that error the screenshot is
 * taken again with every such colour in the clone replaced by the rgba() the
 * browser itself draws for it.
 */

/** The properties html2canvas reads colours from. */
export const colorProperties = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'text-decoration-color',
  '-webkit-text-stroke-color',
  'box-shadow',
  'text-shadow',
  'outline-color',
] as const;

const functionStart = /\b(url|oklch|oklab|lab|lch|color|hwb|color-mix|light-dark|device-cmyk)\(/gi;

/** Index of the `)` closing the `(` at `open`, quotes respected; -1 when unbalanced. */
function closingParenthesis(value: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = open; index < value.length; index += 1) {
    const character = value[index];
    if (quote) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * Start and end (exclusive) of each unsupported colour function in a
 * computed value, outermost only (`color-mix(in oklab, oklch(…) 40%, red)` is
 * one), never inside `url(…)`.
 */
export function colorFunctionSpans(value: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = new RegExp(functionStart.source, 'gi');
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const close = closingParenthesis(value, match.index + match[0].length - 1);
    if (close === -1) break; // unbalanced: leave the rest as it is
    if (match[1]?.toLowerCase() !== 'url') spans.push([match.index, close + 1]);
    pattern.lastIndex = close + 1;
  }
  return spans;
}

/** Whether a computed value holds a colour function html2canvas cannot parse. */
export function hasUnsupportedColor(value: string): boolean {
  return colorFunctionSpans(value).length > 0;
}

/** `value` with each unsupported colour function replaced by `convert(it)`. */
export function replaceColorFunctions(value: string, convert: (color: string) => string): string {
  let result = '';
  let index = 0;
  for (const [start, end] of colorFunctionSpans(value)) {
    result += value.slice(index, start) + convert(value.slice(start, end));
    index = end;
  }
  return result + value.slice(index);
}

/** `rgba(r, g, b, a)` from a pixel's bytes (alpha 0–255). */
export function rgbaText(red: number, green: number, blue: number, alpha: number): string {
  const a = Math.round((alpha / 255) * 1000) / 1000;
  return `rgba(${red}, ${green}, ${blue}, ${a})`;
}

/** A converter that paints the colour on a 1×1 canvas and reads the pixel back (sRGB, gamut-mapped by the browser). */
export function canvasColorConverter(document: Document): (color: string) => string {
  const cache = new Map<string, string>();
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return (color) => {
    const known = cache.get(color);
    if (known !== undefined) return known;
    let converted = 'rgba(0, 0, 0, 0)';
    if (context) {
      context.clearRect(0, 0, 1, 1);
      const sentinel = '#010203';
      context.fillStyle = sentinel;
      context.fillStyle = color;
      if (String(context.fillStyle) !== sentinel) {
        context.fillRect(0, 0, 1, 1);
        const [red = 0, green = 0, blue = 0, alpha = 0] = context.getImageData(0, 0, 1, 1).data;
        converted = rgbaText(red, green, blue, alpha);
      }
    }
    cache.set(color, converted);
    return converted;
  };
}

/**
 * Rewrites, as inline `!important` styles on the clone's elements, every
 * colour property whose computed value html2canvas cannot parse. Returns how
 * many declarations were rewritten.
 */
export function sanitizeColors(document: Document): number {
  const view = document.defaultView;
  if (!view) return 0;
  const convert = canvasColorConverter(document);
  let rewritten = 0;
  for (const element of document.querySelectorAll<HTMLElement | SVGElement>('*')) {
    const style = view.getComputedStyle(element);
    for (const property of colorProperties) {
      const value = style.getPropertyValue(property);
      if (!value || !hasUnsupportedColor(value)) continue;
      element.style.setProperty(property, replaceColorFunctions(value, convert), 'important');
      rewritten += 1;
    }
  }
  return rewritten;
}
