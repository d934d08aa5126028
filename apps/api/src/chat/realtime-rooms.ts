import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';

/**
 * The socket.io server's rooms, for whoever needs to emit (the gateway's event bridge, the
 * queued case work). Kept apart from the gateway so services the gateway uses can emit too.
 */
@Injectable()
export class RealtimeRooms {
  private server: Server | undefined;

  attach(server: Server): void {
    this.server = server;
  }

  /** Emits to a room (every process's sockets in it, through the Redis adapter when configured). */
  emit(room: string, event: string, payload: Record<string, unknown>): void {
    this.server?.to(room).emit(event, payload);
  }
}
