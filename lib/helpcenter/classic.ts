/**
 * Fills the classic (server-rendered `{{request_form}}`) Zendesk request
 * form, following shared/helpcenter-form.md: fields by `name` first, then by
 * label text in Japanese and English; nesty dropdowns by option label; files
 * through the form's own file input so the page uploads them itself.
 * Never submits, never touches anything outside the form.
 */
import { base64ToBytes } from '../base64';
import type { FillPayload, FillReportItem, Priority } from '../schema';
import { findControlByLabel, matchOption, type TaggerOption } from './fields';

export function findClassicForm(document: Document): HTMLFormElement | null {
  return document.querySelector<HTMLFormElement>('form#new_request, form.request-form');
}

function dispatchEdits(element: Element): void {
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

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
  const control =
    form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`) ??
    findControlByLabel<HTMLInputElement | HTMLTextAreaElement>(form, labels);
  if (!control) return { field, status: 'not-found', detail: '' };
  if (!value) return { field, status: 'skipped', detail: '' };
  const limit = control.maxLength > 0 ? control.maxLength : Infinity;
  control.value = [...value].slice(0, limit).join('');
  dispatchEdits(control);
  return control.value === [...value].slice(0, limit).join('')
    ? {
        field,
        status: 'filled',
        detail: control.value.length > 80 ? `${control.value.slice(0, 80)}…` : control.value,
      }
    : { field, status: 'rejected', detail: '' };
}

function fillPriority(form: HTMLFormElement, priority: Priority): FillReportItem {
  const control =
    form.querySelector<HTMLSelectElement | HTMLInputElement>('[name="request[priority]"]') ??
    findControlByLabel<HTMLSelectElement | HTMLInputElement>(form, /優先度|priority/i);
  if (!control) return { field: 'priority', status: 'not-found', detail: '' };
  control.value = priority;
  const label =
    control instanceof HTMLSelectElement
      ? (control.selectedOptions[0]?.textContent?.trim() ?? priority)
      : priority;
  syncNestyLabel(control, label);
  dispatchEdits(control);
  // Read back after the page's own change handlers ran: the nesty widget resets values it does not know.
  return control.value === priority
    ? { field: 'priority', status: 'filled', detail: label }
    : { field: 'priority', status: 'rejected', detail: priority };
}

function taggerOptions(field: HTMLInputElement): TaggerOption[] {
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
): FillReportItem {
  const control = findControlByLabel<HTMLInputElement>(form, labels, 'input[data-tagger]');
  if (!control) return { field, status: 'not-found', detail: '' };
  // Leaving the field untouched is the rule when nothing is asked (SPEC #6 for the connector field).
  if (terms.length === 0) return { field, status: 'skipped', detail: '' };
  const option = matchOption(taggerOptions(control), terms);
  if (!option) return { field, status: 'rejected', detail: terms[0] ?? '' };
  control.value = option.value;
  syncNestyLabel(control, option.label);
  dispatchEdits(control);
  return control.value === option.value
    ? { field, status: 'filled', detail: option.label }
    : { field, status: 'rejected', detail: option.label };
}

/** Words naming each connector-request choice; the option labels are read from the live form. */
const connectorTerms: Record<FillPayload['connector'], string[]> = {
  '': [],
  free: ['無償', 'free'],
  paid: ['有償', 'paid', 'カスタム', 'custom'],
};

function uploadTokenCount(form: HTMLFormElement): number {
  return form.querySelectorAll('input[type=hidden][name="request[attachments][]"]').length;
}

async function waitFor(condition: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline || signal?.aborted) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Hands the files to the form's own file input, as a person dropping them
 * would, so the page's uploader runs and adds its hidden token inputs; then
 * waits for one token per file.
 */
async function fillAttachments(
  form: HTMLFormElement,
  attachments: FillPayload['attachments'],
  uploadTimeoutMs: number,
  signal?: AbortSignal,
): Promise<FillReportItem> {
  const input =
    form.querySelector<HTMLInputElement>(
      'input[type=file][data-fileupload], input[type=file]#request-attachments',
    ) ?? findControlByLabel<HTMLInputElement>(form, /添付ファイル|attachments/i, 'input[type=file]');
  if (!input) return { field: 'attachments', status: 'not-found', detail: '' };
  if (attachments.length === 0) return { field: 'attachments', status: 'skipped', detail: '' };
  const before = uploadTokenCount(form);
  const transfer = new DataTransfer();
  for (const attachment of attachments) {
    transfer.items.add(
      new File([base64ToBytes(attachment.base64)], attachment.name, { type: attachment.type }),
    );
  }
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const names = attachments.map((attachment) => attachment.name).join(', ');
  const uploaded = await waitFor(
    () => uploadTokenCount(form) >= before + attachments.length,
    uploadTimeoutMs,
    signal,
  );
  return { field: 'attachments', status: uploaded ? 'filled' : 'rejected', detail: names };
}

export interface FillOptions {
  uploadTimeoutMs?: number;
  signal?: AbortSignal;
}

export async function fillClassicForm(
  form: HTMLFormElement,
  payload: FillPayload,
  { uploadTimeoutMs = 30_000, signal }: FillOptions = {},
): Promise<FillReportItem[]> {
  return [
    fillText(form, 'cc', 'request[collaborators][]', /^CC/i, payload.cc.join(', ')),
    fillTagger(form, 'category', /お問い合わせ内容|カテゴリ|category/i, payload.categoryTerms),
    fillPriority(form, payload.priority),
    fillText(form, 'subject', 'request[subject]', /タイトル|件名|subject/i, payload.subject),
    fillText(form, 'description', 'request[description]', /詳細|説明|description/i, payload.description),
    fillTagger(form, 'connector', /コネクタ|connector/i, connectorTerms[payload.connector]),
    await fillAttachments(form, payload.attachments, uploadTimeoutMs, signal),
  ];
}
