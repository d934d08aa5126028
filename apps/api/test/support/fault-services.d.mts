export declare const API_ROOT: string;
export declare const ADMIN: { email: string; password: string };
export declare function sleep(ms: number): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function canConnect(port: number): Promise<boolean>;
export declare function temporaryFolder(prefix?: string): string;

export declare class PrivateRedis {
  readonly port: number;
  static start(): Promise<PrivateRedis>;
  get url(): string;
  start(): Promise<void>;
  kill(): Promise<void>;
}

export declare class PrivatePostgres {
  readonly port: number;
  static start(): Promise<PrivatePostgres>;
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  destroy(): Promise<void>;
}

export interface ApiProcess {
  label: string;
  url: string;
  smtpPort: number;
  logFile: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: string | null }>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export declare function startApi(options: { label: string; workDir: string; databaseUrl: string; redisUrl?: string; env?: Record<string, string> }): Promise<ApiProcess>;
