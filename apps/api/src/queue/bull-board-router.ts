import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bull';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { BoardSessionSigner } from './bull-board-session.js';

export const BULL_BOARD_PATH = '/api/admin/queues/board';
export const BULL_BOARD_COOKIE = 'autocase_bull_board';

/**
 * The board's own Content-Security-Policy, replacing the app-wide one on this path only: its
 * scripts are files of its own (no inline script), its styles are inline plus Google Fonts.
 */
const BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Admits a request with a valid board cookie, or with a one-time `?session=` link from
 * POST /api/admin/queues/board-session (and then sets the httpOnly, SameSite=Strict cookie
 * scoped to the board path); anything else gets 401.
 */
export function boardSessionGate(signer: BoardSessionSigner) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (signer.verify(readCookie(request.headers.cookie, BULL_BOARD_COOKIE), 'bull-board-cookie')) return next();
    const link = typeof request.query.session === 'string' ? request.query.session : undefined;
    const claims = signer.redeemLink(link);
    if (!claims) {
      response.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'bull-board needs a session: as an admin, POST /api/admin/queues/board-session and open the returned one-time URL within 2 minutes' });
      return;
    }
    const cookie = signer.issue('bull-board-cookie', claims.userId);
    const maxAge = Math.floor((cookie.expiresAt.getTime() - Date.now()) / 1000);
    response.setHeader('Set-Cookie', `${BULL_BOARD_COOKIE}=${cookie.token}; Path=${BULL_BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${request.secure ? '; Secure' : ''}`);
    next();
  };
}

/** Express handlers serving bull-board for one Bull queue under BULL_BOARD_PATH, behind the session gate (mount them on that path). */
export function createBullBoardHandlers(queue: Queue, signer: BoardSessionSigner): RequestHandler[] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: [new BullAdapter(queue)], serverAdapter, options: { uiConfig: { boardTitle: 'Autocase jobs' } } });
  const boardHeaders: RequestHandler = (_request, response, next) => {
    response.setHeader('Content-Security-Policy', BOARD_CSP);
    response.setHeader('Cache-Control', 'no-store');
    next();
  };
  return [boardHeaders, boardSessionGate(signer), serverAdapter.getRouter() as RequestHandler];
}
