import type { Translate } from '@/lib/i18n';
import type { FillReport } from '@/lib/schema';

export function FillReportList({ report, t }: { report: FillReport; t: Translate }) {
  return (
    <section className="block" aria-labelledby="fill-report-heading">
      <h2 id="fill-report-heading">{t('fill.reportTitle')}</h2>
      <ul className="fill-report">
        {report.items.map((item) => (
          <li
            // One field can have two items: attachments sent, and attachments whose bytes were missing.
            key={`${item.field}-${item.status}`}
            data-testid="fill-report-item"
            data-field={item.field}
            data-status={item.status}
            data-warning={item.warning}
            className={`status-${item.status}`}
          >
            <span className="field-name">{t(`fill.field.${item.field}`)}</span>
            <span>{t(`fill.status.${item.status}`)}</span>
            {item.detail ? <span className="muted detail">{item.detail}</span> : null}
            {item.warning ? (
              <span className="warning" data-testid="fill-report-warning">
                {t(`fill.warning.${item.warning}`)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
