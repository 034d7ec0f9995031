/**
 * The channel between the recorder (the page's MAIN world) and its bridge (the
 * extension's ISOLATED world), which a page can neither read nor forge.
 *
 * Both scripts run at document_start. At that moment Chrome has created the
 * `<html>` element and nothing else: no page script exists, and none can run
 * before the parser inserts a node (a `<script>`, or a parent for one). The
 * recorder draws a random token (crypto.randomUUID) and keeps it in its closure.
 *
 * Handshake (whichever of the two scripts Chrome runs first):
 * - recorder first: its offer on start finds no listener; it then waits for the
 *   bridge's `helpdraft:bridge-ready` and answers it with the offer.
 * - bridge first: it listens for the offer, then says `helpdraft:bridge-ready`
 *   to no one; the recorder's offer on start reaches it.
 * The offer is a cancelable `helpdraft:recorder-token` CustomEvent whose
 * detail is the token (a string: only primitives cross worlds). The bridge
 * takes the first well-formed offer and cancels the event, which tells the
 * recorder (dispatchEvent returns false) that the token has been handed over:
 * it is handed over once, and the recorder never offers again.
 *
 * Both sides also close the handshake at the first DOM mutation (a
 * MutationObserver on the document). Mutation observers are notified at the
 * microtask checkpoint the HTML parser performs before it runs a script, so
 * the handshake is closed before the first page script runs, whether or not it
 * happened. A script that starts late (the document already has nodes under
 * `<html>`) never opens it. After that, a page dispatching `bridge-ready` gets
 * no answer, and a page offering its own token is not heard.
 *
 * Reading: the bridge dispatches `helpdraft:<token>:request`; the recorder,
 * listening under that name for the life of the page, answers synchronously
 * with `helpdraft:<token>:recording` whose detail is the recording as a JSON
 * string. A page that does not know the token cannot listen to either name
 * nor forge an answer. The recorder dispatches with the original
 * `EventTarget.prototype.dispatchEvent` captured at document_start (see
 * intrinsics.ts), so a page's later override never sees the events; the
 * bridge's own built-ins live in the isolated world, out of the page's reach.
 */
import type { Intrinsics } from './intrinsics';
import {
  BRIDGE_READY_EVENT,
  TOKEN_EVENT,
  TOKEN_PATTERN,
  recordingEventName,
  requestEventName,
  type RecorderAccessor,
} from './protocol';

export interface HandshakeWindow {
  /** Open only while the document has nothing under `<html>`: document_start, before any page script. */
  isOpen(): boolean;
  close(): void;
}

/**
 * The document_start window of a document: open if nothing has been parsed
 * under `<html>` yet, closed at the first DOM mutation (then `onClose` runs once).
 */
export function documentStartWindow(
  document: Document,
  Observer: typeof MutationObserver,
  onClose: () => void,
): HandshakeWindow {
  const root = document.documentElement as Element | null;
  let open = root === null || root.firstChild === null;
  let observer: MutationObserver | undefined;
  const handshake: HandshakeWindow = {
    isOpen: () => open,
    close() {
      if (!open) return;
      open = false;
      observer?.disconnect();
      onClose();
    },
  };
  if (open) {
    observer = new Observer(() => handshake.close());
    observer.observe(document, { childList: true, subtree: true });
  }
  return handshake;
}

/** Recorder side: answers read requests made with the token, for as long as the page lives. */
export function serveRecording(
  x: Intrinsics,
  target: EventTarget,
  token: string,
  recording: () => string,
): void {
  x.listen(target, requestEventName(token), () => {
    x.emit(target, recordingEventName(token), recording());
  });
}

/** Recorder side: hands the token to the bridge, once, during document_start only. */
export function offerToken(
  x: Intrinsics,
  target: EventTarget,
  document: Document,
  Observer: typeof MutationObserver,
  token: string,
): void {
  // True when a listener (the bridge) took the token by cancelling the offer.
  const offer = (): boolean => !x.emit(target, TOKEN_EVENT, token, true);
  const onBridgeReady = (): void => {
    if (handshake.isOpen() && offer()) handshake.close();
  };
  const handshake = documentStartWindow(document, Observer, () =>
    x.unlisten(target, BRIDGE_READY_EVENT, onBridgeReady),
  );
  if (!handshake.isOpen()) return;
  if (offer()) handshake.close();
  else x.listen(target, BRIDGE_READY_EVENT, onBridgeReady);
}

/**
 * Bridge side (isolated world): learns the token during document_start and
 * returns the accessor that reads the recording with it.
 */
export function connectToRecorder(
  win: Window & typeof globalThis,
  Observer: typeof MutationObserver = win.MutationObserver,
): RecorderAccessor {
  let token: string | undefined;
  const onOffer = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (
      token !== undefined ||
      !handshake.isOpen() ||
      typeof detail !== 'string' ||
      !TOKEN_PATTERN.test(detail)
    ) {
      return;
    }
    token = detail;
    event.preventDefault();
    handshake.close();
  };
  const handshake = documentStartWindow(win.document, Observer, () =>
    win.removeEventListener(TOKEN_EVENT, onOffer),
  );
  if (handshake.isOpen()) {
    win.addEventListener(TOKEN_EVENT, onOffer);
    win.dispatchEvent(new win.CustomEvent(BRIDGE_READY_EVENT));
  }

  return {
    read(timeoutMs = 500) {
      const known = token;
      if (known === undefined) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const answerName = recordingEventName(known);
        const finish = (value: unknown): void => {
          clearTimeout(timer);
          win.removeEventListener(answerName, onAnswer);
          resolve(value);
        };
        const onAnswer = (event: Event): void => {
          const detail = (event as CustomEvent<unknown>).detail;
          if (typeof detail !== 'string') return;
          try {
            finish(JSON.parse(detail));
          } catch {
            finish(undefined);
          }
        };
        win.addEventListener(answerName, onAnswer);
        const timer = setTimeout(() => finish(undefined), timeoutMs);
        // The recorder answers during this call; the timer covers a recorder that is gone.
        win.dispatchEvent(new win.CustomEvent(requestEventName(known)));
      });
    },
  };
}
