import type { Reason } from '@/lib/draft/suggest';
import type { Translate } from '@/lib/i18n';
import { impactSchema, inquiryTypeSchema, type Answers, type DraftEdit } from '@/lib/schema';

/** The few one-click answers the suggestions are made from, pre-answered from the capture. */
export function GuidedQuestions({
  answers,
  t,
  onEdit,
}: {
  answers: Answers;
  t: Translate;
  onEdit: (edit: DraftEdit) => void;
}) {
  return (
    <section className="block guided" aria-labelledby="answers-heading">
      <h2 id="answers-heading">{t('answer.heading')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="answer-inquiry-type">{t('answer.inquiryType')}</label>
          <select
            id="answer-inquiry-type"
            data-testid="answer-inquiry-type"
            value={answers.inquiryType}
            data-clicked={answers.clicked?.inquiryType === true}
            onChange={(event) =>
              onEdit({
                answers: {
                  inquiryType: inquiryTypeSchema.parse(event.target.value),
                  // Marked here too, so the popup's own copy stops following the words at once.
                  clicked: { ...answers.clicked, inquiryType: true },
                },
              })
            }
          >
            {inquiryTypeSchema.options.map((type) => (
              <option key={type} value={type}>
                {t(`inquiryType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="answer-impact">{t('answer.impact')}</label>
          <select
            id="answer-impact"
            data-testid="answer-impact"
            value={answers.impact}
            data-clicked={answers.clicked?.impact === true}
            disabled={answers.inquiryType !== 'troubleshooting'}
            onChange={(event) =>
              onEdit({
                answers: {
                  impact: impactSchema.parse(event.target.value),
                  clicked: { ...answers.clicked, impact: true },
                },
              })
            }
          >
            {impactSchema.options.map((impact) => (
              <option key={impact} value={impact}>
                {t(`impact.${impact}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="answer-summary">{t('answer.summary')}</label>
        <input
          id="answer-summary"
          data-testid="answer-summary"
          type="text"
          value={answers.summary}
          aria-describedby="answer-summary-hint"
          onChange={(event) => onEdit({ answers: { summary: event.target.value } })}
        />
        <p id="answer-summary-hint" className="hint">
          {t('answer.summaryHint')}
        </p>
      </div>
    </section>
  );
}

/** Why a value is suggested, or that the user chose another by hand. */
/** A reason's parameters, those naming a locale key (a console section) in the user's language. */
export function reasonParams(reason: Reason, t: Translate): Record<string, string> {
  const translated = Object.entries(reason.paramKeys ?? {}).map(([name, key]) => [name, t(key)]);
  return { ...reason.params, ...Object.fromEntries(translated) };
}

export function SuggestionReason({
  testId,
  overridden,
  value,
  reasons,
  t,
}: {
  testId: string;
  overridden: boolean;
  value: string;
  reasons: Reason[];
  t: Translate;
}) {
  const why = reasons.map((reason) => t(reason.key, reasonParams(reason, t))).join(' / ');
  return (
    <p className="hint reason" data-testid={testId} data-overridden={overridden}>
      {overridden ? t('reason.overridden', { value }) : t('reason.suggested', { value, reason: why })}
    </p>
  );
}
