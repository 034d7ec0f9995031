/**
 * An attachment's reference before and after annotation (pure): the
 * annotated PNG takes the attachment's place, and the image as it was
 * before the first annotation is kept in `original`. A second annotation
 * starts from the current (annotated) image and keeps the same original.
 */
import type { AttachmentRef, StoredAttachmentRef } from '../schema';

export interface Annotated {
  annotatedId: string;
  width: number;
  height: number;
  size: number;
}

/** The name the annotated PNG goes by: the same, with a `.png` ending when it had another. */
export function pngName(name: string): string {
  if (/\.png$/i.test(name)) return name;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.png`;
}

function stored(ref: AttachmentRef): StoredAttachmentRef {
  const { id, name, type, size, width, height } = ref;
  return {
    id,
    name,
    type,
    size,
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}

export function annotatedRef(ref: AttachmentRef, annotated: Annotated): AttachmentRef {
  return {
    id: annotated.annotatedId,
    name: pngName(ref.name),
    type: 'image/png',
    size: annotated.size,
    width: annotated.width,
    height: annotated.height,
    original: ref.original ?? stored(ref),
  };
}

/** The reference back as it was before any annotation. */
export function restoredRef(ref: AttachmentRef): AttachmentRef | undefined {
  return ref.original ? { ...ref.original } : undefined;
}

/** Every IndexedDB id an attachment holds bytes under: its own, and its original's. */
export function blobIdsOf(ref: AttachmentRef): string[] {
  return ref.original ? [ref.id, ref.original.id] : [ref.id];
}
