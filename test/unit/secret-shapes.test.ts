/**
 * The matrix of issue 15: every secret shape (test/fixtures/secrets/shapes.ts)
 * in every place a page can put text — an alert, the title, the URL's query,
 * path and fragment, a console argument (string and object), a failed
 * request's URL — goes through buildCapture → createDraft (compose) → export,
 * and the secret is nowhere in the stored capture, the description or the
 * exports, raw or percent-encoded. Ordinary text goes the same way and stays.
 */
import { describe, expect, it } from 'vitest';
import { buildCapture } from '@/lib/capture/capture';
import { redactText, redactUrl } from '@/lib/capture/redact';
import { createDraft } from '@/lib/draft/create';
import { draftAsMarkdown, draftAsText } from '@/lib/draft/export';
import { consoleText } from '@/lib/recorder/format';
import { captureIntrinsics } from '@/lib/recorder/intrinsics';
import { defaultSettings, type PageSnapshot, type RecordedEvent } from '@/lib/schema';
import { keptShapes, secretShapes } from '../fixtures/secrets/shapes';
import { heldOutKeptShapes, heldOutSecretShapes } from '../fixtures/secrets/shapes-held-out';

const intrinsics = captureIntrinsics(window as unknown as Window & typeof globalThis);
const time = '2026-11-23T10:00:00.000Z';
const pageUrl = 'https://acme.onelogin.com/admin2/apps/123456/sso';

function snapshot(overrides: Partial<PageSnapshot> = {}, events: RecordedEvent[] = []): PageSnapshot {
  return {
    url: pageUrl,
    title: 'Salesforce - アプリケーション | OneLogin',
    heading: 'Salesforce',
    errors: [{ kind: 'alert', text: 'Invalid Signature on SAML Response' }],
    viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
    entities: [],
    environment: {
      browser: 'Chromium',
      browserVersion: '156',
      os: 'Linux',
      uiLanguage: 'ja',
      timeZone: 'Asia/Tokyo',
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
      extensionVersion: '0.1.0',
    },
    recording: { available: true, dropped: 0, events },
    ...overrides,
  };
}

const isUrl = (text: string) => /^[a-z]+:\/\//i.test(text);
const consoleEvent = (text: string): RecordedEvent => ({ type: 'console-error', time, text });

/** Where a page's text lands in a snapshot. */
const places: [string, (text: string) => PageSnapshot][] = [
  ['alert text', (text) => snapshot({ errors: [{ kind: 'alert', text }] })],
  ['page title', (text) => snapshot({ title: text })],
  ['URL query', (text) => snapshot({ url: `${pageUrl}?message=${encodeURIComponent(text)}&tab=sso` })],
  [
    'URL path',
    (text) => snapshot({ url: `https://acme.onelogin.com/errors/${encodeURIComponent(text)}/detail` }),
  ],
  ['URL fragment', (text) => snapshot({ url: `${pageUrl}#${encodeURIComponent(text)}` })],
  [
    'page URL as written',
    (text) => snapshot({ url: isUrl(text) ? text : `${pageUrl}?q=${encodeURIComponent(text)}` }),
  ],
  [
    'console argument (string)',
    (text) => snapshot({}, [consoleEvent(consoleText(intrinsics, ['Login failed:', text]))]),
  ],
  [
    'console argument (object)',
    (text) => snapshot({}, [consoleEvent(consoleText(intrinsics, [{ message: text, status: 401 }]))]),
  ],
  [
    'failed-request URL',
    (text) =>
      snapshot({}, [
        {
          type: 'failed-request',
          time,
          method: 'GET',
          url: isUrl(text)
            ? text
            : `https://acme.onelogin.com/api/2/users?filter=${encodeURIComponent(text)}`,
          status: 401,
        },
      ]),
  ],
];

