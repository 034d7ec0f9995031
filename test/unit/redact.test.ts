import { describe, expect, it } from 'vitest';
import { redactText, redactUrl, secretSpans } from '@/lib/capture/redact';
import { buildCapture } from '@/lib/capture/capture';
import { isSecretParameter } from '@/lib/capture/redact-rules';
import { looksLikeToken, randomParts } from '@/lib/capture/secret-values';
import { namesSecretValue } from '@/lib/capture/secret-words';
import { consoleText } from '@/lib/recorder/format';
import { captureIntrinsics } from '@/lib/recorder/intrinsics';
import type { PageSnapshot } from '@/lib/schema';

const minimalSnapshot: PageSnapshot = {
  url: 'https://acme.onelogin.com/apps/1',
  title: 'OneLogin',
  heading: '',
  errors: [],
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
};

const redactionCases: [string, string, string, string][] = [
  [
    'bearer token',
    'Authorization: Bearer abcdef1234567890',
    'Authorization: Bearer [REDACTED]',
    'bearer-token',
  ],
  [
    'client secret assignment',
    'client_secret=s3cr3t-value&x=1',
    'client_secret=[REDACTED]&x=1',
    'secret-assignment',
  ],
  ['api key in JSON', '{"api_key": "AKIA-XYZ-123"}', '{"api_key": "[REDACTED]"}', 'secret-assignment'],
  ['password with colon', 'password: hunter2', 'password: [REDACTED]', 'secret-assignment'],
  [
    'SAMLResponse parameter',
    'SAMLResponse=PHNhbWxwOlJlc3BvbnNl',
    'SAMLResponse=[REDACTED]',
    'secret-assignment',
  ],
  ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4fwpM', 'token [REDACTED]', 'jwt'],
  [
    'SAML assertion XML',
    'got <saml:Assertion ID="a1"><saml:Subject>x</saml:Subject></saml:Assertion> end',
    'got [REDACTED] end',
    'saml-xml',
  ],
  [
    'private key',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----',
    '[REDACTED]',
    'private-key',
  ],
  ['long encoded value', `value ${'QUJD'.repeat(40)}`, 'value [REDACTED]', 'long-encoded-value'],
];

describe('redactText', () => {
  it.each(redactionCases)('%s', (_name, input, expected, rule) => {
    const result = redactText(input, 'error');
    expect(result.text).toBe(expected);
    expect(result.redactions.map((redaction) => redaction.rule)).toContain(rule);
  });

  it.each([
    'Invalid Signature on SAML Response',
    'The InResponseTo of the Response: ONELOGIN_abc, does not match the ID of the AuthNRequest sent by the SP: ONELOGIN_def',
    'メールアドレスの形式が正しくありません',
    'Current time is on or after NotOnOrAfter condition (2026-11-23T10:00:00Z)',
  ])('leaves ordinary error text alone: %s', (text) => {
    expect(redactText(text, 'error')).toEqual({ text, redactions: [] });
  });
});

describe('redactText on hostile input', () => {
  it('masks a secret inside a 1 MB text and keeps the rest', () => {
    const text = `${'ログ '.repeat(170_000)} client_secret=abc123 ${'<script>alert(1)</script>'.repeat(1000)}`;
    const result = redactText(text, 'error');
    expect(result.text).toContain('client_secret=[REDACTED]');
    expect(result.text).toContain('<script>alert(1)</script>');
    expect(result.text).not.toContain('abc123');
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://acme.onelogin.com/apps/123/edit#sso', 'https://acme.onelogin.com/apps/123/edit#sso', 0],
    [
      'https://acme.onelogin.com/x?access_token=abc&page=2',
      'https://acme.onelogin.com/x?access_token=[REDACTED]&page=2',
      1,
    ],
    [
      'https://sp.example/acs?SAMLResponse=PHNhbWw%2B&RelayState=xyz',
      'https://sp.example/acs?SAMLResponse=[REDACTED]&RelayState=[REDACTED]',
      2,
    ],
    // OAuth's `state` only ties a response to its request (RFC 6749 §10.12): no secret, kept for support.
    [
      'https://app.example/cb#id_token=abc.def.ghi&state=1',
      'https://app.example/cb#id_token=[REDACTED]&state=1',
      1,
    ],
    // Masked in place: the URL stays as the page wrote it, and the reader sees something was there.
    ['https://user:pw@acme.onelogin.com/', 'https://[REDACTED]@acme.onelogin.com/', 1],
    ['ssh://git@example.com/repo', 'ssh://git@example.com/repo', 0],
  ])('%s', (input, expected, count) => {
    const result = redactUrl(input);
    expect(result.text).toBe(expected);
    expect(result.redactions).toHaveLength(count);
  });
});

