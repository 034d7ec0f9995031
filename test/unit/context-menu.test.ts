import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';

const openDraftForTab = vi.fn(async (tabId: number) => ({ draftId: `draft-${tabId}` }));
vi.mock('@/lib/background/capture-tab', () => ({ openDraftForTab }));

const { contextMenuId, createContextMenu, onContextMenuClicked } =
  await import('@/lib/background/context-menu');

const click = (menuItemId: string) =>
  ({
    menuItemId,
    editable: false,
    pageUrl: 'https://acme.onelogin.com/apps/1/edit',
  }) as Browser.contextMenus.OnClickData;
const tab = { id: 42, windowId: 1 } as Browser.tabs.Tab;

beforeEach(() => {
  fakeBrowser.reset();
  openDraftForTab.mockClear();
});

describe('the context-menu item', () => {
  it.each([
    ['ja', 'この画面からサポートチケットを作成'],
    ['en', 'Create a support ticket from this screen'],
  ] as const)('is titled in the user’s language (%s)', async (language, title) => {
    await fakeBrowser.storage.local.set({ settings: { language } });
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => contextMenuId);
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    await createContextMenu();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: contextMenuId, title }));
  });

  it('captures the clicked tab at once (its screenshot must show the page), then opens the popup', async () => {
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined);
    await onContextMenuClicked(click(contextMenuId), tab);
    expect(openDraftForTab).toHaveBeenCalledWith(42, true);
    expect(openPopup).toHaveBeenCalled();
  });

  it('opens the popup page bound to the tab where the browser will not open the popup', async () => {
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('not allowed'));
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue(undefined as never);
    await onContextMenuClicked(click(contextMenuId), tab);
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/popup\.html\?tabId=42$/), type: 'popup' }),
    );
  });

  it('ignores other menu items and clicks without a tab', async () => {
    await onContextMenuClicked(click('something-else'), tab);
    await onContextMenuClicked(click(contextMenuId), undefined);
    expect(openDraftForTab).not.toHaveBeenCalled();
  });
});
