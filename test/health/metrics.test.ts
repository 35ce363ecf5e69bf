import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/health/metrics.js';

const line = (text: string, name: string): string | undefined =>
  text.split('\n').find((row) => row.startsWith(`${name} `) || row === name);

describe('GIVEN fresh metrics', () => {
  it('WHEN rendered THEN every metric has HELP and TYPE, unlabelled counters are 0, and the text ends with a newline', () => {
    const text = createMetrics().render();
    for (const name of [
      'boundary_bot_questions_total',
      'boundary_bot_answers_total',
      'boundary_bot_pins_total',
      'boundary_bot_rate_limited_total',
      'boundary_bot_errors_total',
    ]) {
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toContain(`# TYPE ${name} counter`);
    }
    expect(text).toContain('# TYPE boundary_bot_reply_latency_seconds histogram');
    expect(line(text, 'boundary_bot_rate_limited_total')).toBe('boundary_bot_rate_limited_total 0');
    expect(line(text, 'boundary_bot_errors_total')).toBe('boundary_bot_errors_total 0');
    expect(line(text, 'boundary_bot_reply_latency_seconds_count')).toBe(
      'boundary_bot_reply_latency_seconds_count 0',
    );
    expect(text).not.toContain('boundary_bot_questions_total{');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('GIVEN some activity', () => {
  const metrics = createMetrics();
  metrics.questionAsked('slash');
  metrics.questionAsked('slash');
  metrics.questionAsked('mention');
  metrics.answered('answer');
  metrics.answered('no-match');
  metrics.answered('answer');
  metrics.pinAction('pinned');
  metrics.rateLimited();
  metrics.rateLimited();
  metrics.errors();
  for (const seconds of [0.003, 0.02, 0.02, 0.3, 7]) metrics.replyLatency(seconds);
  const text = metrics.render();

  it('WHEN rendered THEN labelled counters count per label', () => {
    expect(text).toContain('boundary_bot_questions_total{source="slash"} 2\n');
    expect(text).toContain('boundary_bot_questions_total{source="mention"} 1\n');
    expect(text).toContain('boundary_bot_answers_total{kind="answer"} 2\n');
    expect(text).toContain('boundary_bot_answers_total{kind="no-match"} 1\n');
    expect(text).toContain('boundary_bot_pins_total{result="pinned"} 1\n');
    expect(line(text, 'boundary_bot_rate_limited_total')).toBe('boundary_bot_rate_limited_total 2');
    expect(line(text, 'boundary_bot_errors_total')).toBe('boundary_bot_errors_total 1');
  });

  it('WHEN rendered THEN histogram buckets are cumulative and +Inf equals the count', () => {
    const buckets = [
      ...text.matchAll(/^boundary_bot_reply_latency_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm),
    ].map((match) => [match[1], Number(match[2])]);
    expect(buckets).toEqual([
      ['0.005', 1],
      ['0.01', 1],
      ['0.025', 3],
      ['0.05', 3],
      ['0.1', 3],
      ['0.25', 3],
      ['0.5', 4],
      ['1', 4],
      ['2.5', 4],
      ['5', 4],
      ['+Inf', 5],
    ]);
    expect(line(text, 'boundary_bot_reply_latency_seconds_count')).toBe(
      'boundary_bot_reply_latency_seconds_count 5',
    );
    const sum = Number(line(text, 'boundary_bot_reply_latency_seconds_sum')?.split(' ')[1]);
    expect(sum).toBeCloseTo(7.343, 9);
  });

  it('WHEN rendered THEN every sample line is "name[{labels}] number"', () => {
    for (const row of text.split('\n').filter((r) => r && !r.startsWith('#'))) {
      expect(row).toMatch(/^[a-z_]+(\{[a-z]+="[^"]*"\})? -?\d+(\.\d+)?(e-?\d+)?$/);
    }
  });
});
