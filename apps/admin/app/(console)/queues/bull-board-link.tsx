'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { apiRequest, ApiError } from '@/lib/api-client';

interface BoardSession {
  path: string;
  expiresAt: string;
}

/**
 * With the Bull queue: a button that asks the API for a one-time bull-board link (admins only)
 * and opens it in a new tab, where it sets the board's own httpOnly cookie. With the in-process
 * queue: says that the board comes with Redis.
 */
export function BullBoardLink({ queueKind }: { queueKind: string }) {
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  if (queueKind !== 'bull') {
    return (
      <Card>
        <CardHeader
          title="bull-board"
          description={
            <>
              Jobs run inside the API process. Set <code className="rounded bg-slate-100 px-1 font-mono text-xs">REDIS_URL</code> to run them on Bull queues shared by several API and worker processes; bull-board, for inspecting and retrying individual jobs, is available with Redis.
            </>
          }
        />
      </Card>
    );
  }

  async function openBoard() {
    setOpening(true);
    setError(undefined);
    // Opened before the request so the browser treats it as a response to the click.
    const tab = window.open('', '_blank');
    try {
      const session = await apiRequest<BoardSession>('/admin/queues/board-session', { method: 'POST' });
      if (!tab) {
        window.location.assign(session.path);
        return;
      }
      tab.opener = null;
      tab.location.href = session.path;
    } catch (caught) {
      tab?.close();
      setError(caught instanceof ApiError ? caught.message : 'Could not open bull-board. Try again.');
    } finally {
      setOpening(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="bull-board"
        description="Jobs run on Bull (Redis). Inspect, retry or clean individual jobs in bull-board; the link opens a 30-minute session in a new tab."
        actions={
          <Button variant="primary" loading={opening} onClick={() => void openBoard()}>
            Open bull-board
          </Button>
        }
      />
      {error && (
        <div className="px-6 pb-5">
          <Alert tone="error" title="bull-board did not open">
            {error}
          </Alert>
        </div>
      )}
    </Card>
  );
}
