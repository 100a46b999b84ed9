import { z } from 'zod';
import { SeveritySchema } from './finding.js';

/** A rule's setting, ESLint style: "off" | severity | [severity, options] | { severity, options }. */
export const RuleSettingSchema = z.union([
  z.literal('off'),
  z.literal('on'),
  SeveritySchema,
  z.tuple([z.union([SeveritySchema, z.literal('on')]), z.record(z.string(), z.unknown())]),
  z
    .object({
      enabled: z.boolean().optional(),
      severity: SeveritySchema.optional(),
      options: z.record(z.string(), z.unknown()).optional(),
      /** Most findings this rule lists for one source (overrides maxFindingsPerRule; 0 lifts the limit). */
      maxFindings: z.number().int().min(0).optional(),
    })
    .strict(),
]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const FailOnSchema = z.enum(['error', 'warning', 'info', 'never']);
export type FailOn = z.infer<typeof FailOnSchema>;

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), RuleSettingSchema).default({}),
    failOn: FailOnSchema.optional(),
    /**
     * Most findings one rule lists for one source (default 50; 0 lifts the limit). Findings beyond it
     * are counted, by severity, in the source's result and its reports, not listed.
     */
    maxFindingsPerRule: z.number().int().min(0).optional(),
    /** Put named entities (compromise) in each source's result. Off by default: it costs throughput. */
    entities: z.boolean().optional(),
    scoring: z
      .object({
        error: z.number().min(0).optional(),
        warning: z.number().min(0).optional(),
        info: z.number().min(0).optional(),
        /** Most points one rule can take off, so one noisy rule cannot sink a source alone. */
        perRuleCap: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;
