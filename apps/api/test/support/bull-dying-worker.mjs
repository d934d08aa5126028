// A worker process that takes a job and is then killed mid-job by the test (SIGKILL).
import Bull from 'bull';

const [redisUrl, queueName, jobName] = process.argv.slice(2);
const queue = new Bull(queueName, redisUrl, { settings: { lockDuration: 1000, lockRenewTime: 500, stalledInterval: 500 } });
queue.process(jobName, async () => {
  process.send?.('started');
  await new Promise(() => undefined);
});
process.send?.('ready');
