/**
 * The description's rich editor. Both generations can replace
 * `textarea[name="request[description]"]` with CKEditor, which copies its own
 * data back into the textarea on submit: setting the textarea alone is then
 * overwritten and an empty description is sent (helpcenter-form.md).
 *
 * The editor's API (`.ck-editor__editable`'s `ckeditorInstance`, or CKEditor
 * 4's `CKEDITOR.instances`) lives in the page's MAIN world, which an
 * isolated content script cannot see; `fillEditorInPage` is therefore run by
 * the background with `scripting.executeScript({ world: 'MAIN', func })`
 * before the filler. The isolated filler only reads the editor's DOM to
 * check the result, and falls back to the `paste` ClipboardEvent carrying
 * `text/html`, which CKEditor 5 accepts from any world.
 */

export interface EditorFillResult {
  editor: 'ckeditor5' | 'ckeditor4' | 'none';
  filled: boolean;
}

/**
 * Runs in the page's MAIN world, serialised by executeScript: it must not
 * reference anything outside its own body (no imports, no module scope).
 * Does nothing unless the page is on `origin`.
 * Waits for the description field, then for its editor: the React form
 * creates CKEditor 0.1–0.2 s after the form appears, and a classic form
 * announces the editor with `request[description_mimetype]` = `text/html`.
 */
export async function fillEditorInPage(
  origin: string,
  html: string,
  timeoutMs: number,
): Promise<EditorFillResult> {
  interface CkInstance {
    setData(data: string): void;
  }
  interface Ck4Instance extends CkInstance {
    element?: { $?: Element };
  }
  // Only ever on the configured help center: the tab may have navigated since the background looked.
  if (location.origin !== origin) return { editor: 'none', filled: false };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const started = Date.now();
  let fieldSeenAt = 0;
  while (Date.now() - started < timeoutMs) {
    const textarea = document.querySelector<HTMLTextAreaElement>('textarea[name="request[description]"]');
    if (textarea) {
      fieldSeenAt ||= Date.now();
      // CKEditor 5 puts its editor right after the element it replaces; else the form's own editor.
      const editable =
        textarea.parentElement?.querySelector('.ck-editor__editable') ??
        textarea.form?.querySelector('.ck-editor__editable');
      const instance = (editable as (Element & { ckeditorInstance?: CkInstance }) | null | undefined)
        ?.ckeditorInstance;
      if (instance && typeof instance.setData === 'function') {
        instance.setData(html);
        return { editor: 'ckeditor5', filled: true };
      }
      const ck4 = (window as unknown as { CKEDITOR?: { instances?: Record<string, Ck4Instance> } }).CKEDITOR
        ?.instances;
      const ck4Instance = ck4
        ? Object.values(ck4).find((candidate) => candidate.element?.$ === textarea)
        : undefined;
      if (ck4Instance) {
        ck4Instance.setData(html);
        return { editor: 'ckeditor4', filled: true };
      }
      const mimetype = textarea.form?.querySelector<HTMLInputElement>(
        '[name="request[description_mimetype]"]',
      );
      const graceMs = mimetype?.value === 'text/plain' ? 0 : 2_000;
      if (Date.now() - fieldSeenAt >= graceMs) return { editor: 'none', filled: false };
    } else if (
      document.querySelector('input[type=password]') ||
      (!document.getElementById('new-request-form') && Date.now() - started > 2_000)
    ) {
      // A sign-in page, or a page without any form coming: nothing to wait for.
      return { editor: 'none', filled: false };
    }
    await sleep(50);
  }
  return { editor: 'none', filled: false };
}

/** The description's CKEditor 5 editable element, found from the isolated world by its DOM. */
export function findEditable(form: HTMLFormElement, textarea: Element | null): HTMLElement | null {
  return (
    textarea?.parentElement?.querySelector<HTMLElement>('.ck-editor__editable') ??
    form.querySelector<HTMLElement>('.ck-editor__editable')
  );
}

/** Text of HTML for comparing what the editor holds with what was meant, markup aside (an inert parse). */
export function textOfHtml(document: Document, html: string): string {
  const Parser = document.defaultView?.DOMParser ?? DOMParser;
  return comparable(new Parser().parseFromString(html, 'text/html').body.textContent ?? '');
}

export function comparable(text: string): string {
  return text.replace(/\s+/g, '').normalize('NFKC');
}

/** Whether the editable now shows the description (its text, markup and line breaks aside). */
export function editorHolds(editable: Element, html: string): boolean {
  const wanted = textOfHtml(editable.ownerDocument, html);
  return wanted !== '' && comparable(editable.textContent ?? '') === wanted;
}

/**
 * Pastes HTML into the editable, as a person pasting would: CKEditor 5's
 * clipboard pipeline reads `text/html` from the event (helpcenter-form.md;
 * `execCommand('insertText')` is not taken). Selects the editable's content
 * first so the paste replaces it.
 */
export function pasteHtml(editable: HTMLElement, html: string, text: string): void {
  const document = editable.ownerDocument;
  editable.focus();
  const selection = document.getSelection();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(editable);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', text);
  editable.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  );
}
