/**
 * Capture of one tab, run by the background for the popup: the collector
 * reads the page, `captureVisibleTab` photographs it, and the result is
 * redacted, stored and turned into a draft.
 */
import { browser } from 'wxt/browser';
import { putAttachment } from '../attachments';
import { dataUrlToBytes } from '../base64';
import { buildCapture } from '../capture/capture';
import { createDraft } from '../draft/create';
import { HelpDraftError, toErrorShape, type ErrorShape } from '../errors';
import { readPngSize } from '../png';
import { pageSnapshotSchema, type AttachmentRef, type Capture } from '../schema';
import { readDraft, readSettings } from '../storage';
import { compactTimestamp, localIsoString } from '../time';
import { saveNewDraft } from './drafts';
import { draftLinkedToTab, linkTabToDraft } from './tab-drafts';

/** Built by WXT from entrypoints/collector.content.ts; its `main` returns the PageSnapshot. */
const collectorFile = '/content-scripts/collector.js';

async function collectSnapshot(tabId: number) {
  let results;
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: [collectorFile] });
  } catch (error) {
    // Chrome refuses chrome://, the Web Store and pages without host access.
    throw new HelpDraftError('capture-not-allowed', error instanceof Error ? error.message : String(error));
  }
  const snapshot = pageSnapshotSchema.safeParse(results[0]?.result);
  if (!snapshot.success) throw new HelpDraftError('capture-not-allowed', 'the page gave no readable result');
  return snapshot.data;
}

const captureRateLimit = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

/**
 * Chrome allows two captureVisibleTab calls a second
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); one spaced retry covers a
 * quick recapture.
 */
async function captureVisibleTab(windowId: number): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    if (!(error instanceof Error) || !captureRateLimit.test(error.message)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 600));
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  }
}

async function takeScreenshot(
  tab: { active: boolean; windowId: number },
  now: Date,
): Promise<{ attachment?: AttachmentRef; problem?: ErrorShape }> {
  // captureVisibleTab photographs the window's active tab: for any other tab it would show the wrong page.
  if (!tab.active)
    return { problem: { code: 'screenshot-failed', detail: 'the tab is not the active tab of its window' } };
  try {
    const { type, bytes } = dataUrlToBytes(await captureVisibleTab(tab.windowId));
    const size = readPngSize(bytes);
    const attachment: AttachmentRef = {
      id: crypto.randomUUID(),
      name: `helpdraft-screenshot-${compactTimestamp(now)}.png`,
      type,
      size: bytes.byteLength,
      ...(size ?? {}),
    };
    await putAttachment(attachment, new Blob([bytes], { type }));
    return { attachment };
  } catch (error) {
    return { problem: { code: 'screenshot-failed', detail: toErrorShape(error).detail } };
  }
}

async function captureTab(tabId: number): Promise<string> {
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new HelpDraftError('tab-not-found', String(tabId));
  });
  const snapshot = await collectSnapshot(tabId);
  const now = new Date();
  const { attachment, problem } = await takeScreenshot(tab, now);
  const capture: Capture = {
    ...buildCapture(snapshot, crypto.randomUUID(), localIsoString(now)),
    ...(problem ? { screenshotProblem: problem } : {}),
  };
  const settings = await readSettings();
  const draft = createDraft({
    id: crypto.randomUUID(),
    now: now.toISOString(),
    capture,
    attachments: attachment ? [attachment] : [],
    settings,
    sourceTabId: tabId,
  });
  await saveNewDraft(draft);
  await linkTabToDraft(tabId, draft.id, capture.url);
  return draft.id;
}

/**
 * The popup's entry: reopening it on the same page shows the draft being
 * edited, not a new capture; another page, or an explicit recapture, captures.
 */
export async function openDraftForTab(tabId: number, recapture: boolean): Promise<{ draftId: string }> {
  if (!recapture) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const draftId = tab?.url ? await draftLinkedToTab(tabId, tab.url) : undefined;
    if (draftId && (await readDraft(draftId))) return { draftId };
  }
  return { draftId: await captureTab(tabId) };
}
