/**
 * Fills the React request form (Copenhagen v4 `new-request-form`,
 * docs/HELPCENTER-FORM.md): uncontrolled inputs through the native value
 * setter, Garden comboboxes by opening them and clicking the option by its
 * label, CC as chips typed one address at a time, attachments through the
 * dropzone's file input, the description through the editor (editor.ts).
 * Never submits, never clicks anything outside the form and the listboxes
 * its comboboxes control.
 */
import type { FillPayload, FillReportItem, Priority } from '../schema';
import {
  attachmentLabels,
  categoryLabels,
  ccLabels,
  connectorLabels,
  connectorTerms,
  otherCategoryTerms,
  priorityLabels,
  priorityTerms,
  subjectLabels,
} from './labels';
import { handOverFiles } from './attachments';
import { comboboxByLabel, comboboxByName, pickOption, type Combobox } from './combobox';
import { fillDescription } from './description';
import { clip, setNativeValue, shorten, waitFor } from './dom';
import { findControlByLabel } from './fields';
import type { FillOptions } from './classic';
import { chooseField, reported } from './visible';

function fillSubject(form: HTMLFormElement, subject: string): FillReportItem {
  const { control: input, shadowed } = chooseField<HTMLInputElement>(
    form,
    'request[subject]',
    subjectLabels,
    'input',
  );
  if (!input) return { field: 'subject', status: 'not-found', detail: '' };
  if (!subject) return reported({ field: 'subject', status: 'skipped', detail: '' }, shadowed);
  const value = clip(subject, input.maxLength);
  setNativeValue(input, value);
  return reported(
    input.value === value
      ? { field: 'subject', status: 'filled', detail: shorten(value) }
      : { field: 'subject', status: 'rejected', detail: '' },
    shadowed,
  );
}

async function fillCombobox(
  field: FillReportItem['field'],
  combobox: Combobox | null,
  terms: string[],
  options: FillOptions & { expected?: string; fallback?: string[] },
): Promise<FillReportItem> {
  if (!combobox) return { field, status: 'not-found', detail: '' };
  // Leaving the field untouched is the rule when nothing is asked (SPEC #6 for the connector field).
  if (terms.length === 0) return { field, status: 'skipped', detail: '' };
  const pick = (wanted: string[]) =>
    pickOption(combobox, wanted, { expected: options.expected, signal: options.signal });
  const preferred = await pick(terms);
  // No option for the suggestion: the form's "other" (その他), said so in the report (issue 16, item 4).
  const other =
    preferred.status === 'no-match' && options.fallback ? await pick(options.fallback) : undefined;
  const result = other?.status === 'picked' ? other : preferred;
  switch (result.status) {
    case 'picked':
      return { field, status: 'filled', detail: result.label, ...(other ? { warning: 'other-option' } : {}) };
    case 'not-taken':
      return { field, status: 'rejected', detail: result.label };
    default:
      return { field, status: 'rejected', detail: terms[0] ?? '' };
  }
}

function fillPriority(form: HTMLFormElement, priority: Priority, options: FillOptions) {
  const combobox = comboboxByName(form, 'request[priority]') ?? comboboxByLabel(form, priorityLabels);
  return fillCombobox('priority', combobox, priorityTerms[priority], { ...options, expected: priority });
}

function collaborators(form: HTMLFormElement): string[] {
  return [
    ...form.querySelectorAll<HTMLInputElement>('input[type=hidden][name="request[collaborators][]"]'),
  ].map((input) => input.value);
}

/**
 * CC is a chip list: an input without a name; each address typed followed by
 * `,` becomes a chip with its own hidden `request[collaborators][]` input.
 */
async function fillCc(form: HTMLFormElement, cc: string[], signal?: AbortSignal): Promise<FillReportItem> {
  // No name: the chips' hidden `request[collaborators][]` inputs are the form's, not a shadow.
  const { control: input, shadowed } = chooseField<HTMLInputElement>(
    form,
    undefined,
    ccLabels,
    'input:not([type=hidden])',
  );
  if (!input) return { field: 'cc', status: 'not-found', detail: '' };
  if (cc.length === 0) return reported({ field: 'cc', status: 'skipped', detail: '' }, shadowed);
  for (const address of cc) {
    if (collaborators(form).includes(address)) continue;
    setNativeValue(input, `${address},`);
    await waitFor(() => collaborators(form).includes(address), 1_000, signal);
  }
  const taken = collaborators(form);
  const missing = cc.filter((address) => !taken.includes(address));
  return reported(
    missing.length === 0
      ? { field: 'cc', status: 'filled', detail: cc.join(', ') }
      : { field: 'cc', status: 'rejected', detail: missing.join(', ') },
    shadowed,
  );
}

/**
 * With the rich editor on, the form has two file inputs: the editor's image
 * button comes first and uploads inline images elsewhere. The attachments
 * input is the one the 添付ファイル / Attachments label names, else the last
 * one outside the editor.
 */
export function findAttachmentsInput(form: HTMLFormElement): HTMLInputElement | null {
  const labelled = findControlByLabel<HTMLElement>(form, attachmentLabels);
  const byLabel = labelled?.matches('input[type=file]')
    ? (labelled as HTMLInputElement)
    : labelled?.querySelector<HTMLInputElement>('input[type=file]');
  if (byLabel) return byLabel;
  const outsideEditor = [...form.querySelectorAll<HTMLInputElement>('input[type=file]')].filter(
    (input) => !input.closest('.ck, .ck-editor'),
  );
  return outsideEditor.at(-1) ?? null;
}

export async function fillReactForm(
  form: HTMLFormElement,
  payload: FillPayload,
  options: FillOptions = {},
): Promise<FillReportItem[]> {
  const { uploadTimeoutMs = 30_000, signal, timing } = options;
  return [
    await fillCc(form, payload.cc, signal),
    await fillCombobox('category', comboboxByLabel(form, categoryLabels), payload.categoryTerms, {
      ...options,
      fallback: otherCategoryTerms,
    }),
    await fillPriority(form, payload.priority, options),
    fillSubject(form, payload.subject),
    await fillDescription(form, payload, true, { editorWaitMs: options.editorWaitMs, signal }),
    await fillCombobox(
      'connector',
      comboboxByLabel(form, connectorLabels),
      connectorTerms[payload.connector],
      options,
    ),
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
