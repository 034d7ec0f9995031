/**
 * The channel between the recorder and its bridge, and readRecording.
 *
 * happy-dom has one JS world, so recorder, bridge and "page" share it here;
 * what only two worlds can show (the page not seeing the isolated world's
 * built-ins) is checked in Chromium by test/e2e/recorder.e2e.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Window as HappyWindow } from 'happy-dom';
import { startBridge } from '@/lib/recorder/bridge';
import { connectToRecorder, documentStartWindow } from '@/lib/recorder/channel';
import {
  BRIDGE_READY_EVENT,
  RECORDER_ACCESSOR,
  TOKEN_EVENT,
  recordingEventName,
  requestEventName,
  type RecorderAccessor,
} from '@/lib/recorder/protocol';
import { readRecording } from '@/lib/recorder/read';
import { startRecorder, type RunningRecorder } from '@/lib/recorder/recorder';
import { recordingSchema } from '@/lib/schema';

type PageWindow = Window & typeof globalThis;
const unavailable = { available: false, events: [], dropped: 0 };
const forgedRecording = JSON.stringify({
  available: true,
  events: [{ type: 'console-error', time: '2026-01-01T00:00:00.000Z', text: 'forged' }],
  dropped: 0,
});

const windows: HappyWindow[] = [];
const recorders: RunningRecorder[] = [];

/** A window as at document_start: `<html>` and nothing under it. */
function documentStart(): PageWindow {
  const happy = new HappyWindow({ url: 'https://acme.onelogin.com/admin2/apps/123456/sso' });
  windows.push(happy);
  happy.document.documentElement.replaceChildren();
  return happy as unknown as PageWindow;
}

function recorder(win: PageWindow): void {
  recorders.push(startRecorder(win));
}

/** The parser inserts the page's first nodes; observers hear of it before any page script runs. */
async function parseFirstScript(win: PageWindow): Promise<void> {
  win.document.documentElement.append(win.document.createElement('head'));
  win.document.head.append(win.document.createElement('script'));
  await Promise.resolve();
}

/** What a page script that listens for the token hears while it plays the bridge. */
function stealAttempt(win: PageWindow): string[] {
  const stolen: string[] = [];
  win.addEventListener(TOKEN_EVENT, (event) => {
    stolen.push(String((event as CustomEvent<unknown>).detail));
    event.preventDefault();
  });
  win.dispatchEvent(new win.CustomEvent(BRIDGE_READY_EVENT));
  return stolen;
}

afterEach(async () => {
  vi.useRealTimers();
  recorders.splice(0).forEach((running) => running.stop());
  await Promise.all(windows.splice(0).map((happy) => happy.happyDOM.close()));
});

describe('the handshake', () => {
  it.each([
    ['recorder first', ['recorder', 'bridge']],
    ['bridge first', ['bridge', 'recorder']],
  ])('works with the %s', async (_name, order) => {
    const win = documentStart();
    let accessor: RecorderAccessor | undefined;
    for (const script of order) {
      if (script === 'recorder') recorder(win);
      else accessor = connectToRecorder(win);
    }
    await parseFirstScript(win);
    win.console.error('SAML assertion validation failed');
    const recording = recordingSchema.parse(await accessor!.read());
    expect(recording).toEqual({
      available: true,
      events: [{ type: 'console-error', time: expect.any(String), text: 'SAML assertion validation failed' }],
      dropped: 0,
    });
  });

  it('hands the token over once: a page script asking afterwards gets nothing', async () => {
    const win = documentStart();
    recorder(win);
    const accessor = connectToRecorder(win);
    await parseFirstScript(win);
    expect(stealAttempt(win)).toEqual([]);
    await expect(accessor.read()).resolves.toMatchObject({ available: true });
  });

  it('is not offered to a page script when no bridge took it at document_start', async () => {
    const win = documentStart();
    recorder(win);
    await parseFirstScript(win);
    expect(stealAttempt(win)).toEqual([]);
  });

  it('does not open when the recorder starts late (the page already has nodes)', () => {
    const win = documentStart();
    win.document.documentElement.append(win.document.createElement('head'));
    const offers: string[] = [];
    win.addEventListener(TOKEN_EVENT, (event) => offers.push(String((event as CustomEvent<unknown>).detail)));
    recorder(win);
    win.dispatchEvent(new win.CustomEvent(BRIDGE_READY_EVENT));
    expect(offers).toEqual([]);
  });

  it('a bridge that starts late never asks and takes no offer', async () => {
    const win = documentStart();
    win.document.documentElement.append(win.document.createElement('head'));
    const asked = vi.fn();
    win.addEventListener(BRIDGE_READY_EVENT, asked);
    const accessor = connectToRecorder(win);
    const offer = new win.CustomEvent(TOKEN_EVENT, { detail: crypto.randomUUID(), cancelable: true });
    expect(win.dispatchEvent(offer)).toBe(true);
    expect(asked).not.toHaveBeenCalled();
    await expect(accessor.read()).resolves.toBeUndefined();
  });
});

