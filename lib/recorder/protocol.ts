/**
 * Names shared by the recorder (MAIN world), its bridge (ISOLATED world) and
 * the collector's reader. Nothing here imports zod: the recorder bundles this.
 *
 * The channel, in short (details in channel.ts):
 * - handshake, at document_start only, before any page script exists: the
 *   recorder offers its random token in a cancelable `helpdraft:recorder-token`
 *   CustomEvent (detail: the token string); the bridge takes it by cancelling
 *   the event. Whichever script Chrome runs first, one of the two moments works:
 *   the recorder offers on start (bridge already listening), or answers the
 *   bridge's `helpdraft:bridge-ready` (recorder already listening). Both sides
 *   stop at the first DOM mutation, which comes before the first page script.
 * - reading, any time later: the bridge dispatches `helpdraft:<token>:request`,
 *   the recorder answers synchronously with `helpdraft:<token>:recording`
 *   (detail: the recording as a JSON string). A page that does not know the
 *   token cannot listen to these names nor forge them.
 */

export const BRIDGE_READY_EVENT = 'helpdraft:bridge-ready';
export const TOKEN_EVENT = 'helpdraft:recorder-token';

/** crypto.randomUUID's shape; the bridge accepts nothing else as a token. */
export const TOKEN_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function requestEventName(token: string): string {
  return 'helpdraft:' + token + ':request';
}

export function recordingEventName(token: string): string {
  return 'helpdraft:' + token + ':recording';
}

/** Where the bridge keeps its accessor: on the isolated world's globalThis, which the page cannot see. */
export const RECORDER_ACCESSOR = Symbol.for('helpdraft.recorder');

export interface RecorderAccessor {
  /**
   * The recorder's recording, parsed from its JSON but not validated (the
   * bridge stays free of zod; `readRecording` validates), or `undefined` when
   * the handshake did not happen or the recorder did not answer in time.
   */
  read(timeoutMs?: number): Promise<unknown>;
}

/** Bounds of the recorder's buffer. */
export const MAX_EVENTS = 200;
export const MAX_TEXT = 2000;
/** Stack frames kept after an error's `name: message`. */
export const MAX_FRAMES = 5;
