/**
 * The ticket tells the truth (issue 15): the description's masking line
 * counts what HelpDraft really masked — text redactions, and screenshot masks
 * only when that screenshot is attached — and is absent when nothing was.
 */
import { describe, expect, it } from 'vitest';
import { buildCapture } from '@/lib/capture/capture';
import { composeDescription, maskedCounts } from '@/lib/draft/compose';
import { translate } from '@/lib/i18n';
import type { AttachmentRef, Capture, Locale, Redaction } from '@/lib/schema';
import { makeCapture } from './fixtures';

const screenshot: AttachmentRef = {
  id: 'a',
  name: 'helpdraft-screenshot-20261123-194012.png',
  type: 'image/png',
  size: 1000,
  width: 10,
  height: 10,
};
const log: AttachmentRef = { id: 'b', name: 'har.txt', type: 'text/plain', size: 10 };
const inText = (count: number): Redaction[] => Array(count).fill({ rule: 'bearer-token', where: 'error' });
const inScreenshot = (count: number): Redaction[] =>
  Array(count).fill({ rule: 'secret-field', where: 'screenshot' });
const noScreenshot: Partial<Capture> = { screenshotProblem: { code: 'screenshot-failed', detail: '' } };

describe('the masking line', () => {
  it.each<[string, Redaction[], Partial<Capture>, AttachmentRef[], { text: number; screenshot: number }]>([
    ['nothing masked', [], {}, [screenshot], { text: 0, screenshot: 0 }],
    ['text only', inText(2), {}, [], { text: 2, screenshot: 0 }],
    [
      'screenshot masks with the screenshot attached',
      inScreenshot(3),
      {},
      [screenshot],
      { text: 0, screenshot: 3 },
    ],
    ['both', [...inText(2), ...inScreenshot(1)], {}, [log, screenshot], { text: 2, screenshot: 1 }],
    [
      'screenshot masks but the screenshot failed',
      inScreenshot(3),
      noScreenshot,
      [screenshot],
      { text: 0, screenshot: 0 },
    ],
    [
      'screenshot masks but no image attached',
      [...inText(1), ...inScreenshot(3)],
      {},
      [log],
      { text: 1, screenshot: 0 },
    ],
  ])('%s', (_name, redactions, overrides, attachments, expected) => {
    const capture = makeCapture({ redactions, ...overrides });
    expect(maskedCounts(capture, attachments)).toEqual(expected);
    for (const locale of ['ja', 'en'] as Locale[]) {
      const description = composeDescription(capture, attachments, locale);
      const total = expected.text + expected.screenshot;
      const line = translate(locale, 'compose.masked', { count: total, ...expected });
      if (total === 0) {
        // No claim at all: neither the line nor any other words of it.
        expect(description).not.toContain(line);
        expect(description).not.toMatch(locale === 'ja' ? /伏せ字|マスク/ : /mask/i);
      } else expect(description).toContain(line);
    }
  });

  it('counts exactly the masks the stored texts hold', () => {
    const capture = buildCapture(
      {
        url: 'https://acme.onelogin.com/users?access_token=abc123def',
        title: 'OneLogin',
        heading: '',
        errors: [
          { kind: 'alert', text: 'Authorization: Bearer 7f3a9c2e4b6d8f0a1c3e' },
          { kind: 'alert', text: 'Token expired' },
        ],
        viewport: { width: 1, height: 1, devicePixelRatio: 1 },
        entities: [],
        environment: {
          browser: 'Chromium',
          browserVersion: '156',
          os: 'Linux',
          uiLanguage: 'ja',
          timeZone: 'Asia/Tokyo',
          viewport: { width: 1, height: 1, devicePixelRatio: 1 },
          extensionVersion: '0.1.0',
        },
        recording: { available: false, events: [], dropped: 0 },
      },
      'c',
      '2026-11-23T19:40:12+09:00',
      inScreenshot(1),
    );
    const placed = JSON.stringify(capture).split('[REDACTED]').length - 1;
    expect(placed).toBe(2);
    expect(maskedCounts(capture, [screenshot])).toEqual({ text: placed, screenshot: 1 });
    expect(composeDescription(capture, [screenshot], 'en')).toContain(
      'Note: HelpDraft masked 3 items (2 in the text, 1 in the screenshot).',
    );
  });
});
