import { useEffect, useRef, useState } from 'react';
import { getAttachmentBlob } from '@/lib/attachments';
import { formatBytes } from '@/lib/draft/format-bytes';
import type { Translate } from '@/lib/i18n';
import type { AttachmentRef } from '@/lib/schema';
import { Annotator } from './Annotator';
import { ErrorMessage } from './ErrorMessage';
import type { AnnotationActions } from './useAnnotation';
import type { AttachmentActions } from './useAttachmentIntake';

/** What IndexedDB holds for an attachment: not read yet, its bytes (as an object URL for images), or nothing. */
type Stored = { state: 'reading' } | { state: 'present'; url?: string } | { state: 'missing' };

/** One of an attachment's actions: a link-styled button whose accessible name says which file it acts on. */
function AttachmentAction(props: {
  testId: string;
  disabled: boolean;
  label: string;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      className="link"
      data-testid={props.testId}
      disabled={props.disabled}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/**
 * Reads each attachment's bytes once: an image gets a preview, and one whose
 * bytes are gone (site data cleared) is shown as missing, since the fill
 * cannot attach it (issue 15, item 5).
 */
function useStoredAttachment(attachment: AttachmentRef): Stored {
  const [stored, setStored] = useState<Stored>({ state: 'reading' });
  useEffect(() => {
    let objectUrl: string | undefined;
    let cancelled = false;
    getAttachmentBlob(attachment.id).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) return setStored({ state: 'missing' });
        if (attachment.type.startsWith('image/')) objectUrl = URL.createObjectURL(blob);
        setStored(objectUrl ? { state: 'present', url: objectUrl } : { state: 'present' });
      },
      () => {
        // IndexedDB could not be opened: not known to be missing; the add and fill paths say why.
        if (!cancelled) setStored({ state: 'present' });
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.id, attachment.type]);
  return stored;
}

/** One attachment: its preview, size, and actions; a missing one says so instead of a preview. */
function AttachmentItem({
  attachment,
  actions,
  annotation,
  t,
}: {
  attachment: AttachmentRef;
  actions: AttachmentActions;
  annotation?: AnnotationActions;
  t: Translate;
}) {
  const stored = useStoredAttachment(attachment);
  const missing = stored.state === 'missing';
  const noticeId = `attachment-missing-${attachment.id}`;
  return (
    <li
      data-testid="attachment-item"
      data-name={attachment.name}
      data-annotated={attachment.original ? 'true' : undefined}
      data-missing={missing ? 'true' : undefined}
      aria-describedby={missing ? noticeId : undefined}
    >
      {stored.state === 'present' && stored.url ? (
        <img
          className="preview"
          src={stored.url}
          alt={t('attachment.previewAlt', { name: attachment.name })}
        />
      ) : null}
      <div className="attachment-meta">
        <span className="attachment-name">{attachment.name}</span>
        <span className="muted">
          {t('attachment.size', { size: formatBytes(attachment.size) })}
          {attachment.width && attachment.height
            ? ` · ${t('attachment.dimensions', { width: attachment.width, height: attachment.height })}`
            : ''}
        </span>
        {missing ? (
          <span className="error-message" id={noticeId} data-testid="attachment-missing">
            {t('attachment.missing')}
          </span>
        ) : null}
        <AttachmentAction
          testId="attachment-remove"
          disabled={actions.busy}
          label={t('attachment.removeLabel', { name: attachment.name })}
          onClick={() => actions.remove(attachment.id)}
        >
          {t('attachment.remove')}
        </AttachmentAction>
        {/* Nothing to annotate without the bytes. */}
        {annotation && !missing && attachment.type.startsWith('image/') ? (
          <span className="attachment-annotate">
            {attachment.original ? <span className="badge">{t('annotate.annotated')}</span> : null}
            <AttachmentAction
              testId="attachment-annotate"
              disabled={annotation.busy || annotation.editing !== undefined}
              label={t('annotate.openLabel', { name: attachment.name })}
              onClick={() => annotation.open(attachment.id)}
            >
              {t('annotate.open')}
            </AttachmentAction>
            {attachment.original ? (
              <AttachmentAction
                testId="attachment-restore-original"
                disabled={annotation.busy || annotation.editing !== undefined}
                label={t('annotate.restoreLabel', { name: attachment.name })}
                onClick={() => annotation.restore(attachment.id)}
              >
                {t('annotate.restore')}
              </AttachmentAction>
            ) : null}
          </span>
        ) : null}
      </div>
    </li>
  );
}

/** The draft's attachments with previews; files are added by the picker or by dropping them on the list. */
export function AttachmentList({
  attachments,
  actions,
  annotation,
  t,
}: {
  attachments: AttachmentRef[];
  actions: AttachmentActions;
  annotation?: AnnotationActions;
  t: Translate;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const annotating = attachments.find((attachment) => attachment.id === annotation?.editing);
  return (
    <section
      className={`block attachments-zone${dragging ? ' dragging' : ''}`}
      aria-labelledby="attachments-heading"
      data-testid="attachment-zone"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        actions.add([...event.dataTransfer.files]);
      }}
    >
      <h2 id="attachments-heading">{t('field.attachments')}</h2>
      {annotation && annotating ? (
        <Annotator
          key={annotating.id}
          attachment={annotating}
          busy={annotation.busy}
          {...(annotation.error ? { error: annotation.error } : {})}
          onSave={(image) => annotation.save(annotating, image)}
          onCancel={annotation.close}
          t={t}
        />
      ) : null}
      {attachments.length === 0 ? (
        <p className="muted">{t('field.noAttachments')}</p>
      ) : (
        <ul className="attachments">
          {attachments.map((attachment) => (
            <AttachmentItem
              key={attachment.id}
              attachment={attachment}
              actions={actions}
              {...(annotation ? { annotation } : {})}
              t={t}
            />
          ))}
        </ul>
      )}
      {actions.refusals.length > 0 ? (
        <ul className="errors">
          {actions.refusals.map((refusal) => (
            <li
              key={refusal.params?.name}
              role="alert"
              data-testid="attachment-refused"
              data-key={refusal.key}
            >
              {t(refusal.key, refusal.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {actions.error ? <ErrorMessage error={actions.error} t={t} testId="attachment-error" /> : null}
      {annotation?.error && !annotating ? (
        <ErrorMessage error={annotation.error} t={t} testId="attachment-error" />
      ) : null}
      <div className="attachment-add">
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attachment-input"
          onChange={(event) => {
            actions.add([...(event.target.files ?? [])]);
            // The same file may be chosen again after removing it.
            event.target.value = '';
          }}
        />
        <button
          type="button"
          data-testid="attachment-add"
          disabled={actions.busy}
          onClick={() => input.current?.click()}
        >
          {actions.busy ? t('attachment.adding') : t('attachment.add')}
        </button>
        <span className="muted">{t('attachment.dropHint')}</span>
      </div>
    </section>
  );
}
