/**
 * Fills the classic (server-rendered `{{request_form}}`) Zendesk request
 * form, following docs/HELPCENTER-FORM.md: fields by `name` first, then by
 * label text in Japanese and English; nesty dropdowns by option label; the
 * description through CKEditor when the page has it (description.ts), else
 * the textarea; files through the form's own file input so the page uploads
 * them itself. Never submits, never touches anything outside the form.
 */
import type { FillPayload, FillReportItem, Priority } from '../schema';
import { handOverFiles, type FillTiming } from './attachments';
import { fillDescription } from './description';
import { clip, dispatchEdits, shorten } from './dom';
import { findControlByLabel, matchOption, type TaggerOption } from './fields';
import {
  attachmentLabels,
  categoryLabels,
  otherCategoryTerms,
  ccLabels,
  connectorLabels,
  connectorTerms,
  priorityLabels,
  subjectLabels,
} from './labels';
import { chooseField, reported } from './visible';

export { findClassicForm } from './detect';

/** The nesty widget shows the chosen label in the `a.nesty-input` right after the hidden field. */
function syncNestyLabel(field: Element, label: string): void {
  const next = field.nextElementSibling;
  if (next?.matches('a.nesty-input')) next.textContent = label;
}

function fillText(
  form: HTMLFormElement,
  field: FillReportItem['field'],
  name: string,
  labels: RegExp,
  value: string,
): FillReportItem {
  const { control, shadowed } = chooseField<HTMLInputElement | HTMLTextAreaElement>(form, name, labels);
  if (!control) return { field, status: 'not-found', detail: '' };
  if (!value) return reported({ field, status: 'skipped', detail: '' }, shadowed);
  const wanted = clip(value, control.maxLength);
  control.value = wanted;
  dispatchEdits(control);
  return reported(
    control.value === wanted
      ? { field, status: 'filled', detail: shorten(control.value) }
      : { field, status: 'rejected', detail: '' },
    shadowed,
  );
}

function fillPriority(form: HTMLFormElement, priority: Priority): FillReportItem {
  const { control, shadowed } = chooseField<HTMLSelectElement | HTMLInputElement>(
    form,
    'request[priority]',
    priorityLabels,
  );
  if (!control) return { field: 'priority', status: 'not-found', detail: '' };
  control.value = priority;
  const label =
    control instanceof HTMLSelectElement
      ? (control.selectedOptions[0]?.textContent?.trim() ?? priority)
      : priority;
  syncNestyLabel(control, label);
  dispatchEdits(control);
  // Read back after the page's own change handlers ran: the nesty widget resets values it does not know.
  return reported(
    control.value === priority
      ? { field: 'priority', status: 'filled', detail: label }
      : { field: 'priority', status: 'rejected', detail: priority },
    shadowed,
  );
}

export function taggerOptions(field: HTMLInputElement): TaggerOption[] {
  try {
    const parsed: unknown = JSON.parse(field.dataset.tagger ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((option: unknown) => {
      if (typeof option !== 'object' || option === null) return [];
      const { label, value } = option as Record<string, unknown>;
      return typeof label === 'string' && typeof value === 'string' ? [{ label, value }] : [];
    });
  } catch {
    return [];
  }
}

/** Custom dropdown fields are hidden inputs carrying their options as `data-tagger` JSON. */
function fillTagger(
  form: HTMLFormElement,
  field: FillReportItem['field'],
  labels: RegExp,
  terms: string[],
  /** Terms of the option to choose when none matches `terms` (the category's その他). */
  fallback: string[] = [],
): FillReportItem {
  const control = findControlByLabel<HTMLInputElement>(form, labels, 'input[data-tagger]');
  if (!control) return { field, status: 'not-found', detail: '' };
  // Leaving the field untouched is the rule when nothing is asked (SPEC #6 for the connector field).
  if (terms.length === 0) return { field, status: 'skipped', detail: '' };
  const options = taggerOptions(control);
  const preferred = matchOption(options, terms);
  const other = preferred ? undefined : matchOption(options, fallback);
  const option = preferred ?? other;
  if (!option) return { field, status: 'rejected', detail: terms[0] ?? '' };
  control.value = option.value;
  syncNestyLabel(control, option.label);
  dispatchEdits(control);
  return control.value === option.value
    ? {
        field,
        status: 'filled',
        detail: option.label,
        ...(other ? { warning: 'other-option' as const } : {}),
      }
    : { field, status: 'rejected', detail: option.label };
}

function findAttachmentsInput(form: HTMLFormElement): HTMLInputElement | null {
  return (
    form.querySelector<HTMLInputElement>(
      'input[type=file][data-fileupload], input[type=file]#request-attachments',
    ) ?? findControlByLabel<HTMLInputElement>(form, attachmentLabels, 'input[type=file]')
  );
}

export interface FillOptions {
  uploadTimeoutMs?: number;
  /** How long to wait for a rich editor the page announces (React form, or `text/html` mimetype). */
  editorWaitMs?: number;
  signal?: AbortSignal;
  /** Filled in with the time spent waiting for uploads. */
  timing?: FillTiming;
}

export async function fillClassicForm(
  form: HTMLFormElement,
  payload: FillPayload,
  { uploadTimeoutMs = 30_000, editorWaitMs, signal, timing }: FillOptions = {},
): Promise<FillReportItem[]> {
  return [
    fillText(form, 'cc', 'request[collaborators][]', ccLabels, payload.cc.join(', ')),
    fillTagger(form, 'category', categoryLabels, payload.categoryTerms, otherCategoryTerms),
    fillPriority(form, payload.priority),
    fillText(form, 'subject', 'request[subject]', subjectLabels, payload.subject),
    await fillDescription(form, payload, false, { editorWaitMs, signal }),
    fillTagger(form, 'connector', connectorLabels, connectorTerms[payload.connector]),
    await handOverFiles(
      form,
      findAttachmentsInput(form),
      payload.attachments,
      uploadTimeoutMs,
      signal,
      timing,
    ),
  ];
}
