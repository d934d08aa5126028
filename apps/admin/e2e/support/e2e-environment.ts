const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

const apiPort = number(process.env.E2E_API_PORT, 3110);
const appPort = number(process.env.E2E_ADMIN_PORT, 3111);

/** Ports and the bootstrap admin for the admin console's end-to-end run. */
export const E2E = {
  apiPort,
  appPort,
  smtpPort: number(process.env.E2E_SMTP_PORT, 2611),
  apiUrl: `http://127.0.0.1:${apiPort}`,
  appUrl: `http://127.0.0.1:${appPort}`,
  adminEmail: 'admin@example.com' as string,
  adminPassword: 'e2e-admin-password-1' as string,
} as const;
