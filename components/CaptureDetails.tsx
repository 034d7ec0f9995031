import { isMessageKey, type Translate } from '@/lib/i18n';
import type { Capture, Redaction } from '@/lib/schema';
import { clockTimeAt } from '@/lib/time';

function redactionLabel(redaction: Redaction, t: Translate): string {
  const rule = `redaction.${redaction.rule}`;
  const where = redaction.where === 'screenshot' ? 'redaction.where.screenshot' : 'redaction.where.text';
  return `${isMessageKey(rule) ? t(rule) : redaction.rule} (${isMessageKey(where) ? t(where) : where})`;
}

/** Counts of each masked kind, e.g. "パスワード欄 (画面キャプチャ) × 2". */
function maskedSummary(redactions: Redaction[], t: Translate): [string, number][] {
  const counts = new Map<string, number>();
  for (const redaction of redactions) {
    const label = redactionLabel(redaction, t);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts];
}

/** What the capture found besides the page's messages: the objects involved, console and network errors, masks. */
export function CaptureDetails({ capture, t }: { capture: Capture; t: Translate }) {
  const { entities, recording, environment, redactions } = capture;
  return (
    <>
      <section className="block" aria-labelledby="entities-heading">
        <h2 id="entities-heading">{t('capture.entities')}</h2>
        {entities.length === 0 ? (
          <p className="muted">{t('capture.noEntities')}</p>
        ) : (
          <ul className="entities">
            {entities.map((entity, index) => (
              <li key={index} data-testid="entity-item" data-kind={entity.kind} data-id={entity.id ?? ''}>
                <span className="badge neutral">{t(`entity.${entity.kind}`)}</span>
                {[
                  entity.name,
                  entity.id && t('compose.entityId', { id: entity.id }),
                  entity.email,
                  entity.section,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="block" aria-labelledby="recorded-heading">
        <h2 id="recorded-heading">{t('capture.recorded')}</h2>
        {!recording.available ? (
          <p className="muted">{t('capture.recordedUnavailable')}</p>
        ) : recording.events.length === 0 ? (
          <p className="muted">{t('capture.noRecorded')}</p>
        ) : (
          <ul className="recorded">
            {recording.events.map((event, index) => (
              <li key={index} data-testid="recorded-item" data-type={event.type}>
                <span className="muted">{clockTimeAt(event.time, capture.capturedAt)}</span>{' '}
                {event.type === 'failed-request'
                  ? `${event.method} ${event.url} → ${event.status || t('compose.recorded.networkFailure')}`
                  : event.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      {environment ? (
        <section className="block" aria-labelledby="environment-heading">
          <h2 id="environment-heading">{t('capture.environment')}</h2>
          <p className="muted" data-testid="environment">
            {`${environment.browser} ${environment.browserVersion} · ${environment.os} · ${environment.uiLanguage} · ${environment.timeZone} · ${environment.viewport.width}×${environment.viewport.height} @${environment.viewport.devicePixelRatio}x`}
          </p>
        </section>
      ) : null}

      <section className="block" aria-labelledby="masked-heading">
        <h2 id="masked-heading" data-testid="masked-count" data-count={redactions.length}>
          {redactions.length === 0
            ? t('capture.maskedNone')
            : t('capture.masked', { count: redactions.length })}
        </h2>
        {redactions.length > 0 ? (
          <ul className="masked">
            {maskedSummary(redactions, t).map(([label, count]) => (
              <li key={label} data-testid="masked-item">
                {count > 1 ? `${label} × ${count}` : label}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
