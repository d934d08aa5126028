'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/form-field';
import { validateSurvey, type PreChatSurvey as Survey } from '@/lib/customer-chat-api';

/** Name, email and question before the chat starts; the question becomes the first message. */
export function PreChatSurvey({ onStart }: { onStart: (survey: Survey) => Promise<void> }) {
  const [survey, setSurvey] = useState<Survey>({ name: '', email: '', question: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Survey, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const set = (key: keyof Survey) => (event: { target: { value: string } }) => {
    setSurvey((current) => ({ ...current, [key]: event.target.value }));
    setErrors(({ [key]: _removed, ...rest }) => rest);
  };

  async function submit() {
    const found = validateSurvey(survey);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setStarting(true);
    setFailure(null);
    try {
      await onStart(survey);
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : String(caught));
      setStarting(false);
    }
  }

  return (
    <form
      noValidate
      className="flex flex-1 flex-col gap-4 overflow-y-auto p-5"
      aria-label="Start a chat"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-600">Tell us who you are and what you need; an agent will join you in a moment.</p>
      <TextField label="Your name" autoComplete="name" value={survey.name} onChange={set('name')} error={errors.name} />
      <TextField label="Email" type="email" autoComplete="email" value={survey.email} onChange={set('email')} error={errors.email} />
      <TextAreaField label="How can we help?" rows={4} value={survey.question} onChange={set('question')} error={errors.question} placeholder="e.g. My order ORD-123456 has not arrived yet." />
      {failure && <Alert tone="error" title="The chat could not start">{failure}</Alert>}
      <Button type="submit" variant="primary" loading={starting} className="mt-auto w-full">
        Start chat
      </Button>
    </form>
  );
}
