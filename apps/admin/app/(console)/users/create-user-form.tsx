'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { Modal } from '@/components/ui/modal';
import { ApiError, api } from '@/lib/api-client';
import { generatePassword, type ConsoleUser } from './user-types';

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: ConsoleUser, password: string) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function reset() {
    setEmail('');
    setDisplayName('');
    setRole('agent');
    setPassword('');
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setErrors({});
    setFormError(null);
    try {
      const created = await api.post<ConsoleUser>('/admin/users', { email: email.trim(), password, role, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) });
      onCreated(created, password);
      reset();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, { message: String(error) });
      setErrors(apiError.fieldErrors);
      if (Object.keys(apiError.fieldErrors).length === 0) setFormError(apiError.status === 409 ? `A user with the email ${email.trim()} already exists.` : apiError.message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title="Add a user"
      description="Agents handle chats and cases; admins also configure Autocase."
      onClose={() => {
        reset();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add a user">
        {formError && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
        <TextField label="Email" type="email" autoComplete="off" value={email} error={errors.email} onChange={(event) => setEmail(event.target.value)} />
        <TextField label="Display name" hint="Optional. Shown to customers in chat." value={displayName} error={errors.displayName} onChange={(event) => setDisplayName(event.target.value)} />
        <SelectField label="Role" value={role} error={errors.role} onChange={(event) => setRole(event.target.value as 'agent' | 'admin')}>
          <option value="agent">Agent</option>
          <option value="admin">Admin</option>
        </SelectField>
        <div className="flex items-end gap-2">
          <TextField label="Initial password" className="flex-1" autoComplete="new-password" value={password} error={errors.password} hint="At least 10 characters and hard to guess (no common passwords). Share it with the user privately." onChange={(event) => setPassword(event.target.value)} />
          <Button className="mb-6" onClick={() => setPassword(generatePassword())}>
            Generate
          </Button>
        </div>
        <div className="flex justify-end gap-3 pt-2">
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
          >
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={submitting}>
            Create user
          </Button>
        </div>
      </form>
    </Modal>
  );
}