describe('buildCapture', () => {
  it('redacts every text of a snapshot and lists what it masked', () => {
    const capture = buildCapture(
      {
        url: 'https://acme.onelogin.com/users?token=abc',
        title: 'password=hunter2',
        heading: 'ユーザー',
        errors: [{ kind: 'alert', text: 'Bearer abcdefghijkl failed' }],
        viewport: { width: 1, height: 1, devicePixelRatio: 1 },
        entities: [{ kind: 'user', id: '789', email: 'taro@example.co.jp', name: 'token=abc' }],
        environment: {
          browser: 'Chromium',
          browserVersion: '156',
          os: 'Linux',
          uiLanguage: 'ja',
          timeZone: 'Asia/Tokyo',
          viewport: { width: 1, height: 1, devicePixelRatio: 1 },
          extensionVersion: '0.1.0',
        },
        recording: {
          available: true,
          dropped: 0,
          events: [
            {
              type: 'failed-request',
              time: '2026-11-23T10:00:00.000Z',
              method: 'GET',
              url: 'https://x.onelogin.com/api?access_token=abc',
              status: 401,
            },
            {
              type: 'console-error',
              time: '2026-11-23T10:00:00.000Z',
              text: 'Authorization: Bearer abcdefghijkl',
            },
          ],
        },
      },
      'capture-1',
      '2026-11-23T19:40:12+09:00',
    );
    expect(JSON.stringify(capture)).not.toMatch(/hunter2|abcdefghijkl|token=abc/);
    expect(capture.redactions.map((redaction) => redaction.where).sort()).toEqual([
      'entity',
      'error',
      'recording',
      'recording',
      'title',
      'url',
    ]);
    expect(capture.entities[0]?.email).toBe('taro@example.co.jp');
  });

  it('masks email addresses everywhere when the user asks', () => {
    const capture = buildCapture(
      {
        url: 'https://acme.onelogin.com/users?email=taro@example.co.jp',
        title: 'taro@example.co.jp',
        heading: '',
        errors: [{ kind: 'alert', text: 'taro@example.co.jp は既に使用されています' }],
        viewport: { width: 1, height: 1, devicePixelRatio: 1 },
        entities: [{ kind: 'user', email: 'taro@example.co.jp' }],
        recording: { available: false, events: [], dropped: 0 },
        environment: {
          browser: 'Chromium',
          browserVersion: '156',
          os: 'Linux',
          uiLanguage: 'ja',
          timeZone: 'Asia/Tokyo',
          viewport: { width: 1, height: 1, devicePixelRatio: 1 },
          extensionVersion: '0.1.0',
        },
      },
      'capture-2',
      '2026-11-23T19:40:12+09:00',
      [{ rule: 'email', where: 'screenshot' }],
      { maskEmails: true },
    );
    expect(JSON.stringify(capture)).not.toContain('taro@example.co.jp');
    expect(capture.errors[0]?.text).toBe('[EMAIL] は既に使用されています');
    expect(capture.redactions).toContainEqual({ rule: 'email', where: 'screenshot' });
  });
});

