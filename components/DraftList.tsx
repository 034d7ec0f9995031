import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { Draft, DraftStatus } from '@/lib/schema';
import type { UnreadableDraft } from '@/lib/storage';
import { localMinute } from '@/lib/time';

export interface DraftListActions {
  open(draftId: string): void;
  duplicate(draftId: string): void;
  setStatus(draftId: string, status: Exclude<DraftStatus, 'filled'>): void;
  remove(draftId: string): void;
}

function DraftItem({
  draft,
  current,
  busy,
  t,
  actions,
}: {
  draft: Draft;
  current: boolean;
  busy: boolean;
  t: Translate;
  actions: DraftListActions;
}) {
  // Deleting takes a second click on a button that appears in place: the screenshot goes too, for good.
  const [confirming, setConfirming] = useState(false);
  const title = draft.title.trim() || t('drafts.untitled');
  const source = draft.capture?.title || draft.capture?.url;
  return (
    <li
      className="draft-item"
      data-testid="draft-item"
      data-draft-id={draft.id}
      data-status={draft.status}
      aria-current={current ? 'true' : undefined}
    >
      <div className="draft-item-head">
        <button
          type="button"
          className="link draft-open"
          data-testid="draft-open"
          disabled={busy}
          onClick={() => actions.open(draft.id)}
        >
          {title}
        </button>
        <span className={`badge status-${draft.status}`}>{t(`status.${draft.status}`)}</span>
        {current ? <span className="badge">{t('drafts.current')}</span> : null}
      </div>
      {source ? (
        <p className="muted draft-source" title={draft.capture?.url}>
          {source}
        </p>
      ) : null}
      <p className="muted">
        {t('drafts.created', { time: localMinute(draft.createdAt) })} ·{' '}
        {t('drafts.updated', { time: localMinute(draft.updatedAt) })}
      </p>
      {confirming ? (
        <div className="draft-actions" role="group" aria-label={t('drafts.actionsFor', { title })}>
          <span className="warning-text">{t('drafts.deleteQuestion')}</span>
          <button
            type="button"
            className="danger"
            data-testid="draft-delete-confirm"
            disabled={busy}
            onClick={() => actions.remove(draft.id)}
          >
            {t('drafts.deleteConfirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('drafts.deleteCancel')}
          </button>
        </div>
      ) : (
        <div className="draft-actions" role="group" aria-label={t('drafts.actionsFor', { title })}>
          <button
            type="button"
            data-testid="draft-duplicate"
            disabled={busy}
            onClick={() => actions.duplicate(draft.id)}
          >
            {t('drafts.duplicate')}
          </button>
          <button
            type="button"
            data-testid="draft-mark-sent"
            disabled={busy}
            onClick={() => actions.setStatus(draft.id, draft.status === 'sent' ? 'draft' : 'sent')}
          >
            {draft.status === 'sent' ? t('drafts.markDraft') : t('drafts.markSent')}
          </button>
          <button
            type="button"
            data-testid="draft-delete"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('drafts.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * A stored draft that cannot be read (damaged, or written by a newer
 * version): its raw text is shown to copy by hand, and it can be deleted.
 */
function UnreadableItem({
  draft,
  busy,
  t,
  onDelete,
}: {
  draft: UnreadableDraft;
  busy: boolean;
  t: Translate;
  onDelete: () => void;
}) {
  return (
    <li className="draft-item unreadable" data-testid="draft-unreadable" data-draft-id={draft.id}>
      <p className="warning-text">{t('drafts.unreadable', { id: draft.id })}</p>
      <details>
        <summary>{t('drafts.unreadableShow')}</summary>
        <label className="muted" htmlFor={`unreadable-${draft.id}`}>
          {t('drafts.unreadableHint')}
        </label>
        <textarea
          id={`unreadable-${draft.id}`}
          data-testid="draft-unreadable-content"
          readOnly
          rows={6}
          value={draft.raw}
        />
      </details>
      <div className="draft-actions">
        <button type="button" data-testid="draft-unreadable-delete" disabled={busy} onClick={onDelete}>
          {t('drafts.delete')}
        </button>
      </div>
    </li>
  );
}

/** Every draft, newest first, each with its status and what can be done with it. */
export function DraftList({
  drafts,
  unreadable,
  currentDraftId,
  busy,
  t,
  actions,
}: {
  drafts: Draft[];
  unreadable: UnreadableDraft[];
  currentDraftId: string | undefined;
  busy: boolean;
  t: Translate;
  actions: DraftListActions;
}) {
  return (
    <section className="block" aria-labelledby="drafts-heading" data-testid="draft-list">
      {/* Focusable by script only: focus lands here when the draft that had it is deleted. */}
      <h2 id="drafts-heading" tabIndex={-1}>
        {t('drafts.heading')}
      </h2>
      {drafts.length === 0 && unreadable.length === 0 ? (
        <p className="muted">{t('drafts.empty')}</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((draft) => (
            <DraftItem
              key={draft.id}
              draft={draft}
              current={draft.id === currentDraftId}
              busy={busy}
              t={t}
              actions={actions}
            />
          ))}
          {unreadable.map((draft) => (
            <UnreadableItem
              key={draft.id}
              draft={draft}
              busy={busy}
              t={t}
              onDelete={() => actions.remove(draft.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
