import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConversationOptions } from '../core/conversation.js';

/** Prometheus metrics for `/metrics`: updates, answers, no-answers and latency per channel — no texts, no ids. */
export class Metrics {
  readonly registry = new Registry();
  readonly updates = new Counter({ name: 'lotse_updates_total', help: 'Messages and button presses received', labelNames: ['channel', 'kind'], registers: [this.registry] });
  readonly answers = new Counter({ name: 'lotse_answers_total', help: 'Questions answered with confidence', labelNames: ['channel'], registers: [this.registry] });
  readonly noAnswers = new Counter({ name: 'lotse_no_answers_total', help: 'Questions without a good answer', labelNames: ['channel'], registers: [this.registry] });
  readonly errors = new Counter({ name: 'lotse_errors_total', help: 'Messages whose handling failed', labelNames: ['channel'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'lotse_reply_seconds',
    help: 'Time from a message to its replies, without sending',
    labelNames: ['channel'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(defaults = true) {
    if (defaults) collectDefaultMetrics({ register: this.registry, prefix: 'lotse_' });
  }

  onHandled: NonNullable<ConversationOptions['onHandled']> = ({ channel, kind, outcome, seconds }) => {
    this.updates.inc({ channel, kind });
    if (outcome === 'answered') this.answers.inc({ channel });
    if (outcome === 'unanswered') this.noAnswers.inc({ channel });
    if (outcome === 'error') this.errors.inc({ channel });
    this.latency.observe({ channel }, seconds);
  };
}
