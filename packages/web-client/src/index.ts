export { ApiError, describeErrorBody } from './api-error.js';
export { buildApiPath, createApiClient } from './api-client.js';
export type { ApiClient, ApiClientOptions, ApiRequestOptions, LoginResponse, QueryValue } from './api-client.js';
export { safeRedirectPath } from './safe-redirect.js';
export { BASE_SECURITY_HEADERS, contentSecurityPolicy, createNonce, pageSecurityHeaders, parseFrameAncestors } from './security-headers.js';
export type { PageSecurityOptions } from './security-headers.js';
export { createSessionStore, parseSession } from './session-store.js';
export type { Session, SessionStore, SessionStorageHost, SessionUser, UserRole } from './session-store.js';
