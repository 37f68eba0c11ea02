// Prints the closing `N passed, N failed` line from jest JSON reports plus the non-jest steps,
// and exits non-zero when anything failed (or a jest run wrote no report, i.e. crashed).
const fs = require('fs');

const [stepPassed, stepFailed, failedSteps, ...reports] = process.argv.slice(2);
let passed = Number(stepPassed);
let failed = Number(stepFailed);
const problems = failedSteps
  ? failedSteps
      .split(' ')
      .filter(Boolean)
      .map((s) => `step ${s} failed`)
  : [];

for (const project of ['unit', 'browser']) {
  const file = reports.find((r) => r.endsWith(`jest-${project}.json`));
  if (!file || !fs.existsSync(file)) {
    failed += 1;
    problems.push(`jest ${project}: no report (jest crashed before running tests)`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no failed tests but is a failure all the same.
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')
  );
  failed += brokenSuites.length;
  brokenSuites.forEach((s) => problems.push(`jest ${project}: suite failed to run: ${s.name}`));
  report.testResults
    .flatMap((s) => s.assertionResults.filter((a) => a.status === 'failed').map((a) => `${s.name}: ${a.fullName}`))
    .forEach((t) => problems.push(`jest ${project}: ${t}`));
}

if (problems.length) {
  process.stdout.write(`\nFailures:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
