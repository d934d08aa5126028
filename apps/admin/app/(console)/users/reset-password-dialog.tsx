'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { Modal } from '@/components/ui/modal';
import { ApiError, api } from '@/lib/api-client';
import { generatePassword, type ConsoleUser } from './user-types';

export function ResetPasswordDialog({ user, onClose, onDone }: { user: ConsoleUser | null; onClose: () => void; onDone: (user: ConsoleUser) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);

  function close() {
    setPassword('');
    setError(undefined);
    onClose();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!user) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const updated = await api.patch<ConsoleUser>(`/admin/users/${encodeURIComponent(user.id)}`, { password });
      setPassword('');
      onDone(updated);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) });
      setError(apiError.fieldErrors.password ?? apiError.message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal open={user !== null} title="Reset password" description={user ? `Set a new password for ${user.email}. Their open sessions end.` : undefined} onClose={close}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Reset password">
        <div className="flex items-end gap-2">
          <TextField label="New password" className="flex-1" autoComplete="new-password" value={password} error={error} hint="At least 10 characters and hard to guess (no common passwords)." onChange={(event) => setPassword(event.target.value)} />
          <Button className="mb-6" onClick={() => setPassword(generatePassword())}>
            Generate
          </Button>
        </div>
        <div className="flex justify-end gap-3">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" loading={submitting}>
            Set password
          </Button>
        </div>
      </form>
    </Modal>
  );
}
