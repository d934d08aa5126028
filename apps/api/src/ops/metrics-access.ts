import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { AuthService } from '../auth/auth.service.js';

function sameSecret(sent: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * `/api/metrics` (request counts per route, email volumes, job figures) is for Prometheus and
 * admins only: `Authorization: Bearer <METRICS_TOKEN>`, or a signed-in admin's bearer token.
 */
export async function requireMetricsAccess(authorization: string | undefined, metricsToken: string | undefined, auth: AuthService): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!bearer) throw new UnauthorizedException('metrics need Authorization: Bearer <METRICS_TOKEN> (Prometheus: authorization.credentials) or an admin’s bearer token');
  if (metricsToken && sameSecret(bearer, metricsToken)) return;
  const session = await auth.authenticate(bearer);
  if (!session) throw new UnauthorizedException('this bearer token is neither METRICS_TOKEN nor a valid session');
  if (session.user.role !== 'admin') throw new ForbiddenException(`metrics are for admins and Prometheus (METRICS_TOKEN); you are ${session.user.role}`);
}
