/**
 * Opens the help-center request form in a new tab and has the filler fill it
 * with a draft. The filler asks for its payload (getFillPayload); the
 * background answers only a tab it opened for a fill, on the configured
 * help-center origin. The user submits; nothing here ever does.
 */
import { browser, type Browser } from 'wxt/browser';
import { getAttachmentBlob, missingAttachments } from '../attachments';
import { bytesToBase64 } from '../base64';
import { categoryTerms, isCategoryKey } from '../draft/categories';
import { splitAddresses } from '../draft/create';
import { descriptionToHtml } from '../draft/html';
import { validateDraft } from '../draft/validate';
import { HelpDraftError } from '../errors';
import { fillEditorInPage } from '../helpcenter/editor';
import { helpCenterAccess } from '../help-center-consent';
import { fillerResultSchema } from '../helpcenter/result';
import type { Draft, FillPayload, FillReport, Settings } from '../schema';
import {
  parsePendingFills,
  pendingFillsItem,
  readSettings,
  writeLiveOptions,
  type PendingFill,
} from '../storage';
import { linkTabToDraft } from './tab-drafts';
import { readDraftAfterWrites, recordFill } from './drafts';

/** Built by WXT from entrypoints/filler.content.ts; its `main` fills the form and returns the report. */
const fillerFile = '/content-scripts/filler.js';
const formLoadTimeoutMs = 30_000;
const formPollIntervalMs = 250;
/** How long the MAIN-world step waits for the form and its rich editor to appear. */
const editorTimeoutMs = 15_000;
/** A ticket-form choice reloads the page once; more rounds would mean a page that keeps reloading. */
const maxFillRounds = 3;
/** How long a fill waits in its tab for the user to sign in to the help center. */
const signInWaitMs = 10 * 60_000;

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
    descriptionHtml: descriptionToHtml(draft.description),
    priority: draft.priority,
    categoryTerms: isCategoryKey(draft.category) ? categoryTerms(draft.category) : [],
    cc: splitAddresses(draft.cc),
    connector: draft.connector,
    attachments: attachments.filter((attachment) => attachment !== undefined),
  };
}

/**
 * The report with the attachments whose bytes were gone said as such: the
 * filler never saw them (buildFillPayload leaves them out), so it reports
 * "skipped" (left empty on purpose) when none was left, or only the ones it
 * sent. Issue 15, item 5: "missing", not "skipped on purpose".
 */
export function withMissingAttachments(report: FillReport, missingNames: string[]): FillReport {
  if (missingNames.length === 0) return report;
  const missing = {
    field: 'attachments' as const,
    status: 'missing' as const,
    detail: missingNames.join(', '),
  };
  const sentNone = (item: FillReport['items'][number]) =>
    item.field === 'attachments' && item.status === 'skipped';
  const items = report.items.some(sentNone)
    ? report.items.map((item) => (sentNone(item) ? missing : item))
    : [...report.items, missing];
  return { ...report, items };
}

/**
 * Resolves when the tab has finished loading a page of `origin` (and, after
 * a reload the filler asked for, a URL other than `leaving`). A tab just
 * created reports `complete` for its initial about:blank before navigating,
 * so the status alone is not enough. And tabs.onUpdated alone is not enough
 * either: Chromium 156 now and then never sends `complete` for a tab an
 * extension created (seen in about 1 run in 10 of this project's E2E suite,
 * the tab complete when inspected afterwards), so the tab is also polled.
 */
function waitForFormPage(tabId: number, origin: string, timeoutMs: number, leaving?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const finish = (error?: Error) => {
      controller.abort();
      if (error) reject(error);
      else resolve();
    };
    const check = (tab: Browser.tabs.Tab) => {
      if (
        tab.status === 'complete' &&
        tab.url &&
        new URL(tab.url).origin === origin &&
        (leaving === undefined || tab.url !== leaving)
      )
        finish();
    };
    const onUpdated = (updatedTabId: number, _change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      if (updatedTabId === tabId) check(tab);
    };
    const onRemoved = (removedTabId: number) => {
      if (removedTabId === tabId) finish(new HelpDraftError('tab-not-found', String(tabId)));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    const timer = setTimeout(() => finish(new HelpDraftError('fill-timeout')), timeoutMs);
    const poll = setInterval(() => {
      browser.tabs.get(tabId).then(check, () => finish(new HelpDraftError('tab-not-found', String(tabId))));
    }, formPollIntervalMs);
    controller.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      clearInterval(poll);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    });
  });
}

async function setPendingFill(tabId: number, pending: PendingFill | undefined) {
  const others = Object.entries(parsePendingFills(await pendingFillsItem.getValue())).filter(
    ([key]) => key !== String(tabId),
  );
  await pendingFillsItem.setValue(
    Object.fromEntries(pending ? [...others, [String(tabId), pending]] : others),
  );
}

