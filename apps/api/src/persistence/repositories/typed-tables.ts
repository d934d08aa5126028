import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';

/** The tables queried with typed Kysely (hot paths without entity machinery), as the database sees them. */
export interface TypedTables {
  conversations: {
    id: string;
    state: string;
    /** JSON: written as text; read back as text on SQLite, parsed on PostgreSQL. */
    customer: unknown;
    context: unknown;
    origin: string;
    agent_id: string | null;
    case_id: string | null;
    created_at: string;
    accepted_at: string | null;
    ended_at: string | null;
  };
  chat_messages: {
    id: string;
    conversation_id: string;
    sequence: number;
    sender: string;
    sender_name: string | null;
    text: string;
    at: string;
  };
  counters: {
    name: string;
    value: number | string;
  };
}

/**
 * MikroORM's Kysely for these tables, on `em`'s connection or the transaction `em` is in. Kysely binds every
 * value as a parameter (unlike `connection.execute`, which pastes values into the SQL text).
 */
export function typedTables(em: EntityManager): Kysely<TypedTables> {
  return (em as SqlEntityManager).getKysely<TypedTables>();
}