describe('redactText on a hostile page’s 10 MB text', () => {
  it('masks a 10 MB encoded-looking run without throwing, leaving nothing of it', () => {
    const run = 'x'.repeat(10 * 1024 * 1024);
    const { text, redactions } = redactText(`Invalid SAML Response: ${run}`, 'screenshot');
    expect(text.startsWith('Invalid SAML Response: ')).toBe(true);
    expect(text).not.toMatch(/x{120}/);
    expect(redactions.length).toBeGreaterThan(0);
  });
});

describe('extra mask patterns (settings or the organisation’s policy)', () => {
  it.each([
    ['EMP-[0-9]{6}', '社員 EMP-123456 の同期に失敗', '社員 [REDACTED] の同期に失敗', 1],
    ['emp-[0-9]+', 'EMP-1 and Emp-22', '[REDACTED] and [REDACTED]', 2],
    ['契約番号\\s*\\S+', '契約番号 A-77 が無効です', '[REDACTED] が無効です', 1],
    ['(unclosed', 'nothing (unclosed here', 'nothing (unclosed here', 0],
    ['x*', 'an empty match is never a rule', 'an empty match is never a rule', 0],
  ])('%s on %j', (pattern, input, expected, count) => {
    const result = redactText(input, 'error', { maskPatterns: [pattern] });
    expect(result.text).toBe(expected);
    expect(result.redactions).toEqual(Array(count).fill({ rule: 'custom-pattern', where: 'error' }));
  });

  it('applies the same pattern again and again (a shared RegExp keeps no position)', () => {
    for (let round = 0; round < 3; round += 1)
      expect(redactText('EMP-1 EMP-2', 'error', { maskPatterns: ['EMP-\\d'] }).text).toBe(
        '[REDACTED] [REDACTED]',
      );
  });

  it('masks every text of a capture, its URL included', () => {
    const capture = buildCapture(
      {
        url: 'https://acme.onelogin.com/users?q=EMP-123456',
        title: 'EMP-123456',
        heading: 'EMP-123456',
        errors: [{ kind: 'alert', text: 'EMP-123456 の同期に失敗しました' }],
        viewport: { width: 1, height: 1, devicePixelRatio: 1 },
        entities: [{ kind: 'user', name: 'EMP-123456' }],
        recording: { available: false, events: [], dropped: 0 },
        environment: {
          browser: 'Chromium',
          browserVersion: '156',
          os: 'Linux',
          uiLanguage: 'ja',
          timeZone: 'Asia/Tokyo',
          viewport: { width: 1, height: 1, devicePixelRatio: 1 },
          extensionVersion: '0.1.0',
        },
      },
      'capture-3',
      '2026-11-23T19:40:12+09:00',
      [],
      { maskPatterns: ['EMP-[0-9]{6}'] },
    );
    expect(JSON.stringify(capture)).not.toContain('EMP-123456');
  });
});

