import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread (Linux, where the nice value is per thread and
 * /proc/thread-self names the thread), so that background work such as window evaluation yields the CPU to request
 * handling when both want it; a backlog of windows then drains when ingestion pauses. Returns whether it could: on
 * other systems, or without permission, the thread keeps its priority.
 * @example lowerThreadPriority(10); // in a worker thread
 */
export function lowerThreadPriority(niceness: number): boolean {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, niceness);
    return true;
  } catch {
    return false;
  }
}
