/**
 * Two views of one draft converge on the stored draft (issue 15, item 5):
 * a view whose own edit was in flight takes the stored draft when its saver
 * goes idle, and a fill waits until everything typed is stored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeStoredWhenIdle } from '@/lib/draft/converge';
import { applyDraftEdit } from '@/lib/draft/edit';
import { DraftSaver } from '@/lib/draft/saver';
import { HelpDraftError } from '@/lib/errors';
import type { Draft, DraftEdit } from '@/lib/schema';
import { makeDraft } from './fixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A background holding one stored draft; each view's sends wait until the test lets them through. */
function standInBackground(initial: Draft) {
  let stored = initial;
  const changeListeners = new Set<(draft: Draft) => void>();
  const held: Array<() => void> = [];
  return {
    stored: () => stored,
    onChanged: (listener: (draft: Draft) => void) => changeListeners.add(listener),
    /** A view's `send`: applied and answered only when released (`release`), like a slow worker. */
    send: (hold: boolean) => (_draftId: string, edit: DraftEdit) =>
      new Promise<Draft>((resolve) => {
        const apply = () => {
          stored = applyDraftEdit(stored, edit, 'now');
          for (const listener of changeListeners) listener(stored);
          resolve(stored);
        };
        if (hold) held.push(apply);
        else apply();
      }),
    release: () => held.splice(0).forEach((apply) => apply()),
  };
}

/** A view as PopupApp is: its own fields, storage changes taken only while idle, and (optionally) the idle re-read. */
function view(background: ReturnType<typeof standInBackground>, hold: boolean, rereadWhenIdle: boolean) {
  const saver = new DraftSaver<Draft>(background.send(hold), [100]);
  let fields = { title: background.stored().title, cc: background.stored().cc };
  background.onChanged((draft) => {
    if (saver.getState().pending === 0) fields = { title: draft.title, cc: draft.cc };
  });
  if (rereadWhenIdle)
    takeStoredWhenIdle(
      saver,
      () => Promise.resolve(background.stored()),
      (draft) => (fields = { title: draft.title, cc: draft.cc }),
    );
  return {
    saver,
    fields: () => fields,
    type: (edit: { title?: string; cc?: string }) => {
      fields = { ...fields, ...edit };
      saver.save('d', edit);
    },
  };
}

describe('two views of one draft', () => {
  it.each([
    ['takes the stored draft when its saver goes idle', true, { title: '一覧から', cc: 'a@example.jp' }],
    // Without the re-read the popup keeps the tab's old title for good: the defect issue 15 names.
    ['(without the idle re-read) keeps a stale field', false, { title: '元のタイトル', cc: 'a@example.jp' }],
  ])('a view whose edit was in flight %s', async (_name, reread, expected) => {
    const background = standInBackground(makeDraft({ id: 'd', title: '元のタイトル' }));
    const popup = view(background, true, reread);
    const tab = view(background, false, reread);
    popup.type({ cc: 'a@example.jp' });
    // The tab's edit is stored while the popup's own is still on its way: the popup ignores that change.
    tab.type({ title: '一覧から' });
    await vi.advanceTimersByTimeAsync(0);
    expect(popup.fields().title).toBe('元のタイトル');
    background.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(popup.fields()).toEqual(expected);
    expect(tab.fields()).toEqual({ title: '一覧から', cc: 'a@example.jp' });
    expect(background.stored()).toMatchObject({ title: '一覧から', cc: 'a@example.jp' });
  });
});

