/** Base64 of bytes, in chunks so large screenshots do not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Bytes of a `data:<type>;base64,<data>` URL, such as tabs.captureVisibleTab returns. */
export function dataUrlToBytes(dataUrl: string): { type: string; bytes: Uint8Array<ArrayBuffer> } {
  const match = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s.exec(dataUrl);
  if (!match?.[1] || match[2] === undefined) throw new Error('not a base64 data URL');
  return { type: match[1], bytes: base64ToBytes(match[2]) };
}
