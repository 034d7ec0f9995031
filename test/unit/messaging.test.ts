import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { HelpDraftError } from '@/lib/errors';
import {
  createMessageListener,
  protocol,
  readAnswer,
  sendMessage,
  senderKind,
  type Handlers,
} from '@/lib/messaging';
import type { Delivery } from '@/lib/message-delivery';

const extensionPage: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};
const contentScript: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: 'https://support.onelogin.jp/hc/ja/requests/new',
  tab: { id: 5 } as Browser.tabs.Tab,
};

function answer(
  listener: ReturnType<typeof createMessageListener>,
  message: unknown,
  sender: Browser.runtime.MessageSender,
) {
  return new Promise((resolve) => {
    const kept = listener(message, sender, resolve);
    if (kept !== true) resolve('not answered');
  });
}

const okHandlers: Handlers = {
  openDraftForTab: async ({ tabId }) => ({ draftId: `draft-for-${tabId}` }),
  updateDraft: async () => ({
    updatedAt: '2026-11-23T00:00:00.000Z',
    title: '',
    priority: 'normal',
    category: '',
    connector: '',
    description: '',
  }),
  setDraftStatus: async () => ({}),
  duplicateDraft: async ({ draftId }) => ({ draftId: `copy-of-${draftId}` }),
  deleteDraft: async () => ({}),
  addAttachments: async ({ attachments }) => ({ attachments }),
  removeAttachment: async () => ({ attachments: [] }),
  annotateAttachment: async () => ({ attachments: [] }),
  restoreAttachmentOriginal: async () => ({ attachments: [] }),
  fillDraft: async () => {
    throw new HelpDraftError('permission-missing', 'https://support.onelogin.jp');
  },
  searchArticles: async ({ words }) => ({ words: words.split(' '), locale: 'ja', articles: [], total: 0 }),
  getFillPayload: async () => {
    throw new HelpDraftError('bad-message');
  },
};

beforeEach(() => fakeBrowser.reset());

describe('the protocol', () => {
  it('has a handler in the background for every message', () => {
    expect(Object.keys(createHandlers()).sort()).toEqual(Object.keys(protocol).sort());
  });

  it.each([
    ['an extension page', extensionPage, 'extension-page'],
    ['a content script', contentScript, 'content-script'],
    ['another extension', { ...extensionPage, id: 'someone-else' }, null],
  ] as const)('knows %s as a sender', (_name, sender, expected) => {
    expect(senderKind(sender, fakeBrowser.runtime.getURL('/'))).toBe(expected);
  });
});

describe('createMessageListener', () => {
  const listener = createMessageListener(okHandlers);

  it.each([
    [
      'a valid request',
      { type: 'openDraftForTab', data: { tabId: 3, recapture: false } },
      extensionPage,
      { ok: true, value: { draftId: 'draft-for-3' } },
    ],
    [
      'a handler’s error, as a code',
      { type: 'fillDraft', data: { draftId: 'd' } },
      extensionPage,
      { ok: false, error: { code: 'permission-missing', detail: 'https://support.onelogin.jp' } },
    ],
    [
      'a malformed request',
      { type: 'openDraftForTab', data: { tabId: 'three' } },
      extensionPage,
      { ok: false, error: expect.objectContaining({ code: 'bad-message' }) },
    ],
    [
      'a page pretending to be the popup',
      { type: 'openDraftForTab', data: { tabId: 3, recapture: false } },
      contentScript,
      { ok: false, error: expect.objectContaining({ code: 'bad-message' }) },
    ],
    [
      'the popup asking for a content script’s message',
      { type: 'getFillPayload', data: {} },
      extensionPage,
      { ok: false, error: expect.objectContaining({ code: 'bad-message' }) },
    ],
  ])('answers %s', async (_name, message, sender, expected) => {
    await expect(answer(listener, message, sender)).resolves.toEqual(expected);
  });

  it.each([
    ['an unknown type', { type: 'somethingElse', data: {} }],
    ['no envelope', 'hello'],
    ['a prototype key as type', { type: 'toString', data: {} }],
  ])('leaves %s to other listeners', async (_name, message) => {
    await expect(answer(listener, message, extensionPage)).resolves.toBe('not answered');
  });
});

describe('sendMessage', () => {
  it('returns the validated value and turns error answers into HelpDraftErrors', async () => {
    const listener = createMessageListener(okHandlers);
    // The fake browser names no sender; answer as if the popup had sent it.
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) =>
      listener(message, extensionPage, sendResponse),
    );
    await expect(sendMessage('openDraftForTab', { tabId: 9, recapture: true })).resolves.toEqual({
      draftId: 'draft-for-9',
    });
    await expect(sendMessage('fillDraft', { draftId: 'd' })).rejects.toMatchObject({
      code: 'permission-missing',
    });
  });
});

describe('readAnswer', () => {
  it.each<[string, Delivery, string]>([
    [
      'a message that never arrived',
      { delivered: false, reason: 'Receiving end does not exist.' },
      'background-unavailable',
    ],
    ['a channel closed without an answer', { delivered: true, answer: undefined }, 'background-unavailable'],
    ['an answer that is no result', { delivered: true, answer: { draftId: 'd1' } }, 'bad-message'],
    [
      'a value of the wrong shape',
      { delivered: true, answer: { ok: true, value: { draftId: 7 } } },
      'bad-message',
    ],
    [
      "the background's own error",
      { delivered: true, answer: { ok: false, error: { code: 'tab-not-found', detail: '7' } } },
      'tab-not-found',
    ],
  ])('turns %s into its HelpDraftError', (_name, delivery, code) => {
    expect(() => readAnswer('openDraftForTab', delivery)).toThrow(expect.objectContaining({ code }));
  });

  it('returns a valid answer, unknown keys dropped', () => {
    const delivery: Delivery = {
      delivered: true,
      answer: { ok: true, value: { draftId: 'd1', extra: '<b>' } },
    };
    expect(readAnswer('openDraftForTab', delivery)).toEqual({ draftId: 'd1' });
  });
});
