/**
 * The 詳細 (description) field in either generation: the rich editor when the
 * page has one (filled beforehand in the MAIN world, see editor.ts; checked
 * here and pasted into as a fallback), else the textarea.
 */
import type { FillPayload, FillReportItem } from '../schema';
import { setNativeValue, shorten, waitFor } from './dom';
import { editorHolds, findEditable, pasteHtml } from './editor';
import { chooseField, reported } from './visible';

export interface DescriptionOptions {
  /** How long to wait for an editor the page announces but has not created yet. */
  editorWaitMs?: number;
  signal?: AbortSignal;
}

export async function fillDescription(
  form: HTMLFormElement,
  payload: Pick<FillPayload, 'description' | 'descriptionHtml'>,
  expectEditor: boolean,
  { editorWaitMs = 2_000, signal }: DescriptionOptions = {},
): Promise<FillReportItem> {
  // A textarea under a rich editor is hidden by it; with several, a visible one is never passed over.
  const { control: textarea, shadowed } = chooseField<HTMLTextAreaElement>(
    form,
    'request[description]',
    /詳細|説明|description/i,
    'textarea',
  );
  let editable = findEditable(form, textarea);
  if (!textarea && !editable) return { field: 'description', status: 'not-found', detail: '' };
  if (!payload.description)
    return reported({ field: 'description', status: 'skipped', detail: '' }, shadowed);
  // The `text/html` mimetype (classic) or the React form's habit announce an editor still being created.
  const mimetype = form.querySelector<HTMLInputElement>('[name="request[description_mimetype]"]')?.value;
  if (!editable && (mimetype === 'text/html' || (expectEditor && mimetype !== 'text/plain'))) {
    await waitFor(() => (editable = findEditable(form, textarea)) !== null, editorWaitMs, signal);
  }
  if (editable) {
    const target = editable;
    if (!editorHolds(target, payload.descriptionHtml)) {
      pasteHtml(target, payload.descriptionHtml, payload.description);
      await waitFor(() => editorHolds(target, payload.descriptionHtml), 1_000, signal);
    }
    return editorHolds(target, payload.descriptionHtml)
      ? { field: 'description', status: 'filled', detail: shorten(payload.description) }
      : { field: 'description', status: 'rejected', detail: 'editor' };
  }
  if (!textarea) return { field: 'description', status: 'not-found', detail: '' };
  setNativeValue(textarea, payload.description);
  return reported(
    textarea.value === payload.description
      ? { field: 'description', status: 'filled', detail: shorten(textarea.value) }
      : { field: 'description', status: 'rejected', detail: '' },
    shadowed,
  );
}