function decodedForms(text: string): string[] {
  const forms = [text];
  try {
    forms.push(decodeURIComponent(text));
    forms.push(decodeURIComponent(decodeURIComponent(text)));
  } catch {
    // Not percent-encoded throughout: the raw text is the form to read.
  }
  // Inside JSON (a logged object, the stored capture) a quote or a backslash is escaped.
  return forms.flatMap((form) => [form, form.replace(/\\(["\\/])/g, '$1').replace(/\\n/g, '\n')]);
}

/** Everything that leaves the capture: the stored capture, the draft's title and description, both exports. */
function outputsOf(page: PageSnapshot): string[] {
  const capture = buildCapture(page, 'capture', '2026-11-23T19:00:00+09:00');
  const draft = createDraft({ id: 'd', now: time, capture, attachments: [], settings: defaultSettings });
  return [
    JSON.stringify(capture),
    draft.title,
    draft.description,
    draftAsText(draft, 'ja'),
    draftAsMarkdown(draft, 'en'),
  ].flatMap(decodedForms);
}

const secretMatrix = secretShapes.flatMap((shape) =>
  places.map(([place, build]) => ({ ...shape, place, build })),
);
const keptMatrix = keptShapes.flatMap((shape) =>
  places
    .filter(([place]) => !place.startsWith('URL path'))
    .map(([place, build]) => ({ ...shape, place, build })),
);

describe('the fixture tables', () => {
  it('hold at least 80 secret shapes, each secret inside its text', () => {
    expect(secretShapes.length).toBeGreaterThanOrEqual(80);
    for (const shape of [...secretShapes, ...heldOutSecretShapes]) expect(shape.text).toContain(shape.secret);
    for (const shape of [...keptShapes, ...heldOutKeptShapes]) expect(shape.text).toContain(shape.keep);
  });
});

describe('no secret leaves, whatever place holds it', () => {
  it.each(secretMatrix)('$name in $place', ({ text, secret, build }) => {
    for (const output of outputsOf(build(text))) expect(output).not.toContain(secret);
  });
});

describe('ordinary text stays readable', () => {
  it.each(keptMatrix)('$name in $place', ({ text, keep, build }) => {
    expect(outputsOf(build(text)).some((output) => output.includes(keep))).toBe(true);
  });
});

describe('redactUrl is idempotent (lib/background/tab-drafts.ts compares a stored redacted URL with a new one)', () => {
  const urls = [...secretShapes, ...keptShapes].flatMap(({ text }) => [
    ...(isUrl(text) ? [text] : []),
    `${pageUrl}?message=${encodeURIComponent(text)}`,
    `https://acme.onelogin.com/errors/${encodeURIComponent(text)}/detail`,
    `${pageUrl}#${encodeURIComponent(text)}`,
  ]);
  it.each(urls)('%s', (url) => {
    const once = redactUrl(url).text;
    expect(redactUrl(once)).toEqual({ text: once, redactions: [] });
  });
});

describe('redactText is idempotent: a draft redacted again stays as it was', () => {
  it.each([...secretShapes, ...keptShapes].map(({ name, text }) => [name, text]))('%s', (_name, text) => {
    const once = redactText(text, 'error').text;
    expect(redactText(once, 'error')).toEqual({ text: once, redactions: [] });
  });
});

/**
 * The held-out quarter (test/fixtures/secrets/shapes-held-out.ts): written
 * apart and run once, after the rules were done, to measure how they do on
 * shapes they were not tuned on. Measured on its first run: 342 of 360
 * shape × place cases masked (38 of 40 shapes), 96 of 104 kept cases kept;
 * the one kept miss ("Basic information") was a class bug, fixed (`Basic`
 * now needs a token-like value). Still missed, left as found: an HTML
 * input's `name="password" value="…"` and a six-digit code after "MFA code"
 * with no colon. The block pins the rate, not each case, so it can fail on
 * a regression without being tuned case by case.
 */
describe('held-out', () => {
  const heldOutSecrets = heldOutSecretShapes.flatMap((shape) =>
    places.map(([place, build]) => ({ ...shape, place, build })),
  );
  const heldOutKept = heldOutKeptShapes.flatMap((shape) =>
    places
      .filter(([place]) => !place.startsWith('URL path'))
      .map(([place, build]) => ({ ...shape, place, build })),
  );

  it('masks at least 95% of the held-out shape × place cases', () => {
    const leaks = heldOutSecrets.filter(({ text, secret, build }) =>
      outputsOf(build(text)).some((output) => output.includes(secret)),
    );
    const missed = [...new Set(leaks.map(({ name }) => name))];
    // No miss beyond the two found on the first run.
    expect(missed.filter((name) => !['HTML input', 'MFA code without colon'].includes(name))).toEqual([]);
    expect(1 - leaks.length / heldOutSecrets.length).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every held-out ordinary text', () => {
    const mangled = heldOutKept.filter(
      ({ text, keep, build }) => !outputsOf(build(text)).some((output) => output.includes(keep)),
    );
    expect(mangled.map(({ name, place }) => `${name} in ${place}`)).toEqual([]);
  });
});
