import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { validateDraft } from '@/lib/draft/validate';
import { toErrorShape, type ErrorShape } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging';
import { resolveTargetTabId } from '@/lib/popup-target';
import type { Draft, DraftEdit } from '@/lib/schema';
import { readDraft, watchDraft } from '@/lib/storage';
import { readableTime } from '@/lib/time';
import { DraftEditor, type EditableFields } from './DraftEditor';
import { ErrorMessage } from './ErrorMessage';
import { ValidationList } from './ValidationList';
import { useSettings } from './useSettings';

type Phase = { name: 'loading' } | { name: 'ready'; draft: Draft } | { name: 'failed'; error: ErrorShape };

function editableFields(draft: Draft): EditableFields {
  const { title, description, priority, category, cc, connector, answers } = draft;
  return { title, description, priority, category, cc, connector, answers };
}

/**
 * The popup: binds to a tab, gets its draft from the background (capturing
 * the tab when it has none), and saves every edit at once. State lives in
 * storage; this view can close at any moment without losing anything.
 */
export function PopupApp() {
  const { t, loaded, settings } = useSettings();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [fields, setFields] = useState<EditableFields>();
  const [saveError, setSaveError] = useState<ErrorShape>();
  const [pendingSaves, setPendingSaves] = useState(0);
  const [fillState, setFillState] = useState<{ running: boolean; error?: ErrorShape }>({ running: false });
  const tabId = useRef<number>(undefined);

  // Sets state only after its first await, so the mount effect below never renders twice synchronously.
  const open = useCallback(async (recapture: boolean) => {
    try {
      tabId.current ??= await resolveTargetTabId(window.location.search);
      const { draftId } = await sendMessage('openDraftForTab', { tabId: tabId.current, recapture });
      const draft = await readDraft(draftId);
      if (!draft) throw new Error(draftId);
      setFields(editableFields(draft));
      setPhase({ name: 'ready', draft });
    } catch (error) {
      setPhase({ name: 'failed', error: toErrorShape(error) });
    }
  }, []);

  useEffect(() => {
    void open(false);
  }, [open]);

  const draftId = phase.name === 'ready' ? phase.draft.id : undefined;
  useEffect(() => {
    if (!draftId) return;
    const controller = new AbortController();
    // The background updates status, fill report and attachments; the fields being typed stay local.
    watchDraft(
      draftId,
      (draft) => {
        if (draft) setPhase({ name: 'ready', draft });
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [draftId]);

  const edit = useCallback(
    (change: DraftEdit) => {
      if (!draftId) return;
      setFields((current) =>
        current ? { ...current, ...change, answers: { ...current.answers, ...change.answers } } : current,
      );
      setPendingSaves((count) => count + 1);
      sendMessage('updateDraft', { draftId, edit: change })
        .then((saved) => {
          setSaveError(undefined);
          // New answers may bring a new suggested priority and category, clear the connector,
          // and rewrite a description the user has not touched (another template).
          if (change.answers) {
            const { priority, category, connector, description } = saved;
            setFields((current) =>
              current ? { ...current, priority, category, connector, description } : current,
            );
          }
        })
        .catch((error: unknown) => setSaveError({ code: 'save-failed', detail: toErrorShape(error).detail }))
        .finally(() => setPendingSaves((count) => count - 1));
    },
    [draftId],
  );

  const fill = useCallback(async () => {
    if (!draftId) return;
    setFillState({ running: true });
    try {
      await sendMessage('fillDraft', { draftId });
      setFillState({ running: false });
    } catch (error) {
      setFillState({ running: false, error: toErrorShape(error) });
    }
  }, [draftId]);

  const problems =
    phase.name === 'ready' && fields ? validateDraft({ ...phase.draft, ...fields }, settings) : [];
  if (!loaded) return null;
  return (
    <main className="popup">
      <header className="header">
        <h1>
          {t('app.name')} <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <div className="header-actions">
          <button
            type="button"
            data-testid="capture"
            disabled={phase.name === 'loading'}
            onClick={() => {
              setPhase({ name: 'loading' });
              void open(true);
            }}
          >
            {phase.name === 'loading' ? t('popup.capturing') : t('popup.capture')}
          </button>
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup.settings')}
          </button>
        </div>
      </header>

      {phase.name === 'loading' ? (
        <p className="status" role="status" data-testid="loading">
          {t('popup.loading')}
        </p>
      ) : null}

      {phase.name === 'failed' ? (
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

      {phase.name === 'ready' && fields ? (
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
          </section>
          <DraftEditor draft={phase.draft} fields={fields} t={t} onEdit={edit} />
          <footer className="footer">
            <p className="save-state" role="status" data-testid="save-state" data-pending={pendingSaves}>
              {saveError ? null : pendingSaves === 0 ? t('popup.saved') : ''}
            </p>
            {saveError ? <ErrorMessage error={saveError} t={t} /> : null}
            <ValidationList problems={problems} t={t} />
            <p className="hint">{t('fill.note')}</p>
            <button
              type="button"
              className="primary"
              data-testid="fill"
              disabled={fillState.running || problems.length > 0}
              aria-describedby={problems.length > 0 ? 'validation-heading' : undefined}
              onClick={() => void fill()}
            >
              {fillState.running ? t('fill.running') : t('fill.button')}
            </button>
            {fillState.error ? <ErrorMessage error={fillState.error} t={t} testId="fill-error" /> : null}
          </footer>
        </>
      ) : null}
    </main>
  );
}
