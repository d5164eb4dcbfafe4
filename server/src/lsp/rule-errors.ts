/** Logs a rule that throws, once per rule and document, so one broken check neither floods the log nor hides. */
export class RuleErrorLog {
  private readonly seen = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** The engine's `onRuleError` for one document. */
  handler(uri: string): (ruleId: string, error: unknown) => void {
    return (ruleId, error) => {
      const key = `${uri}\n${ruleId}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      const detail = error instanceof Error ? error.stack ?? error.message : String(error);
      this.log(`Rule ${ruleId} failed on ${uri}; its findings are missing, the other rules still ran.\n${detail}`);
    };
  }

  forget(uri: string): void {
    for (const key of this.seen) if (key.startsWith(`${uri}\n`)) this.seen.delete(key);
  }
}
