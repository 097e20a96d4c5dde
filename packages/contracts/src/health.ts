import { z } from 'zod';

export const healthSchema = z.object({
  db: z.enum(['ok', 'down']),
  redis: z.enum(['ok', 'down']),
});
export type Health = z.infer<typeof healthSchema>;
