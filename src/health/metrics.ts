/** Where a question came from. */
export type QuestionSource = 'slash' | 'mention' | 'dm' | 'context-menu' | 'forum';

/** Counters and one histogram, rendered in Prometheus' text format. Small on purpose: no client library. */
export interface Metrics {
  questionAsked(source: QuestionSource): void;
  answered(kind: string): void;
  pinAction(result: string): void;
  rateLimited(): void;
  /** A 👍/👎 click by result: helpful, unhelpful, repeat (same vote again) or failed. */
  vote(result: string): void;
  /** A question sent to a server's review queue, by reason (declined, unhelpful). */
  queued(reason: string): void;
  replyLatency(seconds: number): void;
  errors(): void;
  render(): string;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(): Metrics {
  const questions = new Map<string, number>();
  const answers = new Map<string, number>();
  const pins = new Map<string, number>();
  const votes = new Map<string, number>();
  const queue = new Map<string, number>();
  let limited = 0;
  let errorCount = 0;
  const buckets = LATENCY_BUCKETS.map(() => 0);
  let latencyCount = 0;
  let latencySum = 0;
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  const counter = (name: string, help: string, label: string, values: Map<string, number>): string[] => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} counter`,
    ...[...values].map(([key, value]) => `${name}{${label}="${key}"} ${value}`),
  ];
  return {
    questionAsked: (source) => bump(questions, source),
    answered: (kind) => bump(answers, kind),
    pinAction: (result) => bump(pins, result),
    vote: (result) => bump(votes, result),
    queued: (reason) => bump(queue, reason),
    rateLimited: () => {
      limited++;
    },
    errors: () => {
      errorCount++;
    },
    replyLatency(seconds) {
      latencyCount++;
      latencySum += seconds;
      LATENCY_BUCKETS.forEach((bound, index) => {
        if (seconds <= bound) buckets[index] = (buckets[index] ?? 0) + 1;
      });
    },
    render() {
      return [
        ...counter('boundary_bot_questions_total', 'Questions received.', 'source', questions),
        ...counter('boundary_bot_answers_total', 'Replies by kind.', 'kind', answers),
        ...counter('boundary_bot_pins_total', 'Pin actions by result.', 'result', pins),
        ...counter('boundary_bot_votes_total', 'Feedback clicks by result.', 'result', votes),
        ...counter('boundary_bot_review_queue_total', 'Questions sent to review queues.', 'reason', queue),
        '# HELP boundary_bot_rate_limited_total Questions refused by the per-user rate limit.',
        '# TYPE boundary_bot_rate_limited_total counter',
        `boundary_bot_rate_limited_total ${limited}`,
        '# HELP boundary_bot_errors_total Unexpected errors caught by the error boundary.',
        '# TYPE boundary_bot_errors_total counter',
        `boundary_bot_errors_total ${errorCount}`,
        '# HELP boundary_bot_reply_latency_seconds Time from receiving a question to Discord accepting the reply.',
        '# TYPE boundary_bot_reply_latency_seconds histogram',
        ...LATENCY_BUCKETS.map(
          (bound, index) => `boundary_bot_reply_latency_seconds_bucket{le="${bound}"} ${buckets[index] ?? 0}`,
        ),
        `boundary_bot_reply_latency_seconds_bucket{le="+Inf"} ${latencyCount}`,
        `boundary_bot_reply_latency_seconds_sum ${latencySum}`,
        `boundary_bot_reply_latency_seconds_count ${latencyCount}`,
        '',
      ].join('\n');
    },
  };
}
