import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { validateDraft } from '@/lib/draft/validate';
import { HelpDraftError, toErrorShape, type ErrorShape } from '@/lib/errors';
import type { MessageKey } from '@/lib/i18n';
import { readAnswer, sendMessage } from '@/lib/messaging';
import { featuresOf } from '@/lib/managed';
import { takeEarlyDraftRequest } from '@/lib/popup-early-draft';
import { findTargetTab, isTabView, requestedDraftId, tabViewPath } from '@/lib/popup-target';
import type { Draft, DraftEdit } from '@/lib/schema';
import { readDraft } from '@/lib/storage';
import { readableTime } from '@/lib/time';
import { DraftEditor, type EditableFields } from './DraftEditor';
import { DraftList, type DraftListActions } from './DraftList';
import { ErrorMessage } from './ErrorMessage';
import { ExportActions } from './ExportActions';
import { MaskWarning } from './MaskWarning';
import { RelatedArticles } from './RelatedArticles';
import { ValidationList } from './ValidationList';
import { useDraftList } from './useDraftList';
import { useAttachmentIntake } from './useAttachmentIntake';
import { useAnnotation } from './useAnnotation';
import { useDraftSaver } from './useDraftSaver';
import { editableFields, useStoredDraft } from './useStoredDraft';
import { useLiveOptions } from './useLiveOptions';
import { useSettings } from './useSettings';

/** `closed`: no draft is open, because the one that was has just been deleted. */
type Phase =
  | { name: 'loading' }
  | { name: 'ready'; draft: Draft }
  | { name: 'failed'; error: ErrorShape }
  | { name: 'closed' };

type View = 'editor' | 'list';

type ListAction = () => Promise<void>;

async function resolveTargetTabId(search: string): Promise<number> {
  const target = await findTargetTab(search);
  if (!target.found) throw new HelpDraftError('tab-not-found', target.requested);
  return target.tabId;
}

/** The draft of the tab from the background, which captures the tab when it has none (or on `recapture`). */
async function capturedDraftId(tabId: number | undefined, recapture: boolean): Promise<string> {
  if (tabId === undefined) throw new HelpDraftError('tab-not-found');
  performance.mark('helpdraft:draft-requested');
  const { draftId } = await sendMessage('openDraftForTab', { tabId, recapture });
  performance.mark('helpdraft:draft-answered');
  return draftId;
}

/**
 * The draft the popup opens: the one its first script already asked for
 * (entrypoints/popup/main.tsx), a `?draftId=` one, or the tab's from the
 * background. `tabId` keeps the popup's tab for a later recapture.
 */
async function draftIdToOpen(
  search: string,
  recapture: boolean,
  tabId: { current: number | undefined },
): Promise<string> {
  const early = await (recapture ? undefined : takeEarlyDraftRequest());
  if (early) {
    tabId.current = early.tabId;
    return readAnswer('openDraftForTab', await early.delivery).draftId;
  }
  const requested = recapture ? undefined : requestedDraftId(search);
  // Resolved even for a requested draft, which opens without it: a recapture from there needs it.
  tabId.current = await (tabId.current ??
    resolveTargetTabId(search).catch((error: unknown) => {
      if (requested) return undefined;
      throw error;
    }));
  return requested ?? (await capturedDraftId(tabId.current, recapture));
}

/**
 * The popup: binds to a tab, gets its draft from the background (capturing
 * the tab when it has none), and saves every edit at once; the drafts list
 * opens, duplicates, marks and deletes any draft. State lives in storage;
 * this view can close at any moment without losing anything.
 */
