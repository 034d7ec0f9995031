/**
 * Attachment bytes (screenshots first) as Blobs in the extension origin's
 * IndexedDB: binary, not base64 strings in settings storage, and shared by
 * the background and the popup. Drafts hold only an AttachmentRef.
 * Content scripts run in the page's origin and never open this database.
 */
import { HelpDraftError } from './errors';
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

/**
 * The database, or a HelpDraftError saying it cannot be had: IndexedDB is
 * missing or refuses to open in some profiles (Firefox's private windows
 * before version 115, a profile whose database files are damaged or locked).
 */
async function openDatabase(factory: IDBFactory | null): Promise<IDBDatabase> {
  if (!factory) throw new HelpDraftError('attachments-unavailable', 'IndexedDB is not available');
  try {
    const opening = factory.open(databaseName, 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore(storeName, { keyPath: 'id' });
    };
    return await request(opening);
  } catch (error) {
    if (error instanceof Error && error.name === 'QuotaExceededError') throw error;
    throw new HelpDraftError(
      'attachments-unavailable',
      error instanceof Error ? error.message : String(error),
    );
  }
}

/** `indexedDB` where the context has it; null (not a ReferenceError) where it does not. */
const defaultFactory = (): IDBFactory | null => (typeof indexedDB === 'undefined' ? null : indexedDB);

async function withStore<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
  factory: IDBFactory | null = defaultFactory(),
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
  factory: IDBFactory | null = defaultFactory(),
): Promise<AttachmentRef> {
  const stored: StoredAttachment = { id: ref.id, blob };
  await withStore('readwrite', (store) => store.put(stored), factory);
  return ref;
}

export async function getAttachmentBlob(
  id: string,
  factory: IDBFactory | null = defaultFactory(),
): Promise<Blob | undefined> {
  const stored = (await withStore('readonly', (store) => store.get(id), factory)) as
    StoredAttachment | undefined;
  return stored?.blob;
}

export async function deleteAttachment(
  id: string,
  factory: IDBFactory | null = defaultFactory(),
): Promise<void> {
  await withStore('readwrite', (store) => store.delete(id), factory);
}

/**
 * Whether the bytes of `id` are stored, without reading them (a key count):
 * a draft can outlive its bytes (the user cleared the browser's site data,
 * or the profile lost its database), and the popup and the fill report it.
 */
export async function hasAttachmentBlob(
  id: string,
  factory: IDBFactory | null = defaultFactory(),
): Promise<boolean> {
  return (await withStore('readonly', (store) => store.count(id), factory)) > 0;
}

/** The attachments of `refs` whose bytes are gone, in order. */
export async function missingAttachments<Ref extends { id: string }>(
  refs: Ref[],
  factory: IDBFactory | null = defaultFactory(),
): Promise<Ref[]> {
  const present = await Promise.all(refs.map((ref) => hasAttachmentBlob(ref.id, factory)));
  return refs.filter((_ref, index) => !present[index]);
}
