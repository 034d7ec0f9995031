/**
 * The recorder, wired: runs in the page's MAIN world at document_start on
 * OneLogin hosts (entrypoints/recorder.content.ts). Tiny on purpose: no zod,
 * nothing that pulls it in (only `import type` from lib/schema.ts).
 */
import { createBuffer } from './buffer';
import { offerToken, serveRecording } from './channel';
import { installHooks } from './hooks';
import { captureIntrinsics } from './intrinsics';

export interface RunningRecorder {
  /** Restores every patched function and removes the listeners (tests; a page keeps its recorder). */
  stop(): void;
}

export function startRecorder(win: Window & typeof globalThis): RunningRecorder {
  // The token never leaves this closure except through the handshake. First, so that
  // nothing is patched where it cannot be drawn (no one could read the recording).
  const token = win.crypto.randomUUID();
  // All captures happen now, before any page script can replace a built-in.
  const x = captureIntrinsics(win);
  const buffer = createBuffer(x);
  const stop = installHooks(win, x, buffer.record);
  serveRecording(x, win, token, buffer.json);
  offerToken(x, win, win.document, win.MutationObserver, token);
  return { stop };
}
