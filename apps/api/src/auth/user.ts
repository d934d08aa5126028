export const ROLES = ['admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The user as the API returns it (never the password hash). */
export type PublicUser = User;

export interface UserRepository {
  create(user: { email: string; displayName?: string | null; role: Role; passwordHash: string }): Promise<User>;
  get(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<(User & { passwordHash: string }) | null>;
  list(): Promise<User[]>;
  update(id: string, changes: Partial<Pick<User, 'role' | 'disabled' | 'displayName'>> & { passwordHash?: string }): Promise<User | null>;
  count(): Promise<number>;
  saveToken(token: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  findUserByToken(tokenHash: string, now: string): Promise<User | null>;
  /** The user of an unexpired token and when the token was last used (its creation when never recorded). */
  findSession(tokenHash: string, now: string): Promise<{ user: User; lastUsedAt: string } | null>;
  /** Records that the token was used at `at` (for the idle timeout). */
  touchToken(tokenHash: string, at: string): Promise<void>;
  deleteToken(tokenHash: string): Promise<void>;
  deleteTokensOfUser(userId: string): Promise<void>;
}
