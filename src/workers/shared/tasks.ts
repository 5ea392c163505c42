/**
 * Every task a background job can run, by name: the union of the feature tables. One worker
 * (tasks.worker.ts) serves them all, so the page needs one worker client and one protocol, and a
 * new feature adds its table here (a new task in an existing family is one line in its table).
 *
 * The page imports only the types below (`import type`), which give each task name its argument
 * tuple and result, so a job's arguments are checked where they are written.
 */
import { experimentTasks } from '../experiments/experimentTasks';
import { facesTasks } from '../faces/facesTasks';
import { generationsTasks } from '../generations/generationsTasks';
import { privacyTasks } from '../privacy/privacyTasks';
import type { TaskTable } from './protocol';

export const tasks = { ...experimentTasks, ...facesTasks, ...generationsTasks, ...privacyTasks } satisfies TaskTable;

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
/** The argument tuple of a task. */
export type TaskArgs<K extends TaskName> = Parameters<Tasks[K]>[0];
/** What a task resolves with. */
export type TaskResult<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;
