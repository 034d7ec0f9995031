/**
 * Makes sure every edit typed in the popup lands in the background: each is
 * sent at once; one the background could not take (Chromium stopped its
 * service worker meanwhile) waits in the draft's outbox and goes again with
 * the next edit or after a short wait. Plain TypeScript with an injected
 * `send`, so the popup only subscribes to it and unit tests drive it.
 */
import { HelpDraftError, toErrorShape, type ErrorShape } from '../errors';
import type { DraftEdit } from '../schema';
import { EditOutbox, type Outgoing } from './outbox';

/** Waits before sending failed edits again: quick at first, then every few seconds while the popup is open. */
export const retryDelaysMs = [250, 500, 1_000, 2_000, 5_000];

export type SavedListener<Saved> = (
  draftId: string,
  edit: DraftEdit,
  saved: Saved,
  /** Fields sent after this edit (`title`, `answers.summary`…): the answer's values for them are old. */
  newerFields: Set<string>,
) => void;

export interface SaverState {
  /** Sends on their way, plus drafts with edits waiting to go again: 0 means everything typed is stored. */
  pending: number;
  /** The last failure, while something is not stored yet (or when the background refused an edit). */
  error?: ErrorShape;
}

export class DraftSaver<Saved> {
  private readonly outboxes = new Map<string, EditOutbox>();
  private inFlight = 0;
  private state: SaverState = { pending: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly savedListeners = new Set<SavedListener<Saved>>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  private paused = false;
  /** Every edit handed to `save`, counted: a read that began before the count changed may be stale. */
  private edits = 0;
  /** Failed sends, counted: `flush` rejects when one fails while it waits. */
  private failures = 0;
  private readonly idleListeners = new Set<() => void>();

  constructor(
    private readonly send: (draftId: string, edit: DraftEdit) => Promise<Saved>,
    private readonly delaysMs: number[] = retryDelaysMs,
  ) {}

  /**
   * Calls `listener` with each stored edit, the background's answer to it,
   * and the fields sent since (whose values in the answer are already old).
   */
  readonly onSaved = (listener: SavedListener<Saved>): (() => void) => {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  };

  /**
   * Calls `listener` each time the last send on its way is answered and
   * nothing waits to go again: storage then holds everything typed here, and
   * a view that ignored storage changes meanwhile (another view's edits) can
   * take the stored draft again (docs/ARCHITECTURE.md, "Several views").
   */
  readonly onIdle = (listener: () => void): (() => void) => {
    this.idleListeners.add(listener);
    return () => this.idleListeners.delete(listener);
  };

  /** How many edits were handed to `save` so far; a stored draft read across a change of it is old. */
  readonly editCount = (): number => this.edits;

  /**
   * Resolves once everything typed is stored, sending what waits at once
   * instead of after the backoff; rejects with the failure when a send
   * fails meanwhile. A fill waits for it, so the form gets what the view
   * shows (issue 15: "a fill always sends what the stored draft holds").
   */
  readonly flush = (): Promise<void> => {
    if (this.state.pending === 0) return Promise.resolve();
    if (this.waiting() > 0) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.sendWaiting();
    }
    return new Promise((resolve, reject) => {
      const failuresBefore = this.failures;
      const check = () => {
        if (this.failures !== failuresBefore) {
          unsubscribe();
          reject(new HelpDraftError(this.state.error?.code ?? 'save-failed', this.state.error?.detail));
        } else if (this.state.pending === 0) {
          unsubscribe();
          resolve();
        }
      };
      const unsubscribe = this.subscribe(check);
    });
  };

  readonly save = (draftId: string, change: DraftEdit): void => {
    this.edits += 1;
    let outbox = this.outboxes.get(draftId);
    if (!outbox) {
      outbox = new EditOutbox();
      this.outboxes.set(draftId, outbox);
    }
    this.transmit(draftId, outbox, outbox.send(change));
  };

  /** The state's identity changes only when it does (useSyncExternalStore's contract). */
  readonly getState = (): SaverState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops the retry timer (the popup's lifetime ended); `resume` starts it again if anything waits. */
  pause(): void {
    this.paused = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  resume(): void {
    this.paused = false;
    if (this.waiting() > 0) this.scheduleRetry();
  }

  private waiting(): number {
    return [...this.outboxes.values()].filter((outbox) => outbox.pending() !== undefined).length;
  }

  private update(error: ErrorShape | undefined | 'keep'): void {
    const pending = this.inFlight + this.waiting();
    const next: SaverState = { pending, ...(error === 'keep' ? { error: this.state.error } : { error }) };
    if (next.error === undefined) delete next.error;
    if (next.pending === this.state.pending && next.error === this.state.error) return;
    const becameIdle = next.pending === 0 && this.state.pending > 0;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
    if (becameIdle) for (const listener of [...this.idleListeners]) listener();
  }

  private transmit(draftId: string, outbox: EditOutbox, outgoing: Outgoing): void {
    this.inFlight += 1;
    this.update('keep');
    this.send(draftId, outgoing.edit).then(
      (saved) => {
        this.inFlight -= 1;
        this.retryAttempt = 0;
        const newer = outbox.sentAfter(outgoing.sequence);
        for (const listener of this.savedListeners) listener(draftId, outgoing.edit, saved, newer);
        this.update(this.waiting() === 0 ? undefined : 'keep');
      },
      (failure: unknown) => {
        this.inFlight -= 1;
        this.failures += 1;
        const shape = toErrorShape(failure);
        // Only a background that was not there is worth trying again; a refused edit would be refused again.
        if (shape.code === 'background-unavailable') {
          outbox.failed(outgoing);
          this.scheduleRetry();
          this.update(shape);
        } else {
          this.update({ code: 'save-failed', detail: shape.detail });
        }
      },
    );
  }

  private scheduleRetry(): void {
    if (this.paused || this.retryTimer !== undefined) return;
    const delay = this.delaysMs[Math.min(this.retryAttempt, this.delaysMs.length - 1)] ?? 1_000;
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.sendWaiting();
    }, delay);
  }

  private sendWaiting(): void {
    for (const [draftId, outbox] of this.outboxes) {
      if (outbox.pending()) this.transmit(draftId, outbox, outbox.send({}));
    }
  }
}
