/**
 * What is down right now and why: the stack reports its Postgres, the gateway's parts report their
 * own long-lived connections (replication, the functions host). `GET /health` on the gateway renders
 * it — 200 `ok`, or 503 `degraded` with one reason per part that is down — so a probe, a person or
 * the fault suite can tell "reconnecting" from "dead".
 */
export interface HealthReport {
  status: 'ok' | 'degraded';
  /** Part → why it is down; empty when everything is up. */
  down: Record<string, string>;
}

export class HealthBoard {
  private readonly down = new Map<string, string>();

  /** `reason` null marks the part up again. */
  set(part: string, reason: string | null): void {
    if (reason === null) this.down.delete(part);
    else this.down.set(part, reason);
  }

  report(): HealthReport {
    return {
      status: this.down.size === 0 ? 'ok' : 'degraded',
      down: Object.fromEntries([...this.down].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}
