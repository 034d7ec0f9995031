import { useEffect, useRef, useState } from 'react';
import { getAttachmentBlob } from '@/lib/attachments';
import { formatBytes } from '@/lib/draft/format-bytes';
import type { Translate } from '@/lib/i18n';
import type { AttachmentRef } from '@/lib/schema';
import { Annotator } from './Annotator';
import { ErrorMessage } from './ErrorMessage';
import type { AnnotationActions } from './useAnnotation';
import type { AttachmentActions } from './useAttachmentIntake';

function AttachmentPreview({ attachment, t }: { attachment: AttachmentRef; t: Translate }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let cancelled = false;
    void getAttachmentBlob(attachment.id).then((blob) => {
      if (cancelled || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.id]);
  return url && attachment.type.startsWith('image/') ? (
    <img className="preview" src={url} alt={t('attachment.previewAlt', { name: attachment.name })} />
  ) : null;
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
            <li
              key={attachment.id}
              data-testid="attachment-item"
              data-name={attachment.name}
              data-annotated={attachment.original ? 'true' : undefined}
            >
              <AttachmentPreview attachment={attachment} t={t} />
              <div className="attachment-meta">
                <span className="attachment-name">{attachment.name}</span>
                <span className="muted">
                  {t('attachment.size', { size: formatBytes(attachment.size) })}
                  {attachment.width && attachment.height
                    ? ` · ${t('attachment.dimensions', { width: attachment.width, height: attachment.height })}`
                    : ''}
                </span>
                <button
                  type="button"
                  className="link"
                  data-testid="attachment-remove"
                  disabled={actions.busy}
                  aria-label={t('attachment.removeLabel', { name: attachment.name })}
                  onClick={() => actions.remove(attachment.id)}
                >
                  {t('attachment.remove')}
                </button>
                {annotation && attachment.type.startsWith('image/') ? (
                  <span className="attachment-annotate">
                    {attachment.original ? <span className="badge">{t('annotate.annotated')}</span> : null}
                    <button
                      type="button"
                      className="link"
                      data-testid="attachment-annotate"
                      disabled={annotation.busy || annotation.editing !== undefined}
                      aria-label={t('annotate.openLabel', { name: attachment.name })}
                      onClick={() => annotation.open(attachment.id)}
                    >
                      {t('annotate.open')}
                    </button>
                    {attachment.original ? (
                      <button
                        type="button"
                        className="link"
                        data-testid="attachment-restore-original"
                        disabled={annotation.busy || annotation.editing !== undefined}
                        aria-label={t('annotate.restoreLabel', { name: attachment.name })}
                        onClick={() => annotation.restore(attachment.id)}
                      >
                        {t('annotate.restore')}
                      </button>
                    ) : null}
                  </span>
                ) : null}
              </div>
            </li>
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
