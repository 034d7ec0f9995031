import { useState } from 'react';
import { getAttachmentBlob } from '@/lib/attachments';
import { draftAsMarkdown, draftAsText } from '@/lib/draft/export';
import { HelpDraftError, toErrorShape, type ErrorShape } from '@/lib/errors';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { AttachmentRef, Draft, Locale } from '@/lib/schema';
import { ErrorMessage } from './ErrorMessage';

/** Saves a stored attachment through a download link, the way a page saves a file (no downloads permission). */
async function saveAttachment(attachment: AttachmentRef): Promise<void> {
  const blob = await getAttachmentBlob(attachment.id);
  if (!blob) throw new HelpDraftError('attachment-missing', attachment.name);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.click();
  // The download has taken the bytes once the click is handled; the URL can go after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The draft as text or Markdown on the clipboard, and its images as PNG
 * files: for when the form cannot be reached or another channel is used.
 * If the clipboard refuses, the text is shown to copy by hand.
 */
export function ExportActions({ draft, locale, t }: { draft: Draft; locale: Locale; t: Translate }) {
  const [notice, setNotice] = useState<MessageKey>();
  const [fallback, setFallback] = useState<string>();
  const [error, setError] = useState<ErrorShape>();

  const copy = async (text: string, done: MessageKey) => {
    setError(undefined);
    try {
      await navigator.clipboard.writeText(text);
      setFallback(undefined);
      setNotice(done);
    } catch {
      setNotice('export.copyFailed');
      setFallback(text);
    }
  };

  const images = draft.attachments.filter((attachment) => attachment.type.startsWith('image/'));
  return (
    <section className="block" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <p className="hint">{t('export.hint')}</p>
      <div className="draft-actions">
        <button
          type="button"
          data-testid="export-copy-text"
          onClick={() => void copy(draftAsText(draft, locale), 'export.copiedText')}
        >
          {t('export.copyText')}
        </button>
        <button
          type="button"
          data-testid="export-copy-markdown"
          onClick={() => void copy(draftAsMarkdown(draft, locale), 'export.copiedMarkdown')}
        >
          {t('export.copyMarkdown')}
        </button>
        {images.map((image) => (
          <button
            key={image.id}
            type="button"
            data-testid="export-save-png"
            data-name={image.name}
            onClick={() => {
              setError(undefined);
              saveAttachment(image).then(
                () => setNotice('export.saved'),
                (failure: unknown) => setError(toErrorShape(failure)),
              );
            }}
          >
            {t('export.savePng', { name: image.name })}
          </button>
        ))}
      </div>
      <p className="status" role="status" data-testid="export-notice">
        {notice ? t(notice) : ''}
      </p>
      {error ? <ErrorMessage error={error} t={t} /> : null}
      {fallback !== undefined ? (
        <>
          <label htmlFor="export-fallback" className="hint">
            {t('export.copyByHand')}
          </label>
          <textarea id="export-fallback" data-testid="export-fallback" readOnly rows={8} value={fallback} />
        </>
      ) : null}
    </section>
  );
}
