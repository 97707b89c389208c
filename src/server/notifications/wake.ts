// "Something waits to be sent": tell() rings this after queuing an e-mail, an SMS or a push, and
// the jobs (src/server/jobs/boss.ts) answer by delivering a moment later rather than at the next
// minute. Without jobs (tests, the CLI) nobody listens and the outbox waits for its run.

type Listener = () => void;
const state = globalThis as unknown as { __messagesQueuedListeners?: Listener[] };

export function onMessagesQueued(listener: Listener): void {
  (state.__messagesQueuedListeners ??= []).push(listener);
}

export function messagesQueued(): void {
  for (const listener of state.__messagesQueuedListeners ?? []) listener();
}
