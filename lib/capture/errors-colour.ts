/**
 * Colour as evidence: a message drawn in red (text, background or border)
 * reads as an error, green or blue as good news or information. Pure
 * functions on CSS colour strings, so the rules are unit-tested on parsed
 * colours; real computed styles are exercised in Chromium
 * (test/e2e/errors-evidence.e2e.ts). Browsers give computed colours as
 * `rgb()`/`rgba()` (https://drafts.csswg.org/cssom/#serializing-css-values);
 * the unit-test DOM (happy-dom) gives the specified value, so hex, the
 * space syntax and a few names are read too.
 */

export interface Rgba {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

export type ColourFamily = 'red' | 'orange' | 'green' | 'blue' | 'neutral';

const namedColours: Record<string, string> = {
  red: '#ff0000',
  darkred: '#8b0000',
  crimson: '#dc143c',
  firebrick: '#b22222',
  green: '#008000',
  blue: '#0000ff',
  black: '#000000',
  white: '#ffffff',
  orange: '#ffa500',
  transparent: '#0000',
};

function fromHex(hex: string): Rgba | undefined {
  const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(digits)) return undefined;
  const channel = (index: number) => Number.parseInt(digits.slice(index, index + 2), 16);
  return {
    red: channel(0),
    green: channel(2),
    blue: channel(4),
    alpha: digits.length === 8 ? channel(6) / 255 : 1,
  };
}

/** A CSS colour as the browser or the test DOM gives it, or undefined when it is not one this reads. */
export function parseColour(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  if (!text) return undefined;
  const named = namedColours[text];
  if (named) return fromHex(named.slice(1));
  if (text.startsWith('#')) return fromHex(text.slice(1));
  const match = /^rgba?\(([^)]*)\)$/.exec(text);
  if (!match?.[1]) return undefined;
  const parts = match[1].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const number = (part: string, scale: number) =>
    part.endsWith('%') ? (Number.parseFloat(part) / 100) * scale : Number.parseFloat(part);
  const [red, green, blue] = parts.slice(0, 3).map((part) => number(part, 255));
  const alpha = parts[3] === undefined ? 1 : number(parts[3], 1);
  if (red === undefined || green === undefined || blue === undefined) return undefined;
  if ([red, green, blue, alpha].some(Number.isNaN)) return undefined;
  return { red, green, blue, alpha };
}

/** Hue in degrees, saturation and lightness (0–1) of an RGB colour (https://www.w3.org/TR/css-color-4/#rgb-to-hsl). */
function toHsl({ red, green, blue }: Rgba): { hue: number; saturation: number; lightness: number } {
  const [r, g, b] = [red / 255, green / 255, blue / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const delta = max - min;
  if (delta === 0) return { hue: 0, saturation: 0, lightness };
  const saturation = delta / (1 - Math.abs(2 * lightness - 1));
  const hue =
    max === r
      ? 60 * (((g - b) / delta) % 6)
      : max === g
        ? 60 * ((b - r) / delta + 2)
        : 60 * ((r - g) / delta + 4);
  return { hue: (hue + 360) % 360, saturation, lightness };
}

/**
 * The family a colour belongs to. Pale tints count (Tailwind's `bg-red-50`
 * is rgb(254 242 242), Bootstrap's alert-danger background #f8d7da), so the
 * saturation floor is low; greys, black and white and nearly transparent
 * colours are neutral.
 */
export function colourFamily(colour: Rgba | undefined): ColourFamily {
  if (!colour || colour.alpha < 0.1) return 'neutral';
  const { hue, saturation, lightness } = toHsl(colour);
  if (saturation < 0.25 || lightness < 0.08 || lightness > 0.985) return 'neutral';
  if (hue >= 340 || hue < 15) return 'red';
  if (hue < 45) return 'orange';
  if (hue >= 75 && hue < 170) return 'green';
  if (hue >= 170 && hue < 260) return 'blue';
  return 'neutral';
}

/** True when two colours are the same to the eye (a red body text makes red text no evidence). */
export function sameColour(a: Rgba | undefined, b: Rgba | undefined): boolean {
  if (!a || !b) return false;
  return Math.abs(a.red - b.red) + Math.abs(a.green - b.green) + Math.abs(a.blue - b.blue) < 24;
}
