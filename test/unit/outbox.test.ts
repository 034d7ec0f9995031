import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditOutbox } from '@/lib/draft/outbox';
import { DraftSaver } from '@/lib/draft/saver';
import { HelpDraftError } from '@/lib/errors';
import type { DraftEdit } from '@/lib/schema';

describe('EditOutbox', () => {
  it('sends each change as it is while nothing failed', () => {
    const outbox = new EditOutbox();
    expect(outbox.send({ title: 'A' })).toEqual({ sequence: 1, edit: { title: 'A' } });
    expect(outbox.send({ answers: { impact: 'some-users' } })).toEqual({
      sequence: 2,
      edit: { answers: { impact: 'some-users' } },
    });
    expect(outbox.pending()).toBeUndefined();
  });

  it('keeps a failed value and sends it with the next change', () => {
    const outbox = new EditOutbox();
    const lost = outbox.send({ title: 'SAML', answers: { summary: '昨日から' } });
    outbox.failed(lost);
    expect(outbox.pending()).toEqual({ title: 'SAML', answers: { summary: '昨日から' } });
    expect(outbox.send({ cc: 'a@example.jp', answers: { impact: 'all-users' } }).edit).toEqual({
      title: 'SAML',
      cc: 'a@example.jp',
      answers: { summary: '昨日から', impact: 'all-users' },
    });
    expect(outbox.pending()).toBeUndefined();
  });

  it.each([
    ['a later send carried a newer value of the field', true],
    ['no later send carried the field', false],
  ])('when %s, decides whether to send the failed value again', (_name, newerSent) => {
    const outbox = new EditOutbox();
    const older = outbox.send({ title: 'SAM' });
    outbox.send(newerSent ? { title: 'SAML' } : { cc: 'x@example.jp' });
    outbox.failed(older);
    expect(outbox.pending()).toEqual(newerSent ? undefined : { title: 'SAM' });
  });

  it('lets a newer change of the same field win over the value waiting', () => {
    const outbox = new EditOutbox();
    outbox.failed(outbox.send({ title: 'old' }));
    expect(outbox.send({ title: 'new' }).edit).toEqual({ title: 'new' });
  });

  it('names the fields sent after a send', () => {
    const outbox = new EditOutbox();
    const answers = outbox.send({ answers: { inquiryType: 'connector-request' } });
    outbox.send({ connector: 'paid' });
    expect([...outbox.sentAfter(answers.sequence)]).toEqual(['connector']);
  });

  it('keeps the newest of two failed sends of one field', () => {
    const outbox = new EditOutbox();
    const first = outbox.send({ title: 'S' });
    const second = outbox.send({ title: 'SA' });
    outbox.failed(second);
    outbox.failed(first);
    expect(outbox.pending()).toEqual({ title: 'SA' });
  });
});

describe('DraftSaver', () => {
  type Call = {
    draftId: string;
    edit: DraftEdit;
    resolve: (saved: string) => void;
    reject: (error: unknown) => void;
  };

  function harness() {
    const calls: Call[] = [];
    const saver = new DraftSaver<string>(
      (draftId, edit) =>
        new Promise<string>((resolve, reject) => calls.push({ draftId, edit, resolve, reject })),
      [100, 200],
    );
    const saved: Array<[string, DraftEdit, string]> = [];
    saver.onSaved((draftId, edit, answer) => saved.push([draftId, edit, answer]));
    return { calls, saver, saved };
  }

  const gone = () => new HelpDraftError('background-unavailable', 'Receiving end does not exist.');

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts sends on their way and reports each stored edit', async () => {
    const { calls, saver, saved } = harness();
    saver.save('d1', { title: 'A' });
    saver.save('d1', { title: 'AB' });
    expect(saver.getState()).toEqual({ pending: 2 });
    calls[0]!.resolve('ok1');
    calls[1]!.resolve('ok2');
    await vi.runAllTimersAsync();
    expect(saver.getState()).toEqual({ pending: 0 });
    expect(saved).toEqual([
      ['d1', { title: 'A' }, 'ok1'],
      ['d1', { title: 'AB' }, 'ok2'],
    ]);
  });

  it('sends an edit the background missed again after a wait, and stays pending until it is stored', async () => {
    const { calls, saver } = harness();
    saver.save('d1', { title: 'SAML' });
    calls[0]!.reject(gone());
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState()).toMatchObject({ pending: 1, error: { code: 'background-unavailable' } });
    await vi.advanceTimersByTimeAsync(100);
    expect(calls[1]).toMatchObject({ draftId: 'd1', edit: { title: 'SAML' } });
    calls[1]!.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState()).toEqual({ pending: 0 });
  });

  it('sends a missed edit with the next one, without waiting', async () => {
    const { calls, saver } = harness();
    saver.save('d1', { title: 'SAML' });
    calls[0]!.reject(gone());
    await vi.advanceTimersByTimeAsync(0);
    saver.save('d1', { cc: 'a@example.jp' });
    expect(calls[1]!.edit).toEqual({ title: 'SAML', cc: 'a@example.jp' });
  });

  it('keeps trying, further apart, while the background stays away; stops when paused', async () => {
    const { calls, saver } = harness();
    saver.save('d1', { title: 'x' });
    calls[0]!.reject(gone());
    await vi.advanceTimersByTimeAsync(100);
    calls[1]!.reject(gone());
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2]!.reject(gone());
    saver.pause();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(3);
    saver.resume();
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(4);
  });

  it('tells a saved listener which fields were sent since, so an old answer does not overwrite them', async () => {
    const { calls, saver } = harness();
    const newer: string[][] = [];
    saver.onSaved((_draftId, _edit, _saved, fields) => newer.push([...fields]));
    saver.save('d1', { answers: { inquiryType: 'connector-request' } });
    saver.save('d1', { connector: 'paid' });
    calls[0]!.resolve('answers saved');
    calls[1]!.resolve('connector saved');
    await vi.advanceTimersByTimeAsync(0);
    expect(newer).toEqual([['connector'], []]);
  });

  it('does not send again an edit the background refused, and says so', async () => {
    const { calls, saver } = harness();
    saver.save('gone', { title: 'x' });
    calls[0]!.reject(new HelpDraftError('draft-not-found', 'gone'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    expect(saver.getState()).toEqual({ pending: 0, error: { code: 'save-failed', detail: 'gone' } });
  });
});
