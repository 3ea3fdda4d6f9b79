// npm test: run the Python test suite in the MicroPython 1.27 WebAssembly VM (one fresh VM
// per test module), then the footprint measurement with its sanity checks as tests.
// Prints "ok <name>" / "FAIL <name>: <reason>" per test and a final line
// "micropython: N passed, N failed"; exits non-zero if anything failed or nothing ran.

import { DRIVERS, installFakes, newVM, readDir, writeFiles } from "./vm.mjs";
import { measureAll } from "./measure.mjs";

let passed = 0;
let failed = 0;

function report(line) {
  console.log(line);
  if (line.startsWith("ok ")) passed++;
  else if (line.startsWith("FAIL ")) failed++;
}

async function runPythonTests() {
  const drivers = readDir("drivers");
  const tests = readDir("tests");
  for (const file of Object.keys(tests).filter((n) => /^test_.*\.py$/.test(n))) {
    const mod = file.slice(0, -3);
    const lines = [];
    const mp = await newVM((line) => lines.push(line));
    try {
      installFakes(mp);
      writeFiles(mp, "/lib", drivers);
      writeFiles(mp, "/tests", tests);
      mp.runPython(`import sys\nsys.path.append('/tests')\nimport testing\ntesting.run('${mod}')`);
    } catch (e) {
      lines.push(`FAIL ${mod.slice(5)}: could not run the module: ${String(e.message || e).split("\n").filter(Boolean).pop()}`);
    }
    for (const line of lines) {
      if (line.startsWith("ok ") || line.startsWith("FAIL ")) report(line);
      else if (line.trim()) console.log(`  | ${line}`);
    }
  }
}

function check(name, cond, reason) {
  report(cond ? `ok ${name}` : `FAIL ${name}: ${reason}`);
}

async function runMeasurementChecks() {
  let result;
  try {
    result = await measureAll();
  } catch (e) {
    report(`FAIL measure.run: ${String(e.message || e).split("\n").filter((l) => l.trim()).pop()}`);
    return;
  }
  // Operations that return small ints or nothing through preallocated buffers.
  const preallocated = {
    VL6180X: ["ReadRange", "ReadRangeContinuous"],
    Mcp23008: ["WritePin", "ReadPin", "ServeInterrupt"],
    FlowMeter: ["PulseHandler"],
  };
  for (const [name, d] of Object.entries(result.drivers)) {
    const tag = `measure.${DRIVERS[name].module}`;
    check(`${tag}.instance_cost_positive`, d.instance > 0, `instance = ${d.instance}`);
    for (const op of preallocated[name]) {
      check(`${tag}.${op}_allocates_nothing`, d.operations[op] === 0, `${op} allocates ${d.operations[op]} bytes per call`);
    }
    check(`${tag}.mpy_import_not_above_py`, d.importMpy <= d.importPy, `.mpy ${d.importMpy} > .py ${d.importPy}`);
    check(
      `${tag}.private_consts_not_above_plain`,
      d.importMpy <= d.importMpyPlainConsts,
      `.mpy with _NAME = const() ${d.importMpy} > plain constants ${d.importMpyPlainConsts}`,
    );
  }
}

const t0 = Date.now();
await runPythonTests();
await runMeasurementChecks();
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`micropython: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