describe('the classes of issue 15, each pinned', () => {
  it.each([
    // `\b` saw no boundary after `_`: label words do.
    ['new_password=Tr0ub4dor-3x', 'new_password=[REDACTED]'],
    ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG', 'aws_secret_access_key=[REDACTED]'],
    ['oauth_token=9f8e7d6c5b4a', 'oauth_token=[REDACTED]'],
    ['x_api_key: q8Wm2nR5tY7u', 'x_api_key: [REDACTED]'],
    ['_token=Kx9mQ2pL7vN4', '_token=[REDACTED]'],
    // Schemes in any case, `bearer:` without a space, the scheme kept readable.
    ['Authorization: BEARER QWERTY123456', 'Authorization: BEARER [REDACTED]'],
    ['Authorization: bearer:00a1b2c3d4e5', 'Authorization: bearer:[REDACTED]'],
    ['Authorization: SSWS 00QCjAl4MlV-WPXM0ABC', 'Authorization: SSWS [REDACTED]'],
    ['Authorization: Digest username="a", response="6629fae4"', 'Authorization: Digest [REDACTED]'],
    ['Authorization: whatever-it-is', 'Authorization: [REDACTED]'],
    // "label value" without a colon, with a fullwidth one, Japanese.
    ['Client Secret 8f3kQ9zLm2Xv7TqR', 'Client Secret [REDACTED]'],
    ['クライアント シークレット：Zq7Wm3Rt9Yp2', 'クライアント シークレット：[REDACTED]'],
    ['API キー ak-8Zu4Kl0Mn3Oc', 'API キー [REDACTED]'],
    // JSON keeps its quotes; JSON inside a logged JSON string too.
    ['{"password":"hunter2"}', '{"password":"[REDACTED]"}'],
    [
      '{"message":"{\\"client_secret\\":\\"s3cr3t\\"}"}',
      '{"message":"{\\"client_secret\\":\\"[REDACTED]\\"}"}',
    ],
    // A logged text the recorder cut inside a secret.
    ['{"client_secret":"9f86d081884c…', '{"client_secret":[REDACTED]'],
    ['client_secret=9f86d081884c…', 'client_secret=[REDACTED]'],
  ])('%s → %s', (input, expected) => {
    expect(redactText(input, 'error').text).toBe(expected);
  });

  it.each([
    'Token expired',
    'password reset was sent',
    'API Key: (not set)',
    'Bearer token expired',
    'Password: must be at least 8 characters',
    'パスワード：8文字以上にしてください',
    'token_type=Bearer&expires_in=3600',
    'user 12345678 in app 1234567 (9b2f6c1e-4a3d-4e8b-9c7a-1f2e3d4c5b6a) at 2026-11-23T10:00:00Z',
    'InResponseTo ONELOGIN_4fee3b046395c4e751011e97f8900b5273d56685',
  ])('keeps %j', (text) => {
    expect(redactText(text, 'error')).toEqual({ text, redactions: [] });
  });
});

describe('secretSpans: what the screenshot covers', () => {
  it.each([
    ['Authorization: Bearer 7f3a9c2e4b6d8f0a', '7f3a9c2e4b6d8f0a', 'bearer-token'],
    ['Client Secret 8f3kQ9zLm2Xv7TqR', '8f3kQ9zLm2Xv7TqR', 'secret-assignment'],
    ['key sk_live_4eC39HqLyjWDarjtT1zdp7dc here', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'provider-token'],
    ['https://acme.onelogin.com/reset/8f3kQ9zLm2Xv7TqR4wNb/confirm', '8f3kQ9zLm2Xv7TqR4wNb', 'high-entropy'],
    [
      'Cookie: PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3',
      'PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3',
      'session-cookie',
    ],
  ])('%s: one span over %s', (text, secret, rule) => {
    const spans = secretSpans(text);
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(text.slice(span?.index, (span?.index ?? 0) + (span?.length ?? 0))).toContain(secret);
    expect(span?.rule).toBe(rule);
    // The text redaction hides the same range.
    expect(redactText(text, 'screenshot').text).toBe(
      text.slice(0, span?.index) + '[REDACTED]' + text.slice((span?.index ?? 0) + (span?.length ?? 0)),
    );
  });

  it('covers a whole PEM block, and a cut one to the end of the text', () => {
    const whole = 'key:\n-----BEGIN PRIVATE KEY-----\nMIIE\nAbCd\n-----END PRIVATE KEY-----\nok';
    expect(redactText(whole, 'error').text).toBe('key:\n[REDACTED]\nok');
    expect(redactText('x -----BEGIN RSA PRIVATE KEY-----\nMIIE\nAbCd', 'error').text).toBe('x [REDACTED]');
  });
});

