/**
 * Capture of one tab, run by the background for the popup: the collector
 * reads the page and covers its secrets, the screenshot is taken, the masks
 * come off, and the result is redacted, stored and turned into a draft.
 */
import { browser } from 'wxt/browser';
import { buildCapture } from '../capture/capture';
import { collectOptionsKeyName, type CollectOptions } from '../capture/collect-options';
import { createDraft } from '../draft/create';
import { HelpDraftError } from '../errors';
import { collectorResultSchema, type Capture, type CollectorResult } from '../schema';
import { readDraft, readSettings } from '../storage';
import { localIsoString } from '../time';
import { captureWithinDeadline } from './capture-deadline';
import { saveNewDraft } from './drafts';
import { removeMasks, takeScreenshot, type TakenScreenshot } from './screenshot';
import { draftLinkedToTab, linkTabToDraft } from './tab-drafts';

/** Built by WXT from entrypoints/collector.content.ts; its `main` returns a CollectorResult. */
const collectorFile = '/content-scripts/collector.js';
/** The OneLogin hosts of the manifest's host_permissions (wxt.config.ts). */
const oneLoginHosts = 'https://*.onelogin.com/*';

/**
 * Why the collector could not run. Firefox MV3 lets the user withdraw the manifest's host
 * permissions (about:addons → Permissions, or the Extensions button's "Always allow on …"),
 * and a build installed before Firefox 127 never had them: then a OneLogin tab opened other than
 * with the toolbar button, the shortcut or the context menu (which grant activeTab) cannot be
 * read, and Firefox does not even tell its URL. That case gets its own message saying how to
 * allow the access; any other refusal is a page no extension may read.
 */
async function refusalCode(tabId: number): Promise<'host-permission-missing' | 'capture-not-allowed'> {
  const [granted, tab] = await Promise.all([
    browser.permissions.contains({ origins: [oneLoginHosts] }).catch(() => true),
    browser.tabs.get(tabId).catch(() => undefined),
  ]);
  const url = tab?.url ?? '';
  const oneLoginOrUnknown = url === '' || /^https:\/\/[^/]+\.onelogin\.com\//.test(url);
  return !granted && oneLoginOrUnknown ? 'host-permission-missing' : 'capture-not-allowed';
}

async function collect(tabId: number, options: CollectOptions): Promise<CollectorResult> {
  let results;
  try {
    // The options go first into the isolated world, where the collector reads them and the page cannot.
    await browser.scripting.executeScript({
      target: { tabId },
      func: (key: string, value: CollectOptions) => {
        (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = value;
      },
      args: [collectOptionsKeyName, options],
    });
    results = await browser.scripting.executeScript({ target: { tabId }, files: [collectorFile] });
  } catch (error) {
    // Chrome refuses chrome://, the Web Store and pages without host access (Firefox: about:, AMO).
    const message = error instanceof Error ? error.message : String(error);
    const code = await refusalCode(tabId);
    throw new HelpDraftError(code, code === 'host-permission-missing' ? oneLoginHosts : message);
  }
  const result = collectorResultSchema.safeParse(results[0]?.result);
  if (!result.success) throw new HelpDraftError('capture-not-allowed', 'the page gave no readable result');
  return result.data;
}

async function captureTab(tabId: number): Promise<string> {
  const [tab, settings] = await Promise.all([
    browser.tabs.get(tabId).catch(() => {
      throw new HelpDraftError('tab-not-found', String(tabId));
    }),
    readSettings(),
  ]);
  const { snapshot, masked } = await collect(tabId, {
    maskEmails: settings.maskEmails,
    maskPatterns: settings.maskPatterns,
    screenshotMode: settings.screenshotMode,
    extensionVersion: browser.runtime.getManifest().version,
    uiLanguage: browser.i18n.getUILanguage(),
  });
  const now = new Date();
  let screenshot: TakenScreenshot;
  try {
    screenshot = await takeScreenshot(
      { id: tabId, active: tab.active, windowId: tab.windowId },
      settings.screenshotMode,
      now,
    );
  } catch (error) {
    await removeMasks(tabId);
    throw error;
  }
  // The masks come off while the draft is stored: the popup waits for the draft, not for the page.
  const unmasked = removeMasks(tabId);
  const capture: Capture = {
    ...buildCapture(snapshot, crypto.randomUUID(), localIsoString(now), masked, {
      maskEmails: settings.maskEmails,
      maskPatterns: settings.maskPatterns,
    }),
    ...(screenshot.problem ? { screenshotProblem: screenshot.problem } : {}),
  };
  const draft = createDraft({
    id: crypto.randomUUID(),
    now: now.toISOString(),
    capture,
    attachments: screenshot.attachment ? [screenshot.attachment] : [],
    settings,
    sourceTabId: tabId,
  });
  await Promise.all([saveNewDraft(draft), linkTabToDraft(tabId, draft.id, capture.url), unmasked]);
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
  return { draftId: await captureWithinDeadline(tabId, () => captureTab(tabId)) };
}
