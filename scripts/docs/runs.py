"""The tool as the generator uses it: resolved configs (`cyberrisk config --dump`, the decoder's
defaults) and seeded runs (`cyberrisk run`), each run once per generation and read back from its
output folder."""
import csv
import os
import subprocess
import tempfile

import yaml


class Run:
    """A finished run's summary.csv, sectors.csv and exceedance.csv, and the command that made it."""

    def __init__(self, folder, command, trials, seed):
        self.command, self.trials, self.seed = command, trials, seed
        self.summary = {}
        with open(os.path.join(folder, "summary.csv"), newline="") as f:
            for row in csv.DictReader(f):
                self.summary[(int(row["year"]), row["metric"])] = {
                    k: float(v) for k, v in row.items() if k not in ("scenario", "year", "metric")}
        self.sectors = {}
        with open(os.path.join(folder, "sectors.csv"), newline="") as f:
            for row in csv.DictReader(f):
                self.sectors[(int(row["year"]), row["sector"])] = {
                    k: float(v) for k, v in row.items() if k not in ("scenario", "year", "sector")}
        self.exceedance = {}
        with open(os.path.join(folder, "exceedance.csv"), newline="") as f:
            for row in csv.DictReader(f):
                key = (int(row["year"]), row["metric"])
                self.exceedance.setdefault(key, []).append((float(row["threshold"]), float(row["probability"])))
        self.years = sorted({y for y, _ in self.summary})

    def stat(self, metric, year, column="mean"):
        return self.summary[(year, metric)][column]

    def exceeds(self, metric, year, threshold):
        """P(metric > threshold) at a threshold of the exceedance grid."""
        for x, p in self.exceedance[(year, metric)]:
            if x == threshold:
                return p
        raise KeyError(f"{threshold} is not an exceedance threshold of {metric} in {year}")


class Tool:
    """`binary` run in a scratch folder; `config_dump` and `run` results are cached by arguments."""

    def __init__(self, binary, threads=2):
        self.binary = binary
        self.threads = threads
        self.scratch = tempfile.mkdtemp(prefix="check-docs-")
        self._runs = {}
        self._dumps = {}

    @property
    def run_count(self):
        """How many seeded runs were made."""
        return len(self._runs)

    def call(self, args):
        r = subprocess.run([self.binary] + args, capture_output=True, text=True, cwd=self.scratch)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(['cyberrisk'] + args)} failed ({r.returncode}):\n{r.stderr}")
        return r.stdout

    def refuses(self, config):
        """The error `cyberrisk config --dump CONFIG` prints when it refuses the config (exit 2), or
        None when it accepts it; any other exit fails."""
        r = subprocess.run([self.binary, "config", "--dump", config], capture_output=True, text=True, cwd=self.scratch)
        if r.returncode not in (0, 2):
            raise RuntimeError(f"cyberrisk config --dump {config} failed ({r.returncode}):\n{r.stderr}")
        return r.stderr if r.returncode == 2 else None

    def write(self, name, text):
        path = os.path.join(self.scratch, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def dump_text(self, scenario=None, config=None, sets=()):
        """The resolved configuration as YAML text (defaults, extends and --set applied)."""
        key = (scenario, config, tuple(sets))
        if key not in self._dumps:
            args = ["config", "--dump"] + (["--scenario", scenario] if scenario else []) + ([config] if config else [])
            for s in sets:
                args += ["--set", s]
            self._dumps[key] = self.call(args)
        return self._dumps[key]

    def dump(self, scenario=None, config=None, sets=()):
        return yaml.safe_load(self.dump_text(scenario, config, sets))

    def dump_file(self, scenario):
        """The resolved configuration of `scenario` written to a file (for calibrate_baseline.py)."""
        return self.write(f"{scenario}.resolved.yaml", self.dump_text(scenario))

    def run(self, scenario, trials, seed=None, sets=(), label=None):
        """A seeded run of the embedded scenario with `--trials` and `--seed` (the scenario's own seed
        when `seed` is None) and `--set` overrides; `label` names it in captions instead of the sets."""
        key = (scenario, trials, seed, tuple(sets))
        if key not in self._runs:
            seed = seed if seed is not None else int(self.dump(scenario)["seed"])
            out = os.path.join(self.scratch, f"run-{len(self._runs)}")
            args = ["run", "--scenario", scenario, "--trials", str(trials), "--seed", str(seed)]
            for s in sets:
                args += ["--set", s]
            self.call(args + ["--threads", str(self.threads), "--quiet", "--out", out])
            shown = ["cyberrisk", "run", "--scenario", scenario, "--trials", str(trials), "--seed", str(seed)]
            if sets:
                shown.append(label or " ".join(f"--set {s}" for s in sets))
            self._runs[key] = Run(out, " ".join(shown), trials, seed)
        return self._runs[key]
