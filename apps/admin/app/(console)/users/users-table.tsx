'use client';

import { useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import { useApiResource } from '@/lib/use-api-resource';
import { CreateUserDialog } from './create-user-form';
import { ResetPasswordDialog } from './reset-password-dialog';
import type { ConsoleUser } from './user-types';

type UsersPayload = { items: ConsoleUser[]; total: number } | ConsoleUser[];

export function UsersTable() {
  const resource = useApiResource<UsersPayload>('/admin/users');
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<ConsoleUser | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string; userId?: string } | null>(null);
  const users = Array.isArray(resource.data) ? resource.data : (resource.data?.items ?? []);

  function replaceUser(updated: ConsoleUser) {
    resource.setData({ items: users.map((user) => (user.id === updated.id ? updated : user)), total: users.length });
  }

  async function toggleDisabled(user: ConsoleUser) {
    setBusyId(user.id);
    setNotice(null);
    try {
      const updated = await api.patch<ConsoleUser>(`/admin/users/${encodeURIComponent(user.id)}`, { disabled: !user.disabled });
      replaceUser(updated);
      setNotice({ tone: 'success', text: `${updated.email} is now ${updated.disabled ? 'disabled and signed out' : 'active'}.` });
    } catch (error) {
      setNotice({ tone: 'error', text: error instanceof ApiError ? error.message : String(error), userId: user.id });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <PageHeader
        title="Users"
        description="Agents handle chats and cases in the agent workspace; admins also use this console."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            + Add user
          </Button>
        }
      />
      {notice && !notice.userId && (
        <Alert tone={notice.tone} className="mb-4">
          {notice.text}
        </Alert>
      )}
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Users" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={4} label="Loading users" />
        </Card>
      ) : users.length === 0 ? (
        <EmptyState title="No users yet" description="Add the agents who will handle chats and cases." action={<Button variant="primary" onClick={() => setCreating(true)}>+ Add user</Button>} />
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-6 py-3">User</th>
                <th scope="col" className="px-6 py-3">Role</th>
                <th scope="col" className="px-6 py-3">Status</th>
                <th scope="col" className="px-6 py-3">Added</th>
                <th scope="col" className="px-6 py-3 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => {
                const isSelf = session?.user.id === user.id;
                return (
                  <tr key={user.id} aria-label={user.email} className={user.disabled ? 'bg-slate-50/60 text-slate-400' : undefined}>
                    <td className="px-6 py-3.5">
                      <p className="font-medium text-slate-900">{user.displayName ?? user.email.split('@')[0]}</p>
                      <p className="text-xs text-slate-500">
                        {user.email}
                        {isSelf && ' · you'}
                      </p>
                      {notice?.userId === user.id && <p role="alert" className="mt-1 text-xs font-medium text-red-600">{notice.text}</p>}
                    </td>
                    <td className="px-6 py-3.5">
                      <Badge tone={user.role === 'admin' ? 'brand' : 'neutral'}>{user.role === 'admin' ? 'Admin' : 'Agent'}</Badge>
                    </td>
                    <td className="px-6 py-3.5">{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
                    <td className="px-6 py-3.5 text-slate-500">{new Date(user.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}</td>
                    <td className="px-6 py-3.5">
                      <div className="flex justify-end gap-2">
                        <Button size="sm" onClick={() => setResetting(user)}>
                          Reset password
                        </Button>
                        <Button size="sm" variant={user.disabled ? 'secondary' : 'danger'} disabled={isSelf} loading={busyId === user.id} onClick={() => toggleDisabled(user)} title={isSelf ? 'You cannot disable yourself' : undefined}>
                          {user.disabled ? 'Enable' : 'Disable'}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          resource.setData({ items: [...users, user], total: users.length + 1 });
          setNotice({ tone: 'success', text: `${user.email} can now sign in as ${user.role === 'admin' ? 'an admin' : 'an agent'}.` });
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          replaceUser(user);
          setNotice({ tone: 'success', text: `Password for ${user.email} was reset; their sessions were signed out.` });
        }}
      />
    </>
  );
}
