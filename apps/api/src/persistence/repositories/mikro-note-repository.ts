import type { InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { Clock, Note, NoteRepository } from '@autocase/core';
import { NoteEntity } from '../entities/index.js';
import { reserveCounterValues } from './sql-counter.js';

type NoteRow = InferEntity<typeof NoteEntity>;

function toNote(row: NoteRow): Note {
  return { id: row.id, caseId: row.caseId, kind: row.kind as Note['kind'], body: row.body, authorId: row.authorId ?? null, dedupeKey: row.dedupeKey ?? null, createdAt: row.createdAt };
}

export class MikroNoteRepository implements NoteRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async add(note: Omit<Note, 'id' | 'createdAt'>): Promise<{ note: Note; created: boolean }> {
    const em = this.orm.em.fork();
    if (note.dedupeKey) {
      const existing = await em.findOne(NoteEntity, { dedupeKey: note.dedupeKey });
      if (existing) return { note: toNote(existing), created: false };
    }
    const created: Note = { ...note, id: randomUUID(), authorId: note.authorId ?? null, dedupeKey: note.dedupeKey ?? null, createdAt: this.clock.now().toISOString() };
    try {
      await em.insert(NoteEntity, { id: created.id, sequence: await reserveCounterValues(em, 'note'), caseId: created.caseId, kind: created.kind, body: created.body, authorId: created.authorId ?? null, dedupeKey: created.dedupeKey ?? null, createdAt: created.createdAt });
      return { note: created, created: true };
    } catch (error) {
      // Two writers raced on the same dedupe key: the other one won, return its note.
      if (error instanceof UniqueConstraintViolationException && note.dedupeKey) {
        const winner = await this.orm.em.fork().findOne(NoteEntity, { dedupeKey: note.dedupeKey });
        if (winner) return { note: toNote(winner), created: false };
      }
      throw error;
    }
  }

  async listForCase(caseId: string): Promise<Note[]> {
    const rows = await this.orm.em.fork().find(NoteEntity, { caseId }, { orderBy: { sequence: 'asc' } });
    return rows.map(toNote);
  }
}
