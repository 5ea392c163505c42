/**
 * The one task worker: serves every task in tasks.ts. Each job on the page has its own instance
 * (a worker channel), so cancelling one job, which terminates its worker, leaves the others running.
 */
import { serve } from './host';
import { tasks } from './tasks';

serve(tasks);
