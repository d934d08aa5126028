import type { Note } from '../domain/audit.js';
import type { NoteRepository } from '../ports/repositories.js';
import { systemClock } from '../ports/services.js';
import type { InMemoryRepositoryOptions } from './in-memory-case-repository.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

/** A NoteRepository in memory; a note with an existing `dedupeKey` is not added twice. */
export class InMemoryNoteRepository implements NoteRepository {
  private readonly notes: Note[] = [];
  private readonly clock;
  private readonly ids;

  constructor(options: InMemoryRepositoryOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? new SequentialIdGenerator('note');
  }

  async add(note: Omit<Note, 'id' | 'createdAt'>): Promise<{ note: Note; created: boolean }> {
    if (note.dedupeKey) {
      const existing = this.notes.find((candidate) => candidate.dedupeKey === note.dedupeKey);
      if (existing) return { note: structuredClone(existing), created: false };
    }
    const stored: Note = { ...structuredClone(note), id: this.ids.next(), createdAt: this.clock.now().toISOString() };
    this.notes.push(stored);
    return { note: structuredClone(stored), created: true };
  }

  /** Oldest first. */
  async listForCase(caseId: string): Promise<Note[]> {
    return structuredClone(this.notes.filter((note) => note.caseId === caseId));
  }
}
