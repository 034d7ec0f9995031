/**
 * The recorder's buffer, text formatting and hooks, on a fresh happy-dom
 * window per test (the recorder patches the window it is given).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Window as HappyWindow } from 'happy-dom';
import { recordingSchema, type RecordedEvent } from '@/lib/schema';
import { createBuffer } from '@/lib/recorder/buffer';
import { consoleText, describe as describeValue } from '@/lib/recorder/format';
import { installHooks } from '@/lib/recorder/hooks';
import { captureIntrinsics } from '@/lib/recorder/intrinsics';
import { MAX_EVENTS, MAX_TEXT } from '@/lib/recorder/protocol';

type PageWindow = Window & typeof globalThis;
const pageUrl = 'https://acme.onelogin.com/admin2/apps/123456/sso';
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const windows: HappyWindow[] = [];
function pageWindow(): PageWindow {
  // Nothing loads: a <script src> then fires only the error events a test dispatches.
  const happy = new HappyWindow({ url: pageUrl, settings: { handleDisabledFileLoadingAsSuccess: true } });
  windows.push(happy);
  return happy as unknown as PageWindow;
}

afterEach(async () => {
  await Promise.all(windows.splice(0).map((happy) => happy.happyDOM.close()));
});

/** A window with the recorder's hooks on it, and what it recorded so far (validated). */
function hooked(prepare: (win: PageWindow) => void = () => {}) {
  const win = pageWindow();
  prepare(win);
  const x = captureIntrinsics(win);
  const buffer = createBuffer(x);
  const uninstall = installHooks(win, x, buffer.record);
  const events = (): RecordedEvent[] => recordingSchema.parse(JSON.parse(buffer.json())).events;
  return { win, x, uninstall, events };
}