describe('forgeries', () => {
  it("a page's own token offered after document_start is not accepted", async () => {
    const win = documentStart();
    const accessor = connectToRecorder(win);
    await parseFirstScript(win);
    const forgedToken = '00000000-0000-4000-8000-000000000000';
    const offer = new win.CustomEvent(TOKEN_EVENT, { detail: forgedToken, cancelable: true });
    expect(win.dispatchEvent(offer)).toBe(true);
    win.addEventListener(requestEventName(forgedToken), () =>
      win.dispatchEvent(new win.CustomEvent(recordingEventName(forgedToken), { detail: forgedRecording })),
    );
    await expect(accessor.read()).resolves.toBeUndefined();
  });

  it.each([
    ['not a UUID', 'token'],
    ['not a string', { toString: (): string => '00000000-0000-4000-8000-000000000000' }],
  ])('an offer that is %s is not accepted, even at document_start', async (_name, detail) => {
    const win = documentStart();
    const accessor = connectToRecorder(win);
    const offer = new win.CustomEvent(TOKEN_EVENT, { detail, cancelable: true });
    expect(win.dispatchEvent(offer)).toBe(true);
    await expect(accessor.read()).resolves.toBeUndefined();
  });

  it('a request without the token gets no answer', async () => {
    const win = documentStart();
    recorder(win);
    connectToRecorder(win);
    await parseFirstScript(win);
    win.console.error('private');
    const answers = vi.fn();
    for (const token of ['', 'undefined', '00000000-0000-4000-8000-000000000000', crypto.randomUUID()]) {
      win.addEventListener(recordingEventName(token), answers);
      win.dispatchEvent(new win.CustomEvent(requestEventName(token)));
    }
    expect(answers).not.toHaveBeenCalled();
  });

  it('recording answers under another token are not accepted', async () => {
    vi.useFakeTimers();
    const win = documentStart();
    const accessor = connectToRecorder(win);
    // Stands in for a recorder that took part in the handshake and then stopped answering.
    win.dispatchEvent(new win.CustomEvent(TOKEN_EVENT, { detail: crypto.randomUUID(), cancelable: true }));
    await parseFirstScript(win);
    const reading = accessor.read(500);
    for (const token of ['00000000-0000-4000-8000-000000000000', crypto.randomUUID()]) {
      win.dispatchEvent(new win.CustomEvent(recordingEventName(token), { detail: forgedRecording }));
    }
    await vi.advanceTimersByTimeAsync(500);
    await expect(reading).resolves.toBeUndefined();
  });

  it('a page replacing CustomEvent and adding toJSON later neither sees the answer nor changes it', async () => {
    // happy-dom routes every dispatch through `this.dispatchEvent`, so a page's dispatchEvent override
    // would see even captured dispatches here; test/e2e/recorder.e2e.ts checks that one in Chromium.
    const win = documentStart();
    recorder(win);
    const accessor = connectToRecorder(win);
    await parseFirstScript(win);
    win.console.error('before the overrides');

    const constructed: string[] = [];
    const PageCustomEvent = win.CustomEvent;
    (win as { CustomEvent: unknown }).CustomEvent = class extends PageCustomEvent<unknown> {
      constructor(type: string, init?: CustomEventInit<unknown>) {
        constructed.push(type);
        super(type, init);
      }
    };
    Object.defineProperty(Object.prototype, 'toJSON', {
      value: () => 'forged',
      configurable: true,
      writable: true,
    });
    let answer: unknown;
    try {
      win.console.error = () => {};
      win.console.error('swallowed by the page');
      answer = await accessor.read();
    } finally {
      delete (Object.prototype as Record<string, unknown>).toJSON;
      (win as { CustomEvent: unknown }).CustomEvent = PageCustomEvent;
    }
    // One world here: the bridge's request is built with the page's CustomEvent (in Chromium, with the
    // isolated world's). The recorder's answer never is.
    expect(constructed.filter((type) => type.endsWith(':request'))).toHaveLength(1);
    expect(constructed.filter((type) => type.endsWith(':recording'))).toEqual([]);
    expect(recordingSchema.parse(answer).events).toEqual([
      { type: 'console-error', time: expect.any(String), text: 'before the overrides' },
    ]);
  });
});

