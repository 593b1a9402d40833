// The jest configuration StrykerJS runs (`npm run mutate`): the suite's, but in one process.
// Stryker collects per-test coverage inside the process that runs the tests, and jest runs the
// tests in separate workers whenever workerIdleMemoryLimit is set, even in band.
const { workerIdleMemoryLimit: _inWorkersOnly, ...base } = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = base;
