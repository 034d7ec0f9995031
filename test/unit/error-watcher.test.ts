import { afterEach, describe, expect, it } from 'vitest';
import { composeDescription } from '@/lib/draft/compose';
import { maxWatchedMessages, startWatcher, vanishedErrors, watchedLifetimeMs } from '@/lib/capture/watcher';

import { makeCapture } from './fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const controllers: AbortController[] = [];

function watch(clock: { now: number }) {
  const controller = new AbortController();
  controllers.push(controller);
  const scope = {};
  startWatcher(document, window, controller.signal, scope, () => clock.now);
  return { scope, controller };
}

function toast(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const element = holder.firstElementChild!;
  document.body.append(element);
  return element;
}

afterEach(() => {
  controllers.splice(0).forEach((controller) => controller.abort());
  document.body.innerHTML = '';
});

describe('the vanished-message watcher', () => {
  it.each([
    ['an error toast', '<div class="toast toast-error" role="alert">ユーザーを保存できませんでした</div>', 1],
    ['a success snackbar', '<div class="snackbar" role="status">保存しました</div>', 0],
    ['a plain paragraph', '<p>Directory settings</p>', 0],
  ])('%s that appeared and vanished: %i kept', async (_name, html, count) => {
    const clock = { now: 1_000_000 };
    const { scope } = watch(clock);
    const element = toast(html);
    await settle();
    element.remove();
    clock.now += 7_000;
    const errors = vanishedErrors(scope, [], clock.now);
    expect(errors).toHaveLength(count);
    if (count)
      expect(errors[0]).toMatchObject({ vanishedSecondsAgo: 7, text: 'ユーザーを保存できませんでした' });
  });

  it('leaves out a message still on the page (the capture has it) and forgets old ones', async () => {
    const clock = { now: 0 };
    const { scope } = watch(clock);
    toast('<div role="alert">Sync failed</div>');
    await settle();
    expect(vanishedErrors(scope, [{ kind: 'alert', text: 'Sync failed' }], clock.now)).toEqual([]);
    expect(vanishedErrors(scope, [], clock.now + watchedLifetimeMs + 1)).toEqual([]);
  });

  it(`keeps the last ${maxWatchedMessages}`, async () => {
    const clock = { now: 0 };
    const { scope } = watch(clock);
    for (let index = 0; index < maxWatchedMessages + 5; index += 1)
      toast(`<div role="alert">Error ${index}</div>`);
    await settle();
    document.body.innerHTML = '';
    const texts = vanishedErrors(scope, [], clock.now).map((error) => error.text);
    expect(texts).toHaveLength(maxWatchedMessages);
    expect(texts.at(-1)).toBe(`Error ${maxWatchedMessages + 4}`);
  });

  it('counts a toast as vanished when its live region stays on the page', async () => {
    const clock = { now: 0 };
    const { scope } = watch(clock);
    const region = toast('<div aria-live="polite"></div>');
    await settle();
    region.innerHTML = '<div class="toast">Provisioning failed</div>';
    await settle();
    region.innerHTML = '';
    expect(vanishedErrors(scope, [], clock.now).map((error) => error.text)).toEqual(['Provisioning failed']);
  });

  it('stops with its context', async () => {
    const clock = { now: 0 };
    const { scope, controller } = watch(clock);
    controller.abort();
    toast('<div role="alert">Sync failed</div>');
    await settle();
    expect(vanishedErrors(scope, [], clock.now)).toEqual([]);
  });

  it('reads nothing from a scope without a watcher (a page cannot hand one in)', () => {
    expect(vanishedErrors({}, [], 0)).toEqual([]);
  });
});

describe('a vanished message in the draft', () => {
  it.each([
    ['ja', '- 表示後に消えたメッセージ (12 秒前): ロールを保存できませんでした'],
    ['en', '- Message that vanished after it was shown (12 s ago): ロールを保存できませんでした'],
  ] as const)('is marked in %s', (locale, line) => {
    const capture = makeCapture({
      errors: [{ kind: 'live-region', text: 'ロールを保存できませんでした', vanishedSecondsAgo: 12 }],
    });
    expect(composeDescription(capture, [], locale).split('\n')).toContain(line);
  });
});
