import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { BenchData } from './bench-item.js';

/** A Python interpreter found on PATH and the versions of the reference modules it can import. */
export interface PythonInterpreter {
  readonly executable: string;
  readonly version: string;
  readonly modules: Readonly<Record<string, string>>;
}

const PROBED_MODULES = ['numpy', 'scipy', 'sklearn'];

/**
 * Finds every python3 on PATH (or the one named by BOTHUB_BENCH_PYTHON) and the reference modules each imports,
 * so an item that needs scikit-learn can use a different interpreter from one that needs only numpy.
 */
export function findPythonInterpreters(): PythonInterpreter[] {
  const candidates = new Set<string>();
  const override = process.env.BOTHUB_BENCH_PYTHON;
  if (override) candidates.add(override);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/^python3(\.\d+)?$/.test(name)) continue;
      const full = join(dir, name);
      try {
        accessSync(full, constants.X_OK);
        candidates.add(full);
      } catch {
        // not executable: skip
      }
    }
  }
  const probe = [
    'import json, sys, importlib',
    'mods = {}',
    `for m in ${JSON.stringify(PROBED_MODULES)}:`,
    '    try:',
    '        mods[m] = importlib.import_module(m).__version__',
    '    except Exception:',
    '        pass',
    'print(json.dumps({"version": sys.version.split()[0], "modules": mods}))',
  ].join('\n');
  const found: PythonInterpreter[] = [];
  const seen = new Set<string>();
  for (const executable of candidates) {
    try {
      const out = execFileSync(executable, ['-c', probe], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
      const parsed = JSON.parse(out) as { version: string; modules: Record<string, string> };
      const key = `${parsed.version} ${JSON.stringify(parsed.modules)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ executable, version: parsed.version, modules: parsed.modules });
    } catch {
      // not a working interpreter
    }
  }
  return found;
}

/** The interpreters that import every module named. */
export function interpretersWith(interpreters: readonly PythonInterpreter[], modules: readonly string[]): PythonInterpreter[] {
  return interpreters.filter((p) => modules.every((m) => m in p.modules));
}

/**
 * Runs `run` `repeats` times (after one untimed warm-up) in Python on the same data, returning the times in ms.
 * The data goes over as raw float64 files, loaded into the dict `D` as numpy arrays of the item's shapes.
 */
export function timePython(
  interpreter: PythonInterpreter,
  data: BenchData,
  code: { readonly setup?: string; readonly run: string },
  repeats: number,
): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'bothub-bench-'));
  try {
    const manifest: Record<string, { file: string; shape: readonly number[] }> = {};
    for (const [key, array] of Object.entries(data)) {
      const file = join(dir, `${key}.f64`);
      writeFileSync(file, new Uint8Array(array.values.buffer, array.values.byteOffset, array.values.byteLength));
      manifest[key] = { file, shape: array.shape };
    }
    const script = [
      'import json, sys, time',
      'import numpy as np',
      `manifest = json.loads(${JSON.stringify(JSON.stringify(manifest))})`,
      'D = {k: np.fromfile(v["file"], dtype="<f8").reshape(v["shape"]) for k, v in manifest.items()}',
      'def _setup():',
      indent(code.setup ?? 'pass'),
      '    return locals()',
      'def _run(_ctx):',
      '    globals().update(_ctx)',
      indent(code.run),
      '_ctx = _setup()',
      '_run(_ctx)',
      'times = []',
      `for _ in range(${repeats}):`,
      '    t0 = time.perf_counter()',
      '    _run(_ctx)',
      '    times.append((time.perf_counter() - t0) * 1000)',
      'print(json.dumps(times))',
    ].join('\n');
    const scriptFile = join(dir, 'bench.py');
    writeFileSync(scriptFile, script);
    const out = execFileSync(interpreter.executable, [scriptFile], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 1_800_000 });
    const lines = out.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]!) as number[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function indent(code: string): string {
  return code
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