export async function fillDraft(draftId: string): Promise<FillReport> {
  const [draft, settings] = await Promise.all([readDraftAfterWrites(draftId), readSettings()]);
  if (!draft) throw new HelpDraftError('draft-not-found', draftId);
  // The popup shows the same problems and keeps the button off; this guards every other way in.
  const problems = validateDraft(draft, settings);
  if (problems.length > 0)
    throw new HelpDraftError('draft-invalid', problems.map((problem) => problem.key).join(' '));
  const origin = new URL(settings.helpCenterUrl).origin;
  // The browser's permission, and for a help center under the OneLogin capture pattern the
  // user's own consent too: that permission was granted for capture (lib/help-center-consent.ts).
  const access = await helpCenterAccess(origin);
  if (access !== 'allowed') throw new HelpDraftError(access, origin);
  const tab = await browser.tabs.create({ url: settings.helpCenterUrl, active: true });
  if (tab.id === undefined) throw new HelpDraftError('tab-not-found');
  const tabId = tab.id;
  await setPendingFill(tabId, { draftId, origin });
  let awaitingSignIn = false;
  try {
    return await fillInTab(tabId, draftId, origin);
  } catch (error) {
    if (!isSignInPage(error)) throw error;
    // Not signed in: the fill waits in this tab and goes on by itself once the help center
    // brings the user back to the form (resumeFillAfterSignIn); the popup says so.
    awaitingSignIn = true;
    await setPendingFill(tabId, { draftId, origin, awaitingSignInUntil: Date.now() + signInWaitMs });
    throw new HelpDraftError('sign-in-required', String(Math.round(signInWaitMs / 60_000)));
  } finally {
    if (!awaitingSignIn) await setPendingFill(tabId, undefined);
  }
}

/** The filler's answer on a sign-in page (lib/helpcenter/detect.ts). */
function isSignInPage(error: unknown): boolean {
  return error instanceof HelpDraftError && error.code === 'not-a-request-form' && error.detail === 'sign-in';
}

/**
 * Fills the form in the tab: the ticket form first when the page asks for
 * it (it reloads), then every field; records the report on the draft.
 */
async function fillInTab(tabId: number, draftId: string, origin: string): Promise<FillReport> {
  let leaving: string | undefined;
  for (let round = 0; round < maxFillRounds; round += 1) {
    await waitForFormPage(tabId, origin, formLoadTimeoutMs, leaving);
    // Read again once the form is there: an edit stored while it loaded (in this view or another) is filled too.
    const draft = await readDraftAfterWrites(draftId);
    if (!draft) throw new HelpDraftError('draft-not-found', draftId);
    await fillEditor(tabId, origin, descriptionToHtml(draft.description));
    const results = await browser.scripting.executeScript({ target: { tabId }, files: [fillerFile] });
    const result = fillerResultSchema.safeParse(results[0]?.result);
    if (!result.success) throw new HelpDraftError('not-a-request-form', 'the filler gave no readable result');
    if ('error' in result.data) throw new HelpDraftError(result.data.error.code, result.data.error.detail);
    if ('reload' in result.data) {
      // The ticket form comes first and reloads the page (helpcenter-form.md): load the URL the
      // filler chose, in the same tab and only on the help-center origin, then fill again there.
      const target = new URL(result.data.reload.url);
      if (target.origin !== origin) throw new HelpDraftError('not-a-request-form', target.origin);
      leaving = (await browser.tabs.get(tabId)).url;
      await browser.tabs.update(tabId, { url: target.href });
      continue;
    }
    // The form's option lists are kept once for the popup, not in every draft's report.
    const { options, ...filled } = result.data;
    const report = withMissingAttachments(
      filled,
      (await missingAttachments(draft.attachments)).map((attachment) => attachment.name),
    );
    if (options) await writeLiveOptions({ origin, readAt: report.filledAt, options });
    await recordFill(draftId, report);
    // Opening the popup on the filled form shows this draft and its report, not a capture of the form.
    await linkTabToDraft(tabId, draftId, report.url);
    return report;
  }
  throw new HelpDraftError('not-a-request-form', 'the page kept reloading');
}

/** Tabs whose fill is being resumed by this service worker, so a second page event does not start another. */
const resuming = new Set<number>();

/**
 * A tab waiting for sign-in finished loading a page: when it is the
 * help center again (the user signed in and was sent back to the form), the
 * fill goes on there. Still the sign-in page: it keeps waiting, until
 * `awaitingSignInUntil`. Called from a listener registered when the service
 * worker starts, so the page event wakes a stopped worker.
 */
export async function resumeFillAfterSignIn(tabId: number, url: string | undefined): Promise<void> {
  if (resuming.has(tabId)) return;
  const pending = parsePendingFills(await pendingFillsItem.getValue())[String(tabId)];
  if (pending?.awaitingSignInUntil === undefined) return;
  if (Date.now() > pending.awaitingSignInUntil) {
    await setPendingFill(tabId, undefined);
    return;
  }
  if (!url || new URL(url).origin !== pending.origin) return;
  resuming.add(tabId);
  let stillWaiting = false;
  try {
    if (!(await readDraftAfterWrites(pending.draftId))) return;
    await fillInTab(tabId, pending.draftId, pending.origin).catch((error: unknown) => {
      // Another page of the sign-in (a second step, a wrong password): go on waiting.
      if (!isSignInPage(error)) throw error;
      stillWaiting = true;
    });
  } catch {
    // The page shows why in its own panel; the draft keeps its earlier report.
  } finally {
    resuming.delete(tabId);
    if (!stillWaiting) await setPendingFill(tabId, undefined);
  }
}

/**
 * Puts the description into the page's rich editor, whose API only the
 * page's MAIN world can reach (helpcenter-form.md: CKEditor overwrites the
 * textarea on submit). Runs before the filler, which checks the editor's
 * content and falls back to a paste or the textarea; a failure here is
 * therefore not fatal. `fillEditorInPage` itself does nothing off `origin`.
 */
async function fillEditor(tabId: number, origin: string, html: string): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      world: 'MAIN',
      func: fillEditorInPage,
      args: [origin, html, editorTimeoutMs],
    });
  } catch {
    // The page navigated or refused the script: the filler reports the description as it finds it.
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
  const [draft, settings] = await Promise.all([readDraftAfterWrites(pending.draftId), readSettings()]);
  if (!draft) throw new HelpDraftError('draft-not-found', pending.draftId);
  return buildFillPayload(draft, settings);
}