export function PopupApp() {
  const { t, loaded, settings, managed } = useSettings();
  const features = featuresOf(managed.policy);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [view, setView] = useState<View>('editor');
  const [fields, setFields] = useState<EditableFields>();
  const [fillState, setFillState] = useState<{ running: boolean; error?: ErrorShape; errorAt?: number }>({
    running: false,
  });
  const [listBusy, setListBusy] = useState(false);
  const [listError, setListError] = useState<ErrorShape>();
  const [notice, setNotice] = useState<MessageKey>();
  const drafts = useDraftList(view === 'list');
  const liveOptions = useLiveOptions(settings.helpCenterUrl);
  const tabId = useRef<number>(undefined);
  const [inTab] = useState(() => isTabView(window.location.search));

  // Sets state only after its first await, so the mount effect below never renders twice synchronously.
  const showDraft = useCallback(async (draftId: string) => {
    const draft = await readDraft(draftId);
    if (!draft) throw new HelpDraftError('draft-not-found', draftId);
    setFields(editableFields(draft));
    setFillState({ running: false });
    setPhase({ name: 'ready', draft });
  }, []);

  const open = useCallback(
    async (recapture: boolean) => {
      try {
        const draftId = await draftIdToOpen(window.location.search, recapture, tabId);
        await showDraft(draftId);
      } catch (error) {
        setPhase({ name: 'failed', error: toErrorShape(error) });
      }
    },
    [showDraft],
  );

  useEffect(() => {
    void open(false);
  }, [open]);

  const draftId = phase.name === 'ready' ? phase.draft.id : undefined;
  const saver = useDraftSaver();
  const { save, flush } = saver;
  // When the draft is first on screen: the benchmark's "popup open to an editable draft" (docs/PERFORMANCE.md).
  const shown = loaded && draftId !== undefined;
  useEffect(() => {
    if (shown && performance.getEntriesByName('helpdraft:draft-shown').length === 0)
      performance.mark('helpdraft:draft-shown');
  }, [shown]);

  const showStored = useCallback(
    (draft: Draft | undefined) => setPhase(draft ? { name: 'ready', draft } : { name: 'closed' }),
    [],
  );
  useStoredDraft(draftId, saver.saver, showStored, setFields);

  const edit = useCallback(
    (change: DraftEdit) => {
      if (!draftId) return;
      setFields((current) =>
        current ? { ...current, ...change, answers: { ...current.answers, ...change.answers } } : current,
      );
      save(draftId, change);
    },
    [draftId, save],
  );

  // The background rewrote an untouched description to list the attachments.
  const attachmentActions = useAttachmentIntake(
    draftId,
    useCallback((description: string) => {
      setFields((current) => (current ? { ...current, description } : current));
    }, []),
  );
  // The same when an annotated image was renamed (a JPEG becomes a PNG) or restored.
  const annotation = useAnnotation(
    draftId,
    useCallback((description: string) => {
      setFields((current) => (current ? { ...current, description } : current));
    }, []),
  );

  const fill = useCallback(async () => {
    if (!draftId) return;
    setFillState({ running: true });
    try {
      // Everything typed here is stored first: the fill sends the stored draft, which is then what this view shows.
      await flush();
      await sendMessage('fillDraft', { draftId });
      setFillState({ running: false });
    } catch (error) {
      setFillState({ running: false, error: toErrorShape(error), errorAt: Date.now() });
    }
  }, [draftId, flush]);

  /** Runs one list action, one at a time, showing its failure in the list. */
  const listAction = useCallback(async (action: ListAction) => {
    setListBusy(true);
    setListError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (error) {
      setListError(toErrorShape(error));
    } finally {
      setListBusy(false);
    }
  }, []);

  // Where keyboard focus goes once the view a list action leads to is on the page: the element
  // that had it (a button of the list) is gone, and focus would fall back to the page's start.
  const focusAfter = useRef<string>(undefined);
  useEffect(() => {
    const target = focusAfter.current ? document.getElementById(focusAfter.current) : null;
    if (!target) return;
    target.focus();
    focusAfter.current = undefined;
  }, [view, phase, drafts]);

  const listActions: DraftListActions = {
    open: (id) =>
      void listAction(async () => {
        await showDraft(id);
        setView('editor');
        focusAfter.current = 'draft-title';
      }),
    duplicate: (id) =>
      void listAction(async () => {
        const copy = await sendMessage('duplicateDraft', { draftId: id });
        await showDraft(copy.draftId);
        setView('editor');
        setNotice('drafts.openedCopy');
        focusAfter.current = 'draft-title';
      }),
    setStatus: (id, status) =>
      void listAction(async () => {
        await sendMessage('setDraftStatus', { draftId: id, status });
      }),
    remove: (id) =>
      void listAction(async () => {
        await sendMessage('deleteDraft', { draftId: id });
        if (id === draftId) setPhase({ name: 'closed' });
        setNotice('drafts.deleted');
        focusAfter.current = 'drafts-heading';
      }),
  };

  // A fill that waited for sign-in and then went on by itself: its report replaces the waiting message.
  const filledSinceError =
    phase.name === 'ready' &&
    fillState.errorAt !== undefined &&
    phase.draft.fillReport !== undefined &&
    Date.parse(phase.draft.fillReport.filledAt) >= fillState.errorAt;

  const problems =
    phase.name === 'ready' && fields ? validateDraft({ ...phase.draft, ...fields }, settings) : [];
  if (!loaded) return null;
  return (
    <main className={inTab ? 'popup in-tab' : 'popup'}>
      <header className="header">
        <h1>
          {t('app.name')} <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <div className="header-actions">
          <button
            type="button"
            data-testid="capture"
            // Busy, not disabled, while capturing: a disabled button would drop the keyboard's focus.
            aria-disabled={phase.name === 'loading' || undefined}
            onClick={() => {
              if (phase.name === 'loading') return;
              setPhase({ name: 'loading' });
              setView('editor');
              setNotice(undefined);
              void open(true);
            }}
          >
            {phase.name === 'loading' ? t('popup.capturing') : t('popup.capture')}
          </button>
          <button
            type="button"
            data-testid="drafts"
            aria-pressed={view === 'list'}
            onClick={() => {
              setNotice(undefined);
              setView(view === 'list' ? 'editor' : 'list');
            }}
          >
            {view === 'list' ? t('drafts.back') : t('drafts.button')}
          </button>
          {draftId && !inTab ? (
            <button
              type="button"
              data-testid="open-in-tab"
              onClick={() =>
                void browser.tabs.create({
                  url: browser.runtime.getURL(tabViewPath(draftId, tabId.current) as '/popup.html'),
                })
              }
            >
              {t('popup.openInTab')}
            </button>
          ) : null}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup.settings')}
          </button>
        </div>
      </header>

      <p className="status" role="status" data-testid="popup-notice">
        {notice ? t(notice) : ''}
      </p>

      {view === 'list' ? (
        <>
          {listError ? <ErrorMessage error={listError} t={t} testId="drafts-error" /> : null}
          {drafts ? (
            <DraftList
              drafts={drafts.drafts}
              unreadable={drafts.unreadable}
              currentDraftId={draftId}
              busy={listBusy}
              t={t}
              actions={listActions}
            />
          ) : (
            <p className="status">{t('drafts.loading')}</p>
          )}
        </>
      ) : null}

      {view === 'editor' && phase.name === 'loading' ? (
        <p className="status" role="status" data-testid="loading">
          {t('popup.loading')}
        </p>
      ) : null}

      {view === 'editor' && phase.name === 'closed' ? <p className="muted">{t('drafts.noneOpen')}</p> : null}

      {view === 'editor' && phase.name === 'failed' ? (
        <div className="block">
          <ErrorMessage error={phase.error} t={t} testId="popup-error" />
          <button
            type="button"
            onClick={() => {
              setPhase({ name: 'loading' });
              void open(false);
            }}
          >
            {t('popup.retry')}
          </button>
        </div>
      ) : null}

      {view === 'editor' && phase.name === 'ready' && fields ? (
        <>
          <section className="source" aria-label={t('popup.source')}>
            <p className="source-title" data-testid="source-url" title={phase.draft.capture?.url}>
              {phase.draft.capture?.title || phase.draft.capture?.url}
            </p>
            {phase.draft.capture ? (
              <p className="muted">
                {t('popup.capturedAt', { time: readableTime(phase.draft.capture.capturedAt) })}
              </p>
            ) : null}
            {phase.draft.capture?.screenshotProblem ? (
              <ErrorMessage error={phase.draft.capture.screenshotProblem} t={t} />
            ) : null}
            <MaskWarning capture={phase.draft.capture} t={t} />
          </section>
          <DraftEditor
            draft={phase.draft}
            fields={fields}
            t={t}
            onEdit={edit}
            attachmentActions={attachmentActions}
            {...(liveOptions ? { liveOptions } : {})}
            annotation={annotation}
          />
          {features.articleSearch ? (
            <RelatedArticles key={phase.draft.id} draft={phase.draft} settings={settings} t={t} />
          ) : null}
          <footer className="footer">
            <p className="save-state" role="status" data-testid="save-state" data-pending={saver.pending}>
              {saver.error ? null : saver.pending === 0 ? t('popup.saved') : ''}
            </p>
            {saver.error ? <ErrorMessage error={saver.error} t={t} testId="save-error" /> : null}
            <ValidationList problems={problems} t={t} />
            <p className="hint">{t('fill.note')}</p>
            {/* While the form fills, the button only says so: a disabled button would drop the keyboard's focus. */}
            <button
              type="button"
              className="primary"
              data-testid="fill"
              disabled={problems.length > 0}
              aria-disabled={fillState.running || undefined}
              aria-describedby={problems.length > 0 ? 'validation-heading' : undefined}
              onClick={() => {
                if (!fillState.running) void fill();
              }}
            >
              {fillState.running ? t('fill.running') : t('fill.button')}
            </button>
            {fillState.error && !filledSinceError ? (
              <ErrorMessage error={fillState.error} t={t} testId="fill-error" />
            ) : null}
          </footer>
          {features.export ? (
            <ExportActions draft={{ ...phase.draft, ...fields }} locale={settings.language} t={t} />
          ) : null}
        </>
      ) : null}
    </main>
  );
}
