import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Autocase Admin', template: '%s · Autocase Admin' },
  description: 'Configure how Autocase turns chats and emails into cases.',
};

/** Rendered per request: each response carries its own CSP nonce (set by proxy.ts), which Next puts on its scripts. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
