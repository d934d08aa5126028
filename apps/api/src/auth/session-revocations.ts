/**
 * What ended: one session (a logout) or every session of a user (disabled, password reset,
 * tokens deleted) — or a role change, which keeps the tokens but must end live connections
 * that were authorised under the old role.
 */
export type SessionRevocation = { kind: 'session'; tokenHash: string } | { kind: 'user'; userId: string };

export type SessionRevocationListener = (revocation: SessionRevocation) => void;

/** Listeners told when sessions end (the socket gateway disconnects the matching sockets on every process). */
export class SessionRevocations {
  private readonly listeners = new Set<SessionRevocationListener>();

  subscribe(listener: SessionRevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(revocation: SessionRevocation): void {
    for (const listener of this.listeners) listener(revocation);
  }
}
