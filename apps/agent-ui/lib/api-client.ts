'use client';

import { createApiClient } from '@autocase/web-client';
import { sessionStore } from './session';

export { ApiError, buildApiPath, type ApiRequestOptions, type LoginResponse } from '@autocase/web-client';

/** Requests through the same-origin `/api` proxy with this app's signed-in user's bearer token. */
export const { apiRequest, login, api } = createApiClient(sessionStore);
