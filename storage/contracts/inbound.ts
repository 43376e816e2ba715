/** Storage contract: The durable inbox: each platform message is handled once. */

export interface InboundRepository {
  /** Records a platform message as handled; false when it was handled before. */
  claim(platform: string, messageId: string, chatId: string, at: string, outcome: string): Promise<boolean>;
  setOutcome(platform: string, messageId: string, outcome: string): Promise<void>;
}
