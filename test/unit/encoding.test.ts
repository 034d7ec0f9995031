import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, dataUrlToBytes } from '@/lib/base64';
import { readPngSize } from '@/lib/png';
import { compactTimestamp, localIsoString, readableTime } from '@/lib/time';

/** A 3×2 PNG's first 24 bytes: signature, IHDR length and type, width, height. */
const pngHeader = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2,
]);

describe('readPngSize', () => {
  it.each([
    ['a PNG header', pngHeader, { width: 3, height: 2 }],
    ['too short', pngHeader.subarray(0, 20), undefined],
    ['not a PNG', new Uint8Array(24).fill(1), undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(readPngSize(bytes)).toEqual(expected);
  });
});

describe('base64', () => {
  it('round-trips bytes larger than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 251);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('reads a data URL as captureVisibleTab returns it', () => {
    const { type, bytes } = dataUrlToBytes(`data:image/png;base64,${bytesToBase64(pngHeader)}`);
    expect(type).toBe('image/png');
    expect(bytes).toEqual(pngHeader);
  });

  it('refuses what is not a base64 data URL', () => {
    expect(() => dataUrlToBytes('https://example.com/x.png')).toThrow();
  });
});

describe('time', () => {
  it('writes local ISO time with its offset, and reads it back for a ticket', () => {
    const iso = localIsoString(new Date(2026, 10, 23, 19, 40, 12));
    expect(iso).toMatch(/^2026-11-23T19:40:12[+-]\d{2}:\d{2}$/);
    expect(readableTime(iso)).toMatch(/^2026-11-23 19:40:12 \(UTC[+-]\d{2}:\d{2}\)$/);
  });

  it.each([
    ['2026-11-23T19:40:12+09:00', '2026-11-23 19:40:12 (UTC+09:00)'],
    ['2026-11-23T10:40:12.123Z', '2026-11-23 10:40:12 (UTC+00:00)'],
    ['garbage', 'garbage'],
  ])('readableTime(%s)', (input, expected) => {
    expect(readableTime(input)).toBe(expected);
  });

  it('makes file-name timestamps', () => {
    expect(compactTimestamp(new Date(2026, 0, 2, 3, 4, 5))).toBe('20260102-030405');
  });
});
