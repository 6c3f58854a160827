/**
 * The job registry: a module declares each background job it runs by kind, with a zod schema for
 * its payload. The worker gets one handler per kind; a payload that does not match its schema
 * fails the job with a clear message (and is retried, then kept as failed for an admin to see).
 */
import type { z } from 'zod';
import type { JobContext, JobHandler } from '../jobs/index.ts';

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** Unique over the app, `<module>.<job>`. */
  kind: string;
  payload: S;
  handle(payload: z.output<S>, ctx: JobContext): Promise<void>;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/** One handler per kind, each parsing its payload first; two definitions of one kind are an error. */
export function jobHandlers(definitions: readonly JobDefinition[]): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {};
  for (const def of definitions) {
    if (def.kind in handlers) throw new Error(`two handlers for job kind ${def.kind}`);
    handlers[def.kind] = async (payload, ctx) => {
      const parsed = def.payload.safeParse(payload ?? {});
      if (!parsed.success) {
        throw new Error(`invalid payload for job ${def.kind}: ${parsed.error.issues[0]?.message ?? ''}`);
      }
      await def.handle(parsed.data, ctx);
    };
  }
  return handlers;
}
