/**
 * Opens the help-center request form in a new tab and has the filler fill it
 * with a draft. The filler asks for its payload (getFillPayload); the
 * background answers only a tab it opened for a fill, on the configured
 * help-center origin. The user submits; nothing here ever does.
 */
import { browser, type Browser } from 'wxt/browser';
import { getAttachmentBlob } from '../attachments';
import { bytesToBase64 } from '../base64';
import { categoryTerms, isCategoryKey } from '../draft/categories';
import { splitAddresses } from '../draft/create';
import { HelpDraftError } from '../errors';
import { fillerResultSchema } from '../helpcenter/result';
import type { Draft, FillPayload, FillReport, Settings } from '../schema';
import { parsePendingFills, pendingFillsItem, readDraft, readSettings } from '../storage';
import { recordFill } from './drafts';

/** Built by WXT from entrypoints/filler.content.ts; its `main` fills the form and returns the report. */
const fillerFile = '/content-scripts/filler.js';
const formLoadTimeoutMs = 30_000;

export async function buildFillPayload(draft: Draft, settings: Settings): Promise<FillPayload> {
  const attachments = await Promise.all(
    draft.attachments.map(async (attachment) => {
      const blob = await getAttachmentBlob(attachment.id);
      if (!blob) return undefined;
      return {
        name: attachment.name,
        type: attachment.type,
        base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())),
      };
    }),
  );
  return {
    locale: settings.language,
    subject: draft.title,
    description: draft.description,
    priority: draft.priority,
    categoryTerms: isCategoryKey(draft.category) ? categoryTerms(draft.category) : [],
    cc: splitAddresses(draft.cc),
    connector: draft.connector,
    attachments: attachments.filter((attachment) => attachment !== undefined),
  };
}

function waitForTabComplete(tabId: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const finish = (error?: Error) => {
      controller.abort();
      if (error) reject(error);
      else resolve();
    };
    const onUpdated = (updatedTabId: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (updatedTabId === tabId && change.status === 'complete') finish();
    };
    const onRemoved = (removedTabId: number) => {
      if (removedTabId === tabId) finish(new HelpDraftError('tab-not-found', String(tabId)));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    const timer = setTimeout(() => finish(new HelpDraftError('fill-timeout')), timeoutMs);
    controller.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    });
    // The page may have finished loading before the listener was added.
    void browser.tabs.get(tabId).then(
      (tab) => {
        if (tab.status === 'complete') finish();
      },
      () => undefined,
    );
  });
}

async function setPendingFill(tabId: number, pending: { draftId: string; origin: string } | undefined) {
  const others = Object.entries(parsePendingFills(await pendingFillsItem.getValue())).filter(
    ([key]) => key !== String(tabId),
  );
  await pendingFillsItem.setValue(
    Object.fromEntries(pending ? [...others, [String(tabId), pending]] : others),
  );
}

export async function fillDraft(draftId: string): Promise<FillReport> {
  const [draft, settings] = await Promise.all([readDraft(draftId), readSettings()]);
  if (!draft) throw new HelpDraftError('draft-not-found', draftId);
  const origin = new URL(settings.helpCenterUrl).origin;
  if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) {
    throw new HelpDraftError('permission-missing', origin);
  }
  const tab = await browser.tabs.create({ url: settings.helpCenterUrl, active: true });
  if (tab.id === undefined) throw new HelpDraftError('tab-not-found');
  const tabId = tab.id;
  await setPendingFill(tabId, { draftId, origin });
  try {
    await waitForTabComplete(tabId, formLoadTimeoutMs);
    const results = await browser.scripting.executeScript({ target: { tabId }, files: [fillerFile] });
    const result = fillerResultSchema.safeParse(results[0]?.result);
    if (!result.success) throw new HelpDraftError('not-a-request-form', 'the filler gave no readable result');
    if ('error' in result.data) throw new HelpDraftError(result.data.error.code, result.data.error.detail);
    await recordFill(draftId, result.data);
    return result.data;
  } finally {
    await setPendingFill(tabId, undefined);
  }
}

/** Answers the filler, but only in a tab opened for a fill and still on the help-center origin. */
export async function fillPayloadFor(sender: Browser.runtime.MessageSender): Promise<FillPayload> {
  const tabId = sender.tab?.id;
  const pending =
    tabId === undefined ? undefined : parsePendingFills(await pendingFillsItem.getValue())[String(tabId)];
  const senderOrigin = sender.origin ?? (sender.url ? new URL(sender.url).origin : '');
  if (!pending || senderOrigin !== pending.origin)
    throw new HelpDraftError('bad-message', 'no fill is pending here');
  const [draft, settings] = await Promise.all([readDraft(pending.draftId), readSettings()]);
  if (!draft) throw new HelpDraftError('draft-not-found', pending.draftId);
  return buildFillPayload(draft, settings);
}
