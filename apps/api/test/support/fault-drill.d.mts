import type { PrivatePostgres, PrivateRedis } from './fault-services.mjs';

export declare const DRILL_MAILBOX: string;

/** What a drill measured: exactly-once figures after recovery, and how long recovery took. */
export interface DrillFigures {
  sent: number;
  accepted: number;
  stored: number;
  lost: number;
  storedTwice: number;
  unprocessed: number;
  failed: number;
  casesCreated: number;
  cases: number;
  emailsSharingACase: number;
  casesWithoutTheirEmail: number;
  recoveryMs: number | null;
  redelivered: number;
  stillRefused: number;
}

export interface OutageObservations {
  routeStatus?: number;
  routeMessage?: string;
  retryAfter?: string | null;
  healthStatus?: number;
  healthMs?: number;
  healthFailed?: string[];
}

export declare function killDrill(options: { workDir: string; databaseUrl: string; redisUrl?: string; count: number; run?: string }): Promise<DrillFigures & { killedAfterReplies: number }>;
export declare function postgresOutageDrill(options: { workDir: string; postgres: PrivatePostgres; redisUrl?: string; count: number; outageMs: number; run?: string }): Promise<DrillFigures & { outageMs: number; refusedDuringOutage: number; during: OutageObservations }>;
export declare function redisOutageDrill(options: { workDir: string; databaseUrl: string; redis: PrivateRedis; count: number; outageMs: number; run?: string }): Promise<DrillFigures & { outageMs: number; maxSmtpReplyMs: number; refusedDuringOutage: number; during: OutageObservations }>;
