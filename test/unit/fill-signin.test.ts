import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resumeFillAfterSignIn } from '@/lib/background/fill-draft';
import { parsePendingFills, pendingFillsItem } from '@/lib/storage';

const origin = 'https://support.onelogin.jp';

async function pending() {
  return parsePendingFills(await pendingFillsItem.getValue());
}

beforeEach(() => fakeBrowser.reset());

describe('resumeFillAfterSignIn', () => {
  it.each([
    ['a tab with no fill waiting', {}, `${origin}/hc/ja/requests/new`, {}],
    [
      'a fill not waiting for sign-in (filled by its own run)',
      { '7': { draftId: 'd', origin } },
      `${origin}/hc/ja/requests/new`,
      { '7': { draftId: 'd', origin } },
    ],
    [
      'a page of another origin (the sign-in of an identity provider)',
      { '7': { draftId: 'd', origin, awaitingSignInUntil: Date.now() + 60_000 } },
      'https://idp.example.com/login',
      { '7': { draftId: 'd', origin } },
    ],
  ])('leaves %s alone', async (_name, stored, url, expected) => {
    await pendingFillsItem.setValue(stored);
    await resumeFillAfterSignIn(7, url);
    await expect(pending()).resolves.toMatchObject(expected);
  });

  it('forgets a fill whose time to sign in has passed', async () => {
    await pendingFillsItem.setValue({ '7': { draftId: 'd', origin, awaitingSignInUntil: Date.now() - 1 } });
    await resumeFillAfterSignIn(7, `${origin}/hc/ja/requests/new`);
    await expect(pending()).resolves.toEqual({});
  });

  it('drops the wait when the draft is gone', async () => {
    await pendingFillsItem.setValue({
      '7': { draftId: 'gone', origin, awaitingSignInUntil: Date.now() + 60_000 },
    });
    await resumeFillAfterSignIn(7, `${origin}/hc/ja/requests/new`);
    await expect(pending()).resolves.toEqual({});
  });
});