/** Lets promise callbacks (the fetch wrapper's `then`) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the buffer', () => {
  it.each([
    [0, 0, 0],
    [1, 1, 0],
    [MAX_EVENTS, MAX_EVENTS, 0],
    [MAX_EVENTS + 1, MAX_EVENTS, 1],
    [1000, MAX_EVENTS, 1000 - MAX_EVENTS],
  ])('keeps at most %i events: %i kept, %i dropped', (added, kept, dropped) => {
    const x = captureIntrinsics(pageWindow());
    const buffer = createBuffer(x);
    for (let i = 0; i < added; i++) buffer.record('console-error', [['text', `error ${i}`]]);
    const recording = recordingSchema.parse(JSON.parse(buffer.json()));
    expect(recording.available).toBe(true);
    expect(recording.events).toHaveLength(kept);
    expect(recording.dropped).toBe(dropped);
    // The first half is kept, then the latest, in order.
    const texts = recording.events.map((event) => (event.type === 'console-error' ? event.text : ''));
    const expected = Array.from({ length: kept }, (_, i) =>
      i < MAX_EVENTS / 2 || added <= MAX_EVENTS ? `error ${i}` : `error ${added - MAX_EVENTS + i}`,
    );
    expect(texts).toEqual(expected);
  });

  it('caps texts and URLs, and keeps integers as integers', () => {
    const x = captureIntrinsics(pageWindow());
    const buffer = createBuffer(x);
    buffer.record('failed-request', [
      ['method', 'GET'],
      ['url', `https://acme.onelogin.com/?q=${'あ'.repeat(5000)}`],
      ['status', 404],
      ['statusText', undefined],
    ]);
    buffer.record('exception', [
      ['text', 'x'.repeat(MAX_TEXT * 3)],
      ['line', 12.7],
      ['column', Number.NaN],
    ]);
    const [request, exception] = recordingSchema.parse(JSON.parse(buffer.json())).events;
    expect(request).toEqual({
      type: 'failed-request',
      time: expect.stringMatching(isoTime),
      method: 'GET',
      url: expect.stringMatching(/…$/),
      status: 404,
    });
    expect(request?.type === 'failed-request' && request.url.length).toBe(MAX_TEXT);
    expect(exception).toEqual({
      type: 'exception',
      time: expect.stringMatching(isoTime),
      text: `${'x'.repeat(MAX_TEXT - 1)}…`,
      line: 12,
      column: 0,
    });
  });

  it('is not fooled by a page that adds toJSON or setters to the prototypes', () => {
    const x = captureIntrinsics(pageWindow());
    const buffer = createBuffer(x);
    Object.defineProperty(Object.prototype, 'toJSON', {
      value: () => ({ forged: true }),
      configurable: true,
      writable: true,
    });
    Object.defineProperty(Object.prototype, '0', { set: () => {}, configurable: true });
    try {
      buffer.record('console-error', [['text', 'real']]);
      expect(buffer.json()).toMatch(
        /^\{"available":true,"events":\[\{"type":"console-error","time":"[^"]+","text":"real"\}\],"dropped":0\}$/,
      );
    } finally {
      delete (Object.prototype as Record<string, unknown>).toJSON;
      delete (Object.prototype as Record<string, unknown>)['0'];
    }
  });
});

describe('texts of logged values', () => {
  const x = captureIntrinsics(window as unknown as PageWindow);
  const failing = new Error('Invalid Signature on SAML Response');
  failing.stack = [
    'Error: Invalid Signature on SAML Response',
    '    at validate (https://acme.onelogin.com/admin2/app.js:10:5)',
    '',
    '    at submit (https://acme.onelogin.com/admin2/app.js:20:3)',
    ...Array.from({ length: 10 }, (_, i) => `    at frame${i} (app.js:${i}:1)`),
  ].join('\n');
  const firefoxStyle = Object.assign(new TypeError('x is undefined'), {
    stack: 'validate@app.js:1:2\nsubmit@app.js:3:4\n',
  });
  const unprintable = {
    toString() {
      throw new Error('no');
    },
  };
  Object.setPrototypeOf(unprintable, { toString: unprintable.toString });

  it.each<[string, unknown[], string]>([
    ['a string', ['SAML assertion validation failed'], 'SAML assertion validation failed'],
    [
      'a string and an Error',
      ['SAML assertion validation failed', failing],
      'SAML assertion validation failed Error: Invalid Signature on SAML Response\n' +
        '    at validate (https://acme.onelogin.com/admin2/app.js:10:5)\n' +
        '    at submit (https://acme.onelogin.com/admin2/app.js:20:3)\n' +
        '    at frame0 (app.js:0:1)\n    at frame1 (app.js:1:1)\n    at frame2 (app.js:2:1)',
    ],
    [
      'an Error without the header in its stack',
      [firefoxStyle],
      'TypeError: x is undefined\nvalidate@app.js:1:2\nsubmit@app.js:3:4',
    ],
    [
      'substitutions',
      ['%s failed (%d%%): %o', 'SSO', 3, { code: 'E1' }, 'extra'],
      'SSO failed (3%): {"code":"E1"} extra',
    ],
    ['a style directive', ['%cエラー', 'color: red'], 'エラー'],
    ['a directive without an argument', ['100%s'], '100%s'],
    ['primitives', [undefined, null, 1, true, 10n, Symbol('s')], 'undefined null 1 true 10 Symbol(s)'],
    ['a plain object and an array', [{ code: 42 }, [1, 'a']], '{"code":42} [1,"a"]'],
    ['an element', [document.body], String(document.body)],
    ['a value whose toString throws', [unprintable], '[unprintable]'],
  ])('%s', (_name, args, expected) => {
    expect(consoleText(x, args)).toBe(expected);
  });

  it('an error-like object from another realm', () => {
    expect(describeValue(x, { name: 'DOMException', message: 'aborted' })).toBe('DOMException: aborted');
  });
});

describe('console.error', () => {
  it('records the text and behaves exactly like the original', () => {
    const calls: Array<{ self: unknown; args: unknown[] }> = [];
    const { win, events } = hooked((win) => {
      win.console.error = function pageConsoleError(this: unknown, ...args: unknown[]) {
        calls.push({ self: this, args });
        return 'original result';
      } as Console['error'];
    });
    const error = new Error('Invalid Signature on SAML Response');
    expect(win.console.error('SAML assertion validation failed', error)).toBe('original result');
    expect(calls).toEqual([{ self: win.console, args: ['SAML assertion validation failed', error] }]);
    expect(win.console.error.name).toBe('pageConsoleError');
    expect(events()).toEqual([
      {
        type: 'console-error',
        time: expect.stringMatching(isoTime),
        text: expect.stringMatching(
          /^SAML assertion validation failed Error: Invalid Signature on SAML Response\n\s+at /,
        ),
      },
    ]);
  });

  it("lets the original's exception through, after recording", () => {
    const thrown = new Error('console is broken');
    const { win, events } = hooked((win) => {
      win.console.error = () => {
        throw thrown;
      };
    });
    expect(() => win.console.error('still recorded')).toThrow(thrown);
    expect(events()).toEqual([expect.objectContaining({ type: 'console-error', text: 'still recorded' })]);
  });

  it('is restored by the uninstaller', () => {
    let original: Console['error'] | undefined;
    const { win, uninstall } = hooked((win) => {
      original = win.console.error = vi.fn();
    });
    expect(win.console.error).not.toBe(original);
    uninstall();
    expect(win.console.error).toBe(original);
  });
});

describe('window error events', () => {
  it('records an uncaught exception with its source, line, column and first frames', () => {
    const { win, events } = hooked();
    const error = new Error("Cannot read properties of undefined (reading 'certificate')");
    error.stack = `Error: ${error.message}\n    at render (https://acme.onelogin.com/admin2/app.js:42:7)`;
    const event = new win.ErrorEvent('error', {
      message: `Uncaught Error: ${error.message}`,
      filename: 'https://acme.onelogin.com/admin2/app.js',
      lineno: 42,
      colno: 7,
      error,
    });
    expect(win.dispatchEvent(event)).toBe(true);
    expect(event.defaultPrevented).toBe(false);
    expect(events()).toEqual([
      {
        type: 'exception',
        time: expect.stringMatching(isoTime),
        text:
          "Uncaught Error: Cannot read properties of undefined (reading 'certificate')\n" +
          '    at render (https://acme.onelogin.com/admin2/app.js:42:7)',
        source: 'https://acme.onelogin.com/admin2/app.js',
        line: 42,
        column: 7,
      },
    ]);
  });

  it('records a cross-origin "Script error." without the unknown fields', () => {
    const { win, events } = hooked();
    win.dispatchEvent(new win.ErrorEvent('error', { message: 'Script error.' }));
    expect(events()).toEqual([
      { type: 'exception', time: expect.stringMatching(isoTime), text: 'Script error.' },
    ]);
  });

  it.each([
    ['img', 'src', '/admin2/missing-logo.png', 'https://acme.onelogin.com/admin2/missing-logo.png'],
    ['script', 'src', 'https://cdn.example.com/app.js', 'https://cdn.example.com/app.js'],
    ['link', 'href', '/admin2/theme.css', 'https://acme.onelogin.com/admin2/theme.css'],
  ])('records a failed <%s> load as a failed request with status 0', (tag, attribute, value, url) => {
    const { win, events } = hooked();
    const element = win.document.createElement(tag);
    element.setAttribute(attribute, value);
    win.document.body.append(element);
    element.dispatchEvent(new win.Event('error'));
    expect(events()).toEqual([
      { type: 'failed-request', time: expect.stringMatching(isoTime), method: 'GET', url, status: 0 },
    ]);
  });
});

describe('unhandled rejections', () => {
  it.each<[string, unknown, string | RegExp]>([
    ['an Error', new TypeError('connector list failed'), /^TypeError: connector list failed\n\s+at /],
    ['a string', 'session expired', 'session expired'],
    ['an object', { status: 401 }, '{"status":401}'],
    ['undefined', undefined, 'undefined'],
  ])('records %s', (_name, reason, text) => {
    const { win, events } = hooked();
    const event = new win.Event('unhandledrejection');
    Object.defineProperty(event, 'reason', { value: reason });
    win.dispatchEvent(event);
    expect(events()).toEqual([
      {
        type: 'unhandled-rejection',
        time: expect.stringMatching(isoTime),
        text: typeof text === 'string' ? text : expect.stringMatching(text),
      },
    ]);
  });
});

describe('fetch', () => {
  function withFetch(answer: (input: unknown, init: unknown) => Promise<Response>) {
    const original = vi.fn(function (this: unknown, input: unknown, init?: unknown) {
      return answer(input, init);
    });
    const page = hooked((win) => {
      win.fetch = original as unknown as typeof fetch;
    });
    return { ...page, original };
  }

  it.each([
    [200, false],
    [204, false],
    [304, false],
    [399, false],
    [400, true],
    [404, true],
    [422, true],
    [500, true],
    [503, true],
  ])('status %i: recorded %s', async (status, recorded) => {
    const { win, events } = withFetch(
      async () => new win.Response(null, { status, statusText: `Status ${status}` }) as unknown as Response,
    );
    const response = await win.fetch('/__standin/status/' + status);
    expect(response.status).toBe(status);
    await settle();
    expect(events()).toEqual(
      recorded
        ? [
            {
              type: 'failed-request',
              time: expect.stringMatching(isoTime),
              method: 'GET',
              url: `https://acme.onelogin.com/__standin/status/${status}`,
              status,
              statusText: `Status ${status}`,
            },
          ]
        : [],
    );
  });

  it('records a network failure as status 0 and lets the rejection through', async () => {
    const failure = new TypeError('Failed to fetch');
    const { win, events } = withFetch(() => Promise.reject(failure));
    await expect(win.fetch('https://127.0.0.1:1/unreachable', { method: 'post' })).rejects.toBe(failure);
    await settle();
    expect(events()).toEqual([
      {
        type: 'failed-request',
        time: expect.stringMatching(isoTime),
        method: 'POST',
        url: 'https://127.0.0.1:1/unreachable',
        status: 0,
        statusText: 'Failed to fetch',
      },
    ]);
  });

  it('does not record an abort', async () => {
    const abort = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    const { win, events } = withFetch(() => Promise.reject(abort));
    await expect(win.fetch('/admin2/api/apps')).rejects.toBe(abort);
    await settle();
    expect(events()).toEqual([]);
  });

  it('returns the very promise of the original, with the same this and arguments', async () => {
    let returned: Promise<Response> | undefined;
    const { win, original } = withFetch(
      () => (returned = Promise.resolve(new win.Response(null, { status: 200 }) as unknown as Response)),
    );
    const init = { headers: { 'X-Test': '1' } };
    const result = win.fetch('/admin2/api/apps', init);
    expect(result).toBe(returned);
    expect(original).toHaveBeenCalledWith('/admin2/api/apps', init);
    expect(original.mock.contexts[0]).toBe(win);
    expect(win.fetch).not.toBe(original);
    expect(win.fetch.name).toBe(original.name);
    expect(win.fetch.length).toBe(original.length);
    await result;
  });

  it('lets a synchronous exception through unrecorded', async () => {
    const thrown = new TypeError('Illegal invocation');
    const { win, events } = withFetch(() => {
      throw thrown;
    });
    expect(() => win.fetch('/x')).toThrow(thrown);
    await settle();
    expect(events()).toEqual([]);
  });

  it('takes method and URL from a Request', async () => {
    const { win, events } = withFetch(
      async () => new win.Response(null, { status: 409 }) as unknown as Response,
    );
    await win.fetch(new win.Request('/admin2/api/apps/123456', { method: 'PUT' }) as unknown as Request);
    await settle();
    expect(events()).toEqual([
      expect.objectContaining({
        method: 'PUT',
        url: 'https://acme.onelogin.com/admin2/api/apps/123456',
        status: 409,
      }),
    ]);
  });
});

describe('XMLHttpRequest', () => {
  type Outcome = { status: number; statusText?: string } | 'error' | 'timeout' | 'abort';

  /** Stands in for the browser's XMLHttpRequest: answers `send` with a preset outcome. */
  function fakeXhrClass(win: PageWindow, outcome: Outcome) {
    return class FakeXMLHttpRequest extends win.EventTarget {
      status = 0;
      statusText = '';
      opened: unknown[] = [];
      open(...args: unknown[]): void {
        if (args[0] === 'BAD METHOD') throw new SyntaxError("'BAD METHOD' is not a valid HTTP method.");
        this.opened = args;
      }
      send(): void {
        if (typeof outcome === 'object') {
          this.status = outcome.status;
          this.statusText = outcome.statusText ?? '';
          this.dispatchEvent(new win.Event('load'));
        } else this.dispatchEvent(new win.Event(outcome));
        this.dispatchEvent(new win.Event('loadend'));
      }
    };
  }

  it.each<[Outcome, Partial<RecordedEvent> | undefined]>([
    [{ status: 200 }, undefined],
    [{ status: 302 }, undefined],
    [
      { status: 422, statusText: 'Unprocessable Entity' },
      { status: 422, statusText: 'Unprocessable Entity' },
    ],
    [{ status: 500 }, { status: 500 }],
    ['error', { status: 0 }],
    ['timeout', { status: 0, statusText: 'timeout' }],
    ['abort', undefined],
  ])('%o: records %o', (outcome, expected) => {
    const { win, events } = hooked((win) => {
      (win as { XMLHttpRequest: unknown }).XMLHttpRequest = fakeXhrClass(win, outcome);
    });
    const xhr = new win.XMLHttpRequest();
    xhr.open('post', '/__standin/status/422');
    xhr.send('{}');
    expect(events()).toEqual(
      expected
        ? [
            {
              type: 'failed-request',
              time: expect.stringMatching(isoTime),
              method: 'POST',
              url: 'https://acme.onelogin.com/__standin/status/422',
              ...expected,
            },
          ]
        : [],
    );
  });

  it('keeps open as it was: arguments, this, result and exceptions', () => {
    const { win, events } = hooked((win) => {
      (win as { XMLHttpRequest: unknown }).XMLHttpRequest = fakeXhrClass(win, { status: 500 });
    });
    const xhr = new win.XMLHttpRequest() as XMLHttpRequest & { opened: unknown[] };
    expect(xhr.open('GET', '/a', true, 'user', 'password')).toBeUndefined();
    expect(xhr.opened).toEqual(['GET', '/a', true, 'user', 'password']);
    expect(() => xhr.open('BAD METHOD', '/a')).toThrow(SyntaxError);
    // Reused for a second request: recorded once, with the second URL.
    xhr.open('GET', '/b');
    xhr.send();
    expect(events()).toEqual([
      expect.objectContaining({ method: 'GET', url: 'https://acme.onelogin.com/b' }),
    ]);
  });
});
