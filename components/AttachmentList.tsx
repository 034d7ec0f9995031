import { useEffect, useState } from 'react';
import { getAttachmentBlob } from '@/lib/attachments';
import type { Translate } from '@/lib/i18n';
import type { AttachmentRef } from '@/lib/schema';

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

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

export function AttachmentList({ attachments, t }: { attachments: AttachmentRef[]; t: Translate }) {
  return (
    <section className="block" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('field.attachments')}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('field.noAttachments')}</p>
      ) : (
        <ul className="attachments">
          {attachments.map((attachment) => (
            <li key={attachment.id} data-testid="attachment-item" data-name={attachment.name}>
              <AttachmentPreview attachment={attachment} t={t} />
              <div className="attachment-meta">
                <span className="attachment-name">{attachment.name}</span>
                <span className="muted">
                  {t('attachment.size', { size: formatBytes(attachment.size) })}
                  {attachment.width && attachment.height
                    ? ` · ${t('attachment.dimensions', { width: attachment.width, height: attachment.height })}`
                    : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
