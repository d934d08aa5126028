// Preloaded into a benchmarked API (`node --require`): counts the SQL statements better-sqlite3
// prepares, by statement shape, and writes them to BENCH_SQL_COUNT_FILE when the process exits.
const { writeFileSync } = require('node:fs');
const Database = require('better-sqlite3');

const target = process.env.BENCH_SQL_COUNT_FILE;
const counts = new Map();
const originalPrepare = Database.prototype.prepare;

function shapeOf(sql) {
  return String(sql)
    .replace(/\s+/g, ' ')
    .replace(/\((\s*\?\s*,)+\s*\?\s*\)/g, '(?…)')
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .slice(0, 200);
}

Database.prototype.prepare = function countedPrepare(sql, ...rest) {
  const shape = shapeOf(sql);
  counts.set(shape, (counts.get(shape) ?? 0) + 1);
  return originalPrepare.call(this, sql, ...rest);
};

process.on('exit', () => {
  if (!target) return;
  const statements = [...counts.entries()].sort((left, right) => right[1] - left[1]).map(([sql, count]) => ({ sql, count }));
  writeFileSync(target, JSON.stringify({ total: statements.reduce((sum, entry) => sum + entry.count, 0), statements }));
});
