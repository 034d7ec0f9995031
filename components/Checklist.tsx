import type { ChecklistItem } from '@/lib/draft/checklist';
import type { Translate } from '@/lib/i18n';

/** The checklist, what is missing marked so it stands out. */
export function Checklist({ items, t }: { items: ChecklistItem[]; t: Translate }) {
  return (
    <section className="block" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('checklist.heading')}</h2>
      <ul className="checklist">
        {items.map((item) => (
          <li
            key={item.key}
            data-testid="checklist-item"
            data-key={item.key}
            data-done={item.done}
            className={item.done ? 'done' : 'missing'}
          >
            <span className="check-state">{item.done ? t('checklist.done') : t('checklist.missing')}</span>
            {t(item.key)}
          </li>
        ))}
      </ul>
    </section>
  );
}
