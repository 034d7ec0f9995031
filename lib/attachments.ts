/**
 * Attachment bytes (screenshots first) as Blobs in the extension origin's
 * IndexedDB: binary, not base64 strings in settings storage, and shared by
 * the background and the popup. Drafts hold only an AttachmentRef.
 * Content scripts run in the page's origin and never open this database.
 */
import type { AttachmentRef } from './schema';

const databaseName = 'helpdraft';
const storeName = 'attachments';

interface StoredAttachment {
  id: string;
  blob: Blob;
}

function request<T>(idbRequest: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    idbRequest.onsuccess = () => resolve(idbRequest.result);
    idbRequest.onerror = () => reject(idbRequest.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const opening = factory.open(databaseName, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore(storeName, { keyPath: 'id' });
  };
  return request(opening);
}

async function withStore<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
  factory: IDBFactory = indexedDB,
): Promise<T> {
  const database = await openDatabase(factory);
  try {
    const transaction = database.transaction(storeName, mode);
    const completed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([request(action(transaction.objectStore(storeName))), completed]);
    return result;
  } finally {
    database.close();
  }
}

export async function putAttachment(
  ref: AttachmentRef,
  blob: Blob,
  factory: IDBFactory = indexedDB,
): Promise<AttachmentRef> {
  const stored: StoredAttachment = { id: ref.id, blob };
  await withStore('readwrite', (store) => store.put(stored), factory);
  return ref;
}

export async function getAttachmentBlob(
  id: string,
  factory: IDBFactory = indexedDB,
): Promise<Blob | undefined> {
  const stored = (await withStore('readonly', (store) => store.get(id), factory)) as
    StoredAttachment | undefined;
  return stored?.blob;
}

export async function deleteAttachment(id: string, factory: IDBFactory = indexedDB): Promise<void> {
  await withStore('readwrite', (store) => store.delete(id), factory);
}