describe('takeStoredWhenIdle', () => {
  function idleSaver() {
    let idle: () => void = () => undefined;
    const state = { edits: 0, pending: 0 };
    return {
      state,
      becomeIdle: () => idle(),
      saver: {
        onIdle: (listener: () => void) => {
          idle = listener;
          return () => undefined;
        },
        editCount: () => state.edits,
        getState: () => ({ pending: state.pending }),
      },
    };
  }

  it.each([
    ['applies the stored draft read while nothing changed', () => undefined, 'stored'],
    [
      'drops a read when the user typed while it ran',
      (state: { edits: number }) => (state.edits += 1),
      undefined,
    ],
    [
      'drops a read when an edit is on its way again',
      (state: { pending: number }) => (state.pending = 1),
      undefined,
    ],
  ])('%s', async (_name, meanwhile, expected) => {
    const { state, becomeIdle, saver } = idleSaver();
    let finishRead: (value: string) => void = () => undefined;
    const applied: string[] = [];
    takeStoredWhenIdle(
      saver,
      () => new Promise<string>((resolve) => (finishRead = resolve)),
      (stored) => applied.push(stored),
    );
    becomeIdle();
    meanwhile(state as { edits: number; pending: number });
    finishRead('stored');
    await vi.advanceTimersByTimeAsync(0);
    expect(applied).toEqual(expected ? [expected] : []);
  });

  it('applies only the latest of two overlapping reads, and ignores a failed or empty one', async () => {
    const { becomeIdle, saver } = idleSaver();
    const reads: Array<{ resolve: (value: string | undefined) => void; reject: (error: Error) => void }> = [];
    const applied: string[] = [];
    takeStoredWhenIdle(
      saver,
      () => new Promise<string | undefined>((resolve, reject) => reads.push({ resolve, reject })),
      (stored) => applied.push(stored),
    );
    becomeIdle();
    becomeIdle();
    reads[1]!.resolve('newer');
    reads[0]!.resolve('older');
    await vi.advanceTimersByTimeAsync(0);
    becomeIdle();
    reads[2]!.reject(new Error('storage unreadable'));
    becomeIdle();
    reads[3]!.resolve(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(applied).toEqual(['newer']);
  });
});

describe('DraftSaver idle moments and flush', () => {
  type Call = { edit: DraftEdit; resolve: (saved: string) => void; reject: (error: unknown) => void };
  function harness() {
    const calls: Call[] = [];
    const saver = new DraftSaver<string>(
      (_draftId, edit) => new Promise<string>((resolve, reject) => calls.push({ edit, resolve, reject })),
      [5_000],
    );
    let idle = 0;
    saver.onIdle(() => (idle += 1));
    return { calls, saver, idleCount: () => idle };
  }
  const gone = () => new HelpDraftError('background-unavailable', 'Receiving end does not exist.');

  it('is idle only when the last send is answered, and counts every edit', async () => {
    const { calls, saver, idleCount } = harness();
    saver.save('d', { title: 'A' });
    saver.save('d', { title: 'AB' });
    expect(saver.editCount()).toBe(2);
    calls[0]!.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(idleCount()).toBe(0);
    calls[1]!.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(idleCount()).toBe(1);
  });

  it('resolves a flush at once when nothing is on its way', async () => {
    const { saver } = harness();
    await expect(saver.flush()).resolves.toBeUndefined();
  });

  it('sends a missed edit at once on flush, without the backoff, and resolves once it is stored', async () => {
    const { calls, saver, idleCount } = harness();
    saver.save('d', { title: 'SAML' });
    calls[0]!.reject(gone());
    await vi.advanceTimersByTimeAsync(0);
    let flushed = false;
    void saver.flush().then(() => (flushed = true));
    expect(calls[1]?.edit).toEqual({ title: 'SAML' });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false);
    calls[1]!.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(true);
    expect(idleCount()).toBe(1);
  });

  it.each([
    ['the background stays away', gone(), 'background-unavailable'],
    ['the background refuses the edit', new HelpDraftError('draft-not-found', 'd'), 'save-failed'],
  ])('rejects a flush when %s', async (_name, failure, code) => {
    const { calls, saver } = harness();
    saver.save('d', { title: 'x' });
    const flushing = saver.flush();
    calls[0]!.reject(failure);
    await expect(flushing).rejects.toMatchObject({ code });
  });
});
