import type { Problem } from '@/lib/draft/validate';
import type { Translate } from '@/lib/i18n';

/** What stands between the draft and the form, each in words; nothing when all is well. */
export function ValidationList({ problems, t }: { problems: Problem[]; t: Translate }) {
  if (problems.length === 0) return null;
  return (
    <section className="validation" role="alert" aria-labelledby="validation-heading">
      <h2 id="validation-heading">{t('validation.heading')}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-testid="validation-item" data-field={problem.field} data-key={problem.key}>
            {t(problem.key, problem.params)}
          </li>
        ))}
      </ul>
    </section>
  );
}
