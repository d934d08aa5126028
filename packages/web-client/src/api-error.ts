/** An HTTP error from the Autocase API, with the messages a form can show next to its inputs. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  /** Messages keyed by a dotted path such as `0.options.1.value` or `email`. */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, body: unknown) {
    const described = describeErrorBody(status, body);
    super(described.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.fieldErrors = described.fieldErrors;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

interface DescribedError {
  message: string;
  fieldErrors: Record<string, string>;
}

interface IssueLike {
  path?: unknown;
  message?: unknown;
  field?: unknown;
}

function pathToKey(path: unknown): string | null {
  if (Array.isArray(path)) return path.map(String).join('.');
  if (typeof path === 'string' && path.length > 0) return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  return null;
}

function collectIssues(list: unknown, fieldErrors: Record<string, string>): string[] {
  if (!Array.isArray(list)) return [];
  const messages: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      messages.push(item);
      continue;
    }
    if (item && typeof item === 'object') {
      const issue = item as IssueLike;
      const message = typeof issue.message === 'string' ? issue.message : null;
      const key = pathToKey(issue.path ?? issue.field);
      if (message && key !== null && !(key in fieldErrors)) fieldErrors[key] = message;
      if (message) messages.push(key ? `${key}: ${message}` : message);
    }
  }
  return messages;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You do not have permission to do that.',
  404: 'Not found.',
  409: 'Someone else changed this in the meantime. Reload and try again.',
  413: 'The upload is too large.',
  429: 'Too many requests. Wait a moment and try again.',
};

/** Reads NestJS-style (`message: string | string[]`) and zod-style (`issues: [{ path, message }]`) error bodies. */
export function describeErrorBody(status: number, body: unknown): DescribedError {
  const fieldErrors: Record<string, string> = {};
  let message: string | null = null;
  if (typeof body === 'string' && body.trim().length > 0 && body.length < 500 && !body.trimStart().startsWith('<')) {
    message = body.trim();
  } else if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const issueMessages = [
      ...collectIssues(record.issues, fieldErrors),
      ...collectIssues(record.errors, fieldErrors),
      ...collectIssues(record.details, fieldErrors),
    ];
    if (Array.isArray(record.message)) {
      const listed = collectIssues(record.message, fieldErrors);
      message = listed.join('; ') || null;
    } else if (typeof record.message === 'string') {
      message = record.message;
    }
    if (!message && issueMessages.length > 0) message = issueMessages.join('; ');
    if (!message && typeof record.error === 'string') message = record.error;
  }
  if (!message) message = STATUS_TEXT[status] ?? (status >= 500 ? `The server failed (HTTP ${status}). Try again shortly.` : `Request failed (HTTP ${status}).`);
  return { message, fieldErrors };
}