describe('documentStartWindow', () => {
  it('closes once, at the first mutation, and stops observing', async () => {
    const win = documentStart();
    const onClose = vi.fn();
    const handshake = documentStartWindow(win.document, win.MutationObserver, onClose);
    expect(handshake.isOpen()).toBe(true);
    await parseFirstScript(win);
    expect(handshake.isOpen()).toBe(false);
    win.document.head.append(win.document.createElement('meta'));
    await Promise.resolve();
    handshake.close();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('readRecording', () => {
  let scope: Record<symbol, unknown>;
  beforeEach(() => {
    scope = {};
  });
  const read = (timeoutMs?: number) => readRecording(scope as unknown as typeof globalThis, timeoutMs);

  it('reads and validates through the bridge the entrypoint installs', async () => {
    const win = documentStart();
    recorder(win);
    startBridge(win, scope);
    await parseFirstScript(win);
    const failing = new Error('Invalid Signature on SAML Response');
    win.console.error('SAML assertion validation failed', failing);
    await expect(read()).resolves.toEqual({
      available: true,
      events: [
        {
          type: 'console-error',
          time: expect.stringMatching(/Z$/),
          text: expect.stringMatching(
            /^SAML assertion validation failed Error: Invalid Signature on SAML Response\n/,
          ),
        },
      ],
      dropped: 0,
    });
    expect(Object.getOwnPropertyDescriptor(scope, RECORDER_ACCESSOR)).toMatchObject({ enumerable: false });
  });

  it.each<[string, unknown]>([
    ['no bridge ran', undefined],
    ['the accessor is not one', { read: 'nope' }],
    ['the recorder is gone (no answer)', { read: async () => undefined }],
    [
      'the answer is not a recording',
      { read: async () => ({ available: true, events: [{ type: 'made-up' }] }) },
    ],
    ['the accessor throws', { read: () => Promise.reject(new Error('gone')) }],
    [
      'the accessor throws synchronously',
      {
        read: () => {
          throw new Error('gone');
        },
      },
    ],
  ])('is unavailable when %s', async (_name, accessor) => {
    if (accessor !== undefined) scope[RECORDER_ACCESSOR] = accessor;
    await expect(read()).resolves.toEqual(unavailable);
  });

  it('is unavailable when the bridge ran but no recorder did', async () => {
    const win = documentStart();
    startBridge(win, scope);
    await parseFirstScript(win);
    await expect(read()).resolves.toEqual(unavailable);
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    const never = vi.fn(() => new Promise<never>(() => {}));
    scope[RECORDER_ACCESSOR] = { read: never };
    const reading = read(300);
    let settled = false;
    void reading.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(reading).resolves.toEqual(unavailable);
    expect(never).toHaveBeenCalledWith(300);
  });
});
