'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchAsDataUrl } from '@/lib/download';
import { buildEmailDocument, inlineContentIds, replaceContentIds, sanitizeEmailHtml } from '@/lib/email-html';

/**
 * An email's HTML, sanitized and shown in a sandboxed iframe where no script can run
 * (no `allow-scripts`, plus a CSP with `script-src 'none'`). Remote images wait for the agent's consent.
 */
export function EmailHtmlFrame({ html, title, emailId }: { html: string; title: string; emailId: string }) {
  const [allowRemote, setAllowRemote] = useState(false);
  const [height, setHeight] = useState(160);
  const frame = useRef<HTMLIFrameElement>(null);
  const [inlineImages, setInlineImages] = useState<Record<string, string>>({});
  useEffect(() => {
    const ids = inlineContentIds(html);
    if (ids.length === 0) return;
    let cancelled = false;
    void Promise.all(
      ids.map((id) =>
        fetchAsDataUrl(`/emails/${encodeURIComponent(emailId)}/attachments/${encodeURIComponent(`cid:${id}`)}`).then(
          (url) => [id, url] as const,
          () => null,
        ),
      ),
    ).then((loaded) => {
      if (!cancelled) setInlineImages(Object.fromEntries(loaded.filter((entry): entry is readonly [string, string] => entry !== null)));
    });
    return () => {
      cancelled = true;
    };
  }, [html, emailId]);
  const sanitized = useMemo(() => sanitizeEmailHtml(replaceContentIds(html, inlineImages), { allowRemote }), [html, inlineImages, allowRemote]);
  const document = useMemo(() => buildEmailDocument(sanitized.html, allowRemote), [sanitized.html, allowRemote]);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => {
      const body = element.contentDocument?.body;
      if (body) setHeight(Math.min(2000, Math.max(80, body.scrollHeight + 4)));
    };
    element.addEventListener('load', measure);
    return () => element.removeEventListener('load', measure);
  }, [document]);

  return (
    <div>
      {sanitized.blockedRemote > 0 && !allowRemote && (
        <div className="mb-2 flex items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200" role="status">
          <span>
            {sanitized.blockedRemote} remote {sanitized.blockedRemote === 1 ? 'image was' : 'images were'} blocked to protect your privacy.
          </span>
          <button type="button" className="font-semibold underline hover:no-underline" onClick={() => setAllowRemote(true)}>
            Load remote images
          </button>
        </div>
      )}
      <iframe
        ref={frame}
        title={title}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={document}
        style={{ height }}
        className="w-full rounded-md border border-slate-200 bg-white"
        data-testid="email-html"
      />
    </div>
  );
}
