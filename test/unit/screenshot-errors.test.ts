import { describe, expect, it } from 'vitest';
import {
  classifyScreenshotError,
  ScreenshotTimeout,
  unsupportedColorFunction,
} from '@/lib/capture/html2canvas/classify';
import { hasUnsupportedColor, replaceColorFunctions, rgbaText } from '@/lib/capture/html2canvas/colors';

function domException(message: string, name: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('classifyScreenshotError', () => {
  it.each([
    [
      'a tainted canvas (toDataURL)',
      domException(
        "Failed to execute 'toDataURL' on 'HTMLCanvasElement': Tainted canvases may not be exported.",
        'SecurityError',
      ),
      undefined,
      'tainted-canvas',
    ],
    [
      'a SecurityError of any wording',
      domException('The operation is insecure.', 'SecurityError'),
      undefined,
      'tainted-canvas',
    ],
    [
      "html2canvas's unsupported colour",
      new Error('Attempting to parse an unsupported color function "oklch"'),
      undefined,
      'unsupported-css',
    ],
    [
      'the same thrown as a string',
      'Attempting to parse an unsupported color function "color"',
      undefined,
      'unsupported-css',
    ],
    [
      'a CSP refusal',
      new Error(
        "Refused to load the image 'https://cdn.example/x.png' because it violates the following Content Security Policy directive",
      ),
      undefined,
      'csp',
    ],
    [
      'Trusted Types (a CSP directive)',
      new TypeError(
        "Failed to execute 'write' on 'Document': This document requires 'TrustedHTML' assignment.",
      ),
      undefined,
      'csp',
    ],
    [
      'an unexplained failure while the page reported a CSP violation',
      'Unable to find iframe window',
      'img-src https://cdn.example/x.png',
      'csp',
    ],
    ['a string too long for a data URL', new RangeError('Invalid string length'), undefined, 'too-large'],
    ['an allocation failure', new RangeError('Array buffer allocation failed'), undefined, 'too-large'],
    ['a RangeError of another kind', new RangeError('Maximum call stack size exceeded'), undefined, 'failed'],
    ['our own time limit', new ScreenshotTimeout(25_000), undefined, 'failed'],
    ["html2canvas's string rejection", 'Unable to find element in cloned iframe', undefined, 'failed'],
    ['something else', new Error('boom'), undefined, 'failed'],
    ['not even an error', undefined, undefined, 'failed'],
  ])('%s → %s', (_name, error, csp, reason) => {
    const classified = classifyScreenshotError(error, csp);
    expect(classified.reason).toBe(reason);
    expect(classified.detail.length).toBeGreaterThan(0);
  });

  it('keeps the message in the detail', () => {
    expect(classifyScreenshotError(new Error('boom')).detail).toBe('Error: boom');
    expect(classifyScreenshotError(new ScreenshotTimeout(10)).detail).toBe(
      'ScreenshotTimeout: html2canvas did not finish within 10 ms',
    );
  });

  it.each([
    [new Error('Attempting to parse an unsupported color function "oklch"'), 'oklch'],
    ['Attempting to parse an unsupported color function "lab"', 'lab'],
    [new Error('Attempting to parse an unsupported color function ""'), 'unknown'],
    [new Error('boom'), undefined],
  ])('unsupportedColorFunction(%s) → %s', (error, name) => {
    expect(unsupportedColorFunction(error)).toBe(name);
  });
});

describe('colour functions html2canvas cannot parse', () => {
  const convert = (color: string) => `<${color.slice(0, color.indexOf('('))}>`;

  it.each([
    ['rgb(1, 2, 3)', false, 'rgb(1, 2, 3)'],
    ['oklch(0.6 0.2 30)', true, '<oklch>'],
    ['oklab(0.5 0.1 -0.1 / 0.5)', true, '<oklab>'],
    ['lab(50 20 30)', true, '<lab>'],
    ['lch(50 20 30)', true, '<lch>'],
    ['color(display-p3 1 0 0)', true, '<color>'],
    ['color(srgb 0.5 0.5 0.5) 0px 2px 6px 0px', true, '<color> 0px 2px 6px 0px'],
    [
      'linear-gradient(oklch(0.9 0.1 20), rgb(0, 0, 0) 50%, lab(20 0 0))',
      true,
      'linear-gradient(<oklch>, rgb(0, 0, 0) 50%, <lab>)',
    ],
    ['color-mix(in oklab, oklch(0.7 0.1 20) 40%, red)', true, '<color-mix>'],
    ['hsl(10 20% 30%)', false, 'hsl(10 20% 30%)'],
    ['none', false, 'none'],
    ['url("https://example.com/lab(1).png")', false, 'url("https://example.com/lab(1).png")'],
    ['url("data:image/svg+xml,a)b") oklch(0.5 0.1 10)', true, 'url("data:image/svg+xml,a)b") <oklch>'],
    ['oklch(0.6 0.2', false, 'oklch(0.6 0.2'],
  ])('%s', (value, unsupported, replaced) => {
    expect(hasUnsupportedColor(value)).toBe(unsupported);
    expect(replaceColorFunctions(value, convert)).toBe(replaced);
  });

  it.each([
    [255, 0, 0, 255, 'rgba(255, 0, 0, 1)'],
    [10, 20, 30, 128, 'rgba(10, 20, 30, 0.502)'],
    [0, 0, 0, 0, 'rgba(0, 0, 0, 0)'],
  ])('rgbaText(%i, %i, %i, %i) → %s', (red, green, blue, alpha, text) => {
    expect(rgbaText(red, green, blue, alpha)).toBe(text);
  });
});
