import { nextTask } from './nextTask';

it('resolves after the current task: microtasks queued before it run first', async () => {
  const order: string[] = [];
  const done = nextTask().then(() => order.push('next task'));
  Promise.resolve().then(() => order.push('microtask'));
  await done;
  expect(order).toEqual(['microtask', 'next task']);
});
