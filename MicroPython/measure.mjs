// npm run measure -- [--out <file>]
//
// Heap footprint of the MicroPython drivers in the MicroPython 1.27 WebAssembly VM
// (32-bit object layout, 16-byte GC blocks). Every figure comes from a fresh VM, with
// gc.collect() and gc.mem_alloc() driven from JavaScript: gc.collect() only marks a
// collection as pending, which then runs on entry of the next call into the VM, so each
// reading is collect() followed by mem_alloc().

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DRIVERS, ROOT, compileMpy, installFakes, newVM, readDir, versions, writeFiles } from "./vm.mjs";

const IMPORT_RUNS = 10; // fresh VMs for the raw first-import median (0..9 extra interned names)
const CALLS = 100; // calls per operation, GC disabled

// --- source transforms -----------------------------------------------------------------

// Replace every docstring (first statement of the module, a class or a def) with `pass`
// on blank-padded lines, so line numbers stay the same and the bytecode is that of the
// source without docstrings.
export function stripDocstrings(src) {
  const lines = src.split("\n");
  const out = [];
  let expectDoc = true;
  let inHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const s = line.trim();
    if (expectDoc && s.startsWith('"""')) {
      const indent = line.match(/^\s*/)[0];
      let j = i;
      if (!(s.length >= 6 && s.endsWith('"""'))) {
        j = i + 1;
        while (j < lines.length && !lines[j].includes('"""')) j++;
        if (j >= lines.length) throw new Error(`unterminated docstring at line ${i + 1}`);
      }
      out.push(`${indent}pass`);
      for (let k = i + 1; k <= j; k++) out.push("");
      i = j;
      expectDoc = false;
      continue;
    }
    out.push(line);
    if (s === "" || s.startsWith("#")) continue;
    if (/^(def|class)\s/.test(s)) inHeader = true;
    if (inHeader && /:\s*(#.*)?$/.test(s)) {
      inHeader = false;
      expectDoc = true;
    } else {
      expectDoc = false;
    }
  }
  const result = out.join("\n");
  if (result.includes('"""')) throw new Error("stripDocstrings: a triple-quoted string was left in the source");
  return result;
}

