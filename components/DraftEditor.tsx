import { categoryKeys, categoryLabelKey } from '@/lib/draft/categories';
import { maxTitleLength } from '@/lib/draft/compose';
import type { Translate } from '@/lib/i18n';
import {
  connectorRequestSchema,
  prioritySchema,
  type ConnectorRequest,
  type Draft,
  type DraftEdit,
  type LiveFormOptions,
  type Priority,
} from '@/lib/schema';
import { buildChecklist } from '@/lib/draft/checklist';
import { suggestCategory, suggestPriority } from '@/lib/draft/suggest';
import { typedTitle } from '@/lib/draft/edit';
import { impliedAnswers, readAnswers, wordReasons } from '@/lib/draft/understand/implied';
import { Checklist } from './Checklist';
import { AttachmentList } from './AttachmentList';
import { GuidedQuestions, SuggestionReason } from './GuidedQuestions';
import { CaptureDetails } from './CaptureDetails';
import { ErrorList } from './ErrorList';
import { FillReportList } from './FillReportList';
import { LiveOption } from './LiveOption';
import type { AttachmentActions } from './useAttachmentIntake';
import type { AnnotationActions } from './useAnnotation';

export type EditableFields = Pick<
  Draft,
  'title' | 'description' | 'priority' | 'category' | 'cc' | 'connector' | 'answers'
>;

const connectorLabelKeys = { '': 'connector.none', free: 'connector.free', paid: 'connector.paid' } as const;

interface DraftEditorProps {
  draft: Draft;
  fields: EditableFields;
  t: Translate;
  onEdit: (edit: DraftEdit) => void;
  attachmentActions: AttachmentActions;
  /** The help center form's own options, once a fill has read them. */
  liveOptions?: LiveFormOptions;
  /** Annotating the draft's images; without it, images get no annotate button. */
  annotation?: AnnotationActions;
}

/**
 * The answers as the words imply them while the user types, before the
 * background has saved them (issue 16, item 3). The title counts only when
 * HelpDraft did not compose it, with the answers before or after the words.
 */
function shownAnswers(draft: Draft, fields: EditableFields) {
  const fromSummary = impliedAnswers(fields.answers, readAnswers(fields.answers));
  const typed = [fields.answers, fromSummary].every((answers) =>
    typedTitle({ title: fields.title, answers, capture: draft.capture }),
  );
  const reading = readAnswers(fields.answers, typed ? fields.title : '');
  return { answers: impliedAnswers(fields.answers, reading), reading };
}

/** The draft's fields, every change handed to `onEdit` at once (the caller saves it). */
export function DraftEditor({
  draft,
  fields,
  t,
  onEdit,
  attachmentActions,
  annotation,
  liveOptions,
}: DraftEditorProps) {
  const titleLength = [...fields.title].length;
  const answers = shownAnswers(draft, fields);
  const prioritySuggestion = suggestPriority(answers.answers);
  const priorityReasons = [...wordReasons(answers.answers, answers.reading), prioritySuggestion.reason];
  const categorySuggestion = suggestCategory(draft.capture ?? { url: '', errors: [] }, answers.answers);
  return (
    <>
      <GuidedQuestions answers={answers.answers} t={t} onEdit={onEdit} />
      <ErrorList errors={draft.capture?.errors ?? []} t={t} />
      {draft.capture ? <CaptureDetails capture={draft.capture} t={t} /> : null}

      <div className="field">
        <label htmlFor="draft-title">{t('field.title')}</label>
        <input
          id="draft-title"
          data-testid="draft-title"
          type="text"
          maxLength={maxTitleLength}
          value={fields.title}
          aria-describedby="draft-title-hint"
          onChange={(event) => onEdit({ title: event.target.value })}
        />
        <p id="draft-title-hint" className="hint">
          {t('field.titleHint')} · {t('field.titleLength', { count: titleLength })}
        </p>
      </div>

      <div className="field">
        <label htmlFor="draft-description">{t('field.description')}</label>
        <textarea
          id="draft-description"
          data-testid="draft-description"
          rows={12}
          value={fields.description}
          onChange={(event) => onEdit({ description: event.target.value })}
        />
      </div>

      <div className="row">
        <div className="field">
          <label htmlFor="draft-priority">{t('field.priority')}</label>
          <select
            id="draft-priority"
            data-testid="draft-priority"
            value={fields.priority}
            aria-describedby="draft-priority-caveat"
            onChange={(event) => onEdit({ priority: prioritySchema.parse(event.target.value) })}
          >
            {prioritySchema.options.map((priority: Priority) => (
              <option key={priority} value={priority}>
                {t(`priority.${priority}`)}
              </option>
            ))}
          </select>
          <SuggestionReason
            testId="priority-reason"
            overridden={draft.overridden.priority}
            value={t(`priority.${prioritySuggestion.priority}`)}
            reasons={priorityReasons}
            t={t}
          />
        </div>
        <div className="field">
          <label htmlFor="draft-category">{t('field.category')}</label>
          <select
            id="draft-category"
            data-testid="draft-category"
            value={fields.category}
            onChange={(event) => onEdit({ category: event.target.value })}
          >
            <option value="">{t('field.categoryUnset')}</option>
            {categoryKeys.map((key) => (
              <option key={key} value={key}>
                {t(categoryLabelKey(key))}
              </option>
            ))}
          </select>
          <SuggestionReason
            testId="category-reason"
            overridden={draft.overridden.category}
            value={
              categorySuggestion.category
                ? t(categoryLabelKey(categorySuggestion.category))
                : t('field.categoryUnset')
            }
            reasons={categorySuggestion.reasons}
            t={t}
          />
          <LiveOption field="category" value={fields.category} options={liveOptions} t={t} />
        </div>
      </div>
      <p id="draft-priority-caveat" className="hint">
        {t('field.priorityCaveat')} {t('field.firstAnswer')}
      </p>

      <div className="field">
        <label htmlFor="draft-cc">{t('field.cc')}</label>
        <input
          id="draft-cc"
          data-testid="draft-cc"
          type="text"
          inputMode="email"
          autoComplete="email"
          value={fields.cc}
          aria-describedby="draft-cc-hint"
          onChange={(event) => onEdit({ cc: event.target.value })}
        />
        <p id="draft-cc-hint" className="hint">
          {t('field.ccHint')}
        </p>
      </div>

      {fields.answers.inquiryType === 'connector-request' ? (
        <div className="field">
          <label htmlFor="draft-connector">{t('field.connector')}</label>
          <select
            id="draft-connector"
            data-testid="draft-connector"
            value={fields.connector}
            onChange={(event) => onEdit({ connector: connectorRequestSchema.parse(event.target.value) })}
          >
            {connectorRequestSchema.options.map((connector: ConnectorRequest) => (
              <option key={connector} value={connector}>
                {t(connectorLabelKeys[connector])}
              </option>
            ))}
          </select>
          <LiveOption field="connector" value={fields.connector} options={liveOptions} t={t} />
        </div>
      ) : null}

      <AttachmentList
        attachments={draft.attachments}
        actions={attachmentActions}
        {...(annotation ? { annotation } : {})}
        t={t}
      />
      <Checklist items={buildChecklist({ ...draft, ...fields })} t={t} />
      {draft.fillReport ? <FillReportList report={draft.fillReport} t={t} /> : null}
    </>
  );
}
