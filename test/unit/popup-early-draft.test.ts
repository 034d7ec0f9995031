import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAnswer } from '@/lib/messaging';
import { startEarlyDraftRequest, takeEarlyDraftRequest } from '@/lib/popup-early-draft';
import { findTargetTab } from '@/lib/popup-target';

/** What the background received, answered as the real one answers openDraftForTab. */
function recordMessages(): unknown[] {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    received.push(message);
    const { tabId } = (message as { data: { tabId: number } }).data;
    sendResponse({ ok: true, value: { draftId: `draft-for-${tabId}` } });
    return true;
  });
  return received;
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Whatever an earlier test left behind is taken, so each starts without a request.
  await takeEarlyDraftRequest();
});

describe('findTargetTab', () => {
  it.each([
    ['?tabId=7', { found: true, tabId: 7 }],
    ['?tabId=0', { found: true, tabId: 0 }],
    ['?tabId=abc', { found: false, requested: 'abc' }],
    ['?tabId=-1', { found: false, requested: '-1' }],
    ['?tabId=1.5', { found: false, requested: '1.5' }],
  ])('%s → %o', async (search, expected) => {
    await expect(findTargetTab(search)).resolves.toEqual(expected);
  });

  it.each([
    ['its active tab', [{ id: 12 }], { found: true, tabId: 12 }],
    ['no tab', [], { found: false }],
  ])('without ?tabId=, takes the last focused window’s active tab: %s', async (_name, tabs, expected) => {
    // WXT's fake browser has no window focus: the two calls are stood in for.
    const lastFocused = vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 3 } as never);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs as never);
    await expect(findTargetTab('')).resolves.toEqual(expected);
    expect(lastFocused).toHaveBeenCalledWith({ windowTypes: ['normal'] });
    expect(query).toHaveBeenCalledWith({ active: true, windowId: 3 });
  });
});

describe('the early draft request', () => {
  it('asks the background for the tab’s draft at once, as the popup’s opening would', async () => {
    const received = recordMessages();
    startEarlyDraftRequest('?tabId=7');
    const request = await takeEarlyDraftRequest();
    expect(request?.tabId).toBe(7);
    expect(readAnswer('openDraftForTab', await request!.delivery)).toEqual({ draftId: 'draft-for-7' });
    expect(received).toEqual([{ type: 'openDraftForTab', data: { tabId: 7, recapture: false } }]);
  });

  it('is taken once: a recapture or a second opening asks anew', async () => {
    recordMessages();
    startEarlyDraftRequest('?tabId=7');
    expect(await takeEarlyDraftRequest()).toBeDefined();
    await expect(takeEarlyDraftRequest()).resolves.toBeUndefined();
  });

  it.each([
    [
      'a draft view, which opens its draft without capturing',
      '?draftId=5f863fe6-63f3-40b2-8b28-638b618f7b27&tabId=7',
    ],
    ['a tab id that is none', '?tabId=abc'],
  ])('asks nothing for %s', async (_name, search) => {
    const received = recordMessages();
    startEarlyDraftRequest(search);
    await expect(takeEarlyDraftRequest()).resolves.toBeUndefined();
    expect(received).toEqual([]);
  });

  it('hands a message that never arrived to the popup, which says the background is unavailable', async () => {
    // No listener: the fake browser rejects the message as Chromium does with no receiving end.
    startEarlyDraftRequest('?tabId=7');
    const request = await takeEarlyDraftRequest();
    const delivery = await request!.delivery;
    expect(delivery.delivered).toBe(false);
    expect(() => readAnswer('openDraftForTab', delivery)).toThrow(
      expect.objectContaining({ code: 'background-unavailable' }),
    );
  });
});