// `_NAME = const(x)` and `NAME = const(x)` become `NAME = x`, and every use of `_NAME`
// becomes `NAME`: the same module with plain public module constants.
export function plainConstants(src) {
  const defRe = /^(\s*)(_?)([A-Z][A-Z0-9_]*) = const\((.+?)\)(\s*#.*)?$/gm;
  const privateNames = [];
  for (const m of src.matchAll(defRe)) if (m[2] === "_") privateNames.push(m[3]);
  const code = stripDocstrings(src).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#.*$/gm, ""); // names outside strings/comments
  for (const name of privateNames) {
    if (new RegExp(`(^|[^\\w])${name}\\b`, "m").test(code)) throw new Error(`plainConstants: ${name} already exists`);
  }
  let out = src.replace(defRe, (_m, indent, _u, name, value, comment) => `${indent}${name} = ${value}${comment || ""}`);
  for (const name of privateNames) out = out.replace(new RegExp(`\\b_${name}\\b`, "g"), name);
  if (/\bconst\(/.test(stripDocstrings(out).replace(/#.*$/gm, ""))) throw new Error("plainConstants: const() left in the source");
  out = out.replace(/^from micropython import const\n/m, "");
  return out;
}

// --- measuring in the VM --------------------------------------------------------------

function meter(mp) {
  const gc = mp.pyimport("gc");
  const collect = gc.collect;
  const memAlloc = gc.mem_alloc;
  const reading = () => {
    collect();
    return memAlloc(); // the pending collection runs on entry of this call
  };
  return { gc, memAlloc, reading };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// One import of `module` from /lib/<fileName> in a fresh VM whose fakes (machine, time)
// are already imported, after `extraQstrs` extra interned names:
//   first    bytes retained by the first import (includes any qstr pool or chunk the
//            import happened to trigger, so it jumps with the pool fill level);
//   objects  bytes retained by a re-import after del sys.modules[module] (module, dict,
//            bytecode, functions, class, constants; the qstrs exist by then);
//   qstrs / qstrBytes  new interned names and their amortised size: string data
//            (micropython.qstr_info n_str_data_bytes) + 7 B pool entry each on 32-bit.
async function importOnce(fileName, data, module, extraQstrs = 0) {
  let lines = [];
  const mp = await newVM((l) => lines.push(l));
  installFakes(mp);
  writeFiles(mp, "/lib", { [fileName]: data });
  if (extraQstrs > 0) {
    mp.runPython(Array.from({ length: extraQstrs }, (_, i) => `pre_interned_${i} = 0`).join("\n"));
  }
  mp.runPython(
    `import sys, micropython\nm = None\ndef do_import():\n    global m\n    m = __import__('${module}')\n`
      + `def drop():\n    global m\n    m = None\n    del sys.modules['${module}']\n`
      + "def qstr_info():\n    micropython.qstr_info()",
  );
  const g = (n) => mp.globals.get(n);
  const qstrInfo = () => {
    lines = [];
    g("qstr_info")();
    const m = lines.join(" ").match(/n_qstr=(\d+), n_str_data_bytes=(\d+)/);
    if (!m) throw new Error(`unexpected qstr_info output: ${lines.join(" ")}`);
    return { n: Number(m[1]), bytes: Number(m[2]) };
  };
  const { reading } = meter(mp);
  reading();
  const q0 = qstrInfo();
  const a = reading();
  g("do_import")();
  const b = reading();
  const q1 = qstrInfo();
  g("drop")();
  const c = reading();
  g("do_import")();
  const d = reading();
  const qstrs = q1.n - q0.n;
  const qstrBytes = q1.bytes - q0.bytes + 7 * qstrs;
  return { first: b - a, objects: d - c, qstrs, qstrBytes, total: d - c + qstrBytes };
}

async function importCost(fileName, data, module) {
  const r = await importOnce(fileName, data, module);
  const firsts = [r.first];
  for (let q = 1; q < IMPORT_RUNS; q++) firsts.push((await importOnce(fileName, data, module, q)).first);
  return { ...r, firstMedian: median(firsts) };
}

// Per-driver rig: make() builds the instance; op_<Name>(n) runs the operation n times;
// prepare_<Name>() (optional) runs once before it, outside the measurement.
const RIGS = {
  VL6180X: `
import machine, time, vl6180x
from sim_vl6180x import VL6180XSim
bus = machine.I2C(0)
sim = bus.attach(VL6180XSim(factory_offset=2))
sim.distance_mm = 80
sim.als_counts = 1234
dev = None
def make():
    global dev
    dev = vl6180x.VL6180X(bus)
def op_ReadRange(n):
    for _ in range(n):
        dev.read_range()
def prepare_ReadRangeContinuous():
    dev.start_continuous(20)
def op_ReadRangeContinuous(n):
    for _ in range(n):
        dev.read_range_continuous()
def prepare_ReadLux():
    dev.stop_continuous()
    time.sleep_ms(30)
def op_ReadLux(n):
    for _ in range(n):
        dev.read_lux(6)
def verify():
    return dev.read_range() == 80 and sim.range_samples > 200 and sim.als_samples > 100
`,
  Mcp23008: `
import machine, mcp23008
from sim_mcp23008 import MCP23008Sim
bus = machine.I2C(0)
sim = bus.attach(MCP23008Sim(0x20))
dev = None
def make():
    global dev
    dev = mcp23008.MCP23008(bus, 0x20)
def prepare_WritePin():
    dev.set_mode(3, mcp23008.OUTPUT)
def op_WritePin(n):
    for i in range(n):
        dev.write_pin(3, i & 1)
def prepare_ReadPin():
    dev.set_mode(4, mcp23008.INPUT_PULLUP)
def op_ReadPin(n):
    for _ in range(n):
        dev.read_pin(4)
def prepare_ServeInterrupt():
    dev.set_mode(0, mcp23008.INPUT)
    dev.enable_interrupt(0)
    sim.events = 0
def op_ServeInterrupt(n):
    for i in range(n):
        sim.set_input(0, i & 1)
        dev.serve_interrupt()
def verify():
    return sim.events > 100 and not sim.pending and dev.read_pin(4) == 1
`,
  FlowMeter: `
import machine, time, flowmeter
pin = machine.Pin(4, machine.Pin.IN)
dev = None
def make():
    global dev
    dev = flowmeter.FlowMeter(pin, flowmeter.YF_S201)
def op_PulseHandler(n):
    for _ in range(n):
        time.advance_us(2222)
        pin.drive(1)
        pin.drive(0)
def op_Sample(n):
    for _ in range(n):
        for _ in range(30):
            time.advance_us(33333)
            pin.pulse()
        dev.sample()
def verify():
    return dev.pulses > 3000 and dev.rejected == 0
`,
};

const OPERATIONS = {
  VL6180X: ["ReadRange", "ReadRangeContinuous", "ReadLux"],
  Mcp23008: ["WritePin", "ReadPin", "ServeInterrupt"],
  FlowMeter: ["PulseHandler", "Sample"],
};

async function runtimeCosts(name, module, mpy) {
  const mp = await newVM();
  installFakes(mp);
  writeFiles(mp, "/lib", { [`${module}.mpy`]: mpy });
  mp.runPython(`def base(n):\n    for _ in range(n):\n        pass\n${RIGS[name]}`);
  const g = (n) => mp.globals.get(n);
  const { gc, memAlloc, reading } = meter(mp);

  reading();
  let before = reading();
  g("make")();
  const instance = reading() - before;

  const perCall = (fn) => {
    reading();
    gc.disable();
    const a = memAlloc();
    fn(CALLS);
    const b = memAlloc();
    gc.enable();
    return b - a;
  };
  const base = g("base");
  const operations = {};
  for (const op of OPERATIONS[name]) {
    const prepare = g(`prepare_${op}`);
    if (prepare) prepare();
    const fn = g(`op_${op}`);
    fn(3); // warm up
    const delta = perCall(fn) - perCall(base);
    operations[op] = Math.round((delta / CALLS) * 100) / 100;
  }
  if (!g("verify")()) throw new Error(`${name}: the measured operations did not do their work`);
  return { instance, operations };
}

export async function measureAll({ log = () => {} } = {}) {
  const sources = readDir("drivers");
  const drivers = {};
  const detail = {};
  for (const [name, { module }] of Object.entries(DRIVERS)) {
    const src = sources[`${module}.py`];
    const plain = plainConstants(src);
    const mpy = await compileMpy(`${module}.py`, src);
    const mpyPlain = await compileMpy(`${module}.py`, plain);
    const py = await importCost(`${module}.py`, stripDocstrings(src), module);
    const pyDoc = await importCost(`${module}.py`, src, module);
    const m = await importCost(`${module}.mpy`, mpy, module);
    const pyPlain = await importCost(`${module}.py`, stripDocstrings(plain), module);
    const mPlain = await importCost(`${module}.mpy`, mpyPlain, module);
    const rt = await runtimeCosts(name, module, mpy);
    drivers[name] = {
      module,
      importPy: py.total,
      importMpy: m.total,
      importPyPlainConsts: pyPlain.total,
      importMpyPlainConsts: mPlain.total,
      instance: rt.instance,
      operations: rt.operations,
    };
    detail[name] = { py, pyDoc, m, pyPlain, mPlain, mpyFileBytes: mpy.length };
    const fmt = (r) => `${r.total} (objects ${r.objects} + ${r.qstrs} qstrs ${r.qstrBytes}; raw first import ${r.firstMedian})`;
    log(`${name}: .py ${fmt(py)}; .py with docstrings ${fmt(pyDoc)}; .mpy ${fmt(m)}; plain .py ${fmt(pyPlain)}; plain .mpy ${fmt(mPlain)}`);
  }
  const list = (f) => Object.entries(detail).map(([n, d]) => `${n} ${f(d)}`).join(", ");
  const v = versions();
  return {
    source: `MicroPython ${v.runtime} (WebAssembly, 32-bit object layout) via @micropython/micropython-webassembly-pyscript; .mpy by @pybricks/mpy-cross-v6 ${v.mpyCross}`,
    blockBytes: 16,
    generated: new Date().toISOString(),
    notes: [
      "All figures are bytes of GC heap from gc.mem_alloc() deltas (16-byte blocks), each reading taken after a gc.collect() driven from JavaScript so that the collection has really run. Every import figure comes from its own fresh VM, and so does each driver's instance and operation set.",
      "import* = objects + qstrs. objects: bytes retained by re-importing the driver after del sys.modules (module object and globals dict, bytecode, function and class objects, constant objects such as long message strings and bytes tables), with the fake machine and time modules already imported so only the driver is counted. qstrs: the interned names the first import added, amortised as string data (micropython.qstr_info n_str_data_bytes) + 7 B pool entry per name on 32-bit. This is deterministic; a raw first-import delta also contains whatever qstr pool or string chunk the import happened to trigger, so it jumps by hundreds of bytes with the pool fill level. "
        + `Raw first-import deltas (median of ${IMPORT_RUNS} fresh VMs with 0..${IMPORT_RUNS - 1} extra names interned first), .py / .mpy: ${list((d) => `${d.py.firstMedian} / ${d.m.firstMedian}`)}.`,
      "importPy: the .py source compiled in the VM; its bytecode stays in RAM. Docstrings were stripped for this figure (each replaced by 'pass', line numbers unchanged) because the WebAssembly port keeps docstrings in RAM while the ESP32 port drops them. "
        + `With docstrings the .py import reads: ${list((d) => d.pyDoc.total)}. Compiling a .py also needs transient heap during the import (parser and compiler), which is not retained and not shown.`,
      `importMpy: the driver compiled by mpy-cross-v6 with default options (ABI v6, docstrings dropped, line numbers kept) and loaded from the file; its bytecode is copied into RAM. .mpy file sizes: ${list((d) => d.mpyFileBytes)} bytes. A frozen module would keep bytecode, constants and names in flash and cost roughly only its module dict and function/class objects (not measured here).`,
      "importPyPlainConsts / importMpyPlainConsts: the same driver after a source transform at measurement time that turns every `_NAME = const(x)` and `NAME = const(x)` into a plain `NAME = x` and renames the uses; docstrings stripped as for importPy. What the underscore-const advice saves is importPyPlainConsts - importPy and importMpyPlainConsts - importMpy.",
      "instance: bytes retained after constructing one driver object against the simulated chip: instance object, attribute table, preallocated bytearrays and memoryview slices, and for FlowMeter the bound IRQ handler created once. Construction-time garbage is collected before the reading.",
      `operations: bytes allocated per call, averaged over ${CALLS} calls with the GC disabled, minus an empty loop of the same length, on the .mpy driver after 3 warm-up calls. The fake I2C bus, the chip simulators, the Pin fake and the fake time module allocate nothing on these paths.`,
      "ReadRange = read_range() (ready check, one clear+start burst write, reads of 0x04D..0x062 until the sample is ready); ReadRangeContinuous = read_range_continuous() at a 20 ms period; ReadLux = read_lux() at gain 1 with 100 ms integration; WritePin = write_pin() (one write to OLAT); ReadPin = read_pin(); ServeInterrupt = serve_interrupt() after an input change (INTF, INTCAP and GPIO in one read); PulseHandler = one rising edge through the Pin IRQ handler; Sample = sample() closing a 1 s window of 30 pulses.",
      "ReadLux and Sample return a float (lux, L/min). With boxed floats (32-bit ports such as ESP32 use object representation A) each float is a 16-byte heap object, so each of these calls allocates exactly the float it returns; the intermediate values are small ints. FlowMeter.sample() allocates one more float when pulses_per_litre is itself a float (after calibrate()).",
      "Object sizes are those of a 32-bit object layout and match a 32-bit unix port; absolute baselines (what a board's ROM already interns or imports) differ, deltas carry over.",
    ],
    drivers,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  // npm runs scripts in the package folder; resolve --out against the caller's folder.
  const base = process.env.INIT_CWD || process.cwd();
  const out = i >= 0 && args[i + 1] ? resolve(base, args[i + 1]) : join(ROOT, "results", "footprint.json");
  const result = await measureAll({ log: (l) => console.log(l) });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  for (const [name, d] of Object.entries(result.drivers)) {
    console.log(
      `${name.padEnd(10)} import .py ${d.importPy} / .mpy ${d.importMpy}, plain consts .py ${d.importPyPlainConsts} / .mpy ${d.importMpyPlainConsts}, instance ${d.instance}, per call ${JSON.stringify(d.operations)}`,
    );
  }
  console.log(`written ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
