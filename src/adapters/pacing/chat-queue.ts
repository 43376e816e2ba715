/**
 * Runs jobs one after another per chat, in the order they were queued; different chats run
 * side by side. Wechaty calls message listeners concurrently, so without this two quick
 * messages in one room could be handled out of order. Jobs must not throw (they are wrapped).
 */
export class ChatQueue {
  private readonly tails = new Map<string, Promise<void>>();

  push(chatId: string, job: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const next = previous.then(job).catch(() => undefined);
    this.tails.set(chatId, next);
    void next.then(() => {
      if (this.tails.get(chatId) === next) this.tails.delete(chatId);
    });
    return next;
  }

  /** Resolves when everything queued so far has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
