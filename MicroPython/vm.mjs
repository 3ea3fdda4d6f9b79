// Shared helpers: load the MicroPython 1.27 WebAssembly VM, write the drivers, fakes and
// tests into its virtual file system, and compile .mpy files with mpy-cross-v6.

import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

const require = createRequire(import.meta.url);
export const ROOT = dirname(fileURLToPath(import.meta.url));

export const DRIVERS = {
  VL6180X: { module: "vl6180x" },
  Mcp23008: { module: "mcp23008" },
  FlowMeter: { module: "flowmeter" },
};

export function readDir(sub, ext = ".py") {
  const dir = join(ROOT, sub);
  const out = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(ext)) out[name] = readFileSync(join(dir, name), "utf8");
  }
  return out;
}

export function versions() {
  const v = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
  return { runtime: v("@micropython/micropython-webassembly-pyscript"), mpyCross: v("@pybricks/mpy-cross-v6") };
}

// A fresh VM. Output lines go to onLine.
export async function newVM(onLine = () => {}) {
  return loadMicroPython({ stdout: onLine, stderr: onLine, linebuffer: true });
}

// Write files ({name: text or Uint8Array}) into a directory of the VM file system.
export function writeFiles(mp, dir, files) {
  mp.FS.mkdirTree(dir);
  for (const [name, data] of Object.entries(files)) mp.FS.writeFile(`${dir}/${name}`, data);
}

// Fakes into /lib, the faketime module installed as `time`, machine imported.
export function installFakes(mp) {
  writeFiles(mp, "/lib", readDir("fakes"));
  mp.runPython("import sys, faketime\nsys.modules['time'] = faketime\nimport time, machine, micropython");
}

let compileFn;
// Compile Python source to a .mpy (ABI v6) with mpy-cross-v6 in-process.
export async function compileMpy(fileName, source) {
  if (!compileFn) {
    // Node 20: the package's Emscripten loader must not try fetch() for the wasm file.
    const savedFetch = globalThis.fetch;
    globalThis.fetch = undefined;
    try {
      compileFn = require("@pybricks/mpy-cross-v6").compile;
    } finally {
      globalThis.fetch = savedFetch;
    }
  }
  const wasm = require.resolve("@pybricks/mpy-cross-v6/build/mpy-cross-v6.wasm");
  const savedFetch = globalThis.fetch;
  globalThis.fetch = undefined;
  let r;
  try {
    r = await compileFn(fileName, source, [], wasm);
  } finally {
    globalThis.fetch = savedFetch;
  }
  if (r.status !== 0 || !r.mpy) throw new Error(`mpy-cross failed for ${fileName}: ${r.err.join("\n")}`);
  return r.mpy;
}