describe('console.error of an object (lib/recorder/format.ts, then buildCapture)', () => {
  const intrinsics = captureIntrinsics(window as unknown as Window & typeof globalThis);
  it.each<[string, unknown[], string]>([
    ['a secret key', [{ client_secret: 'Zq7Wm3Rt9Yp2', status: 401 }], 'Zq7Wm3Rt9Yp2'],
    [
      'a nested header',
      ['request failed', { headers: { Authorization: 'Bearer 7f3a9c2e4b6d' } }],
      '7f3a9c2e4b6d',
    ],
    ['an array of cookies', [['PHPSESSID=el4ukv0kqbvoirg7', 'theme=dark']], 'el4ukv0kqbvoirg7'],
    ['%o substitution', ['login %o', { password: 'hunter2' }], 'hunter2'],
    ['a camelCase key', [{ user: 'taro', newPassword: 'Tr0ub4dor-3x' }], 'Tr0ub4dor-3x'],
  ])('%s', (_name, args, secret) => {
    const text = consoleText(intrinsics, args);
    expect(text).toContain(secret);
    const capture = buildCapture(
      {
        ...minimalSnapshot,
        recording: { available: true, dropped: 0, events: [{ type: 'console-error', time: 'now', text }] },
      },
      'c',
      '2026-11-23T19:40:12+09:00',
    );
    expect(JSON.stringify(capture)).not.toContain(secret);
    expect(capture.redactions.length).toBeGreaterThan(0);
  });
});

describe('redactText stays linear on hostile text', () => {
  // Each shape makes one rule reject a candidate at almost every position; before the
  // bounds and the resume points, `a=` × 50 000 alone took 2.7 s (quadratic).
  it.each([
    ['labels with no secret', 'a='],
    ['cookie headers with no cookie', 'Cookie: '],
    ['scheme names before words', 'token '],
    ['JSON keys left open', '"a": "'],
    ['parameters with no secret', '?a=1&b=2'],
  ])('%s, 1 MB of it, in under 5 s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    redactText(text, 'screenshot');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('judgment calls of the value judges (lib/capture/secret-values.ts)', () => {
  it.each([
    // Ids OneLogin shows, which support needs: kept.
    ['12345678901234567890', false, 'a numeric id'],
    ['9b2f6c1e-4a3d-4e8b-9c7a-1f2e3d4c5b6a', false, 'a UUID'],
    ['8c1f0b2a9d3e4f5a6b7c8d9e0f1a2b3c', false, 'a request id, 32 hex'],
    ['4f22ab9c01de7730115a4f22ab9c01de7730115a', false, 'a SHA-1 / commit id, 40 hex'],
    ['ONELOGIN_4fee3b046395c4e751011e97f8900b5273d56685', false, 'a SAML message id'],
    ['InvalidSignatureOnSAMLResponse2', false, 'a camelCase identifier'],
    ['saml-response-signature-invalid', false, 'a slug'],
    // Keys and tokens: masked.
    ['kY7pQ2mZ9xL4vN8bR3tW6sJ1hF5dG0cA', true, 'random base62'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', true, 'a 40-character AWS secret key'],
  ])('%s → masked %s (%s)', (value, masked) => {
    expect(randomParts(value).length > 0).toBe(masked);
  });

  it.each([
    ['client_secret', true],
    ['new_password', true],
    ['X-Amz-Security-Token', true],
    ['token_type', false], // RFC 6749 §5.1: the kind of token, not one
    ['password_reset_url', false],
    ['secret_name', false],
    ['client_id', false],
  ])('the key %s names a secret value: %s', (name, expected) => {
    expect(namesSecretValue(name)).toBe(expected);
  });

  it.each([
    ['access_token', true],
    ['code', true], // OAuth's authorization code is a credential (RFC 6749 §4.1.2)
    ['X-Amz-Signature', true],
    ['sig', true], // Azure SAS
    ['state', false], // only ties a response to its request (RFC 6749 §10.12)
    ['tab', false],
  ])('the URL parameter %s is a secret: %s', (name, expected) => {
    expect(isSecretParameter(name)).toBe(expected);
  });

  it.each([
    ['expired', false],
    ['hunter2Xy', true],
    ['********', false],
    ['read-only', false],
    ['8f3kQ9zLm2', true],
  ])('after a label with no colon, %s is a token: %s', (value, expected) => {
    expect(looksLikeToken(value)).toBe(expected);
  });
});
