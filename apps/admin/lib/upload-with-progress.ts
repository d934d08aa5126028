'use client';

import { ApiError, buildApiPath } from './api-client';
import { readSession } from './session';

/**
 * POSTs a file to the API with upload progress (fetch cannot report it), with the same bearer token
 * and error handling as `apiRequest`.
 */
export function uploadWithProgress<T>(path: string, file: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildApiPath(path));
    const session = readSession();
    if (session) request.setRequestHeader('authorization', `Bearer ${session.token}`);
    request.setRequestHeader('content-type', contentType);
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, { message: 'Cannot reach the Autocase API. Check that it is running and try again.' }));
    request.onload = () => {
      let body: unknown = request.responseText;
      try {
        body = request.responseText ? (JSON.parse(request.responseText) as unknown) : null;
      } catch {
        // keep the text body
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        reject(new ApiError(request.status, body));
      }
    };
    request.send(file);
  });
}
