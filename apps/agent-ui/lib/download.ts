'use client';

import { ApiError, buildApiPath } from './api-client';
import { readSession } from './session';

/** Downloads an authenticated API resource (an attachment, a raw .eml) as a file. */
export async function downloadFromApi(path: string, filename: string): Promise<void> {
  const session = readSession();
  const response = await fetch(buildApiPath(path), { headers: session ? { authorization: `Bearer ${session.token}` } : {}, cache: 'no-store' });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain-text error body
    }
    throw new ApiError(response.status, body);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "12 KB", "1.4 MB". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Loads an authenticated API resource as a `data:` URL (inline email images, which the email's CSP allows). */
export async function fetchAsDataUrl(path: string): Promise<string> {
  const session = readSession();
  const response = await fetch(buildApiPath(path), { headers: session ? { authorization: `Bearer ${session.token}` } : {}, cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, null);
  const blob = await response.blob();
  if (!blob.type.startsWith('image/')) throw new ApiError(415, { message: 'inline content is not an image' });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(blob);
  });
}
