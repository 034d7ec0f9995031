/**
 * The extension's IndexedDB of attachment bytes (lib/attachments.ts, database
 * `helpdraft`, store `attachments`), read and changed from an extension page,
 * which has the same origin.
 */
import type { Page } from 'playwright-core';

/** The ids of the bytes the extension holds. */
export function storedAttachmentIds(view: Page): Promise<string[]> {
  return view.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('helpdraft');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const keys = opening.result.transaction('attachments').objectStore('attachments').getAllKeys();
          keys.onsuccess = () => {
            opening.result.close();
            resolve(keys.result.map(String));
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** Deletes one attachment's bytes, as clearing site data would. */
export function deleteStoredBytes(view: Page, id: string): Promise<void> {
  return view.evaluate(
    (wanted) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('helpdraft');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('attachments', 'readwrite');
          transaction.objectStore('attachments').delete(wanted);
          transaction.oncomplete = () => {
            opening.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    id,
  );
}
