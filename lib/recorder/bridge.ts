/**
 * The recorder's bridge, wired: runs in the extension's ISOLATED world at
 * document_start on OneLogin hosts (entrypoints/recorder-bridge.content.ts).
 * It learns the recorder's token and leaves an accessor on the isolated
 * world's globalThis, where the collector (injected into the same world at
 * capture time) finds it and the page cannot.
 */
import { connectToRecorder } from './channel';
import { RECORDER_ACCESSOR, type RecorderAccessor } from './protocol';

export function startBridge(win: Window & typeof globalThis, scope: object = globalThis): RecorderAccessor {
  const accessor = connectToRecorder(win);
  Object.defineProperty(scope, RECORDER_ACCESSOR, { value: accessor, configurable: true });
  return accessor;
}
