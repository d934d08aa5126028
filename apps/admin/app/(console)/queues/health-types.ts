export interface ComponentHealth {
  ok: boolean;
  kind: string;
  detail: string;
}

export interface QueueHealth extends ComponentHealth {
  pending?: number;
  failed?: number;
}

export interface HealthReport {
  status: string;
  database: ComponentHealth;
  queue: QueueHealth;
  uptimeSeconds: number;
}

/** 93784 → "1 d 2 h", 4000 → "1 h 6 min", 42 → "42 s". */
export function formatUptime(seconds: number): string {
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
