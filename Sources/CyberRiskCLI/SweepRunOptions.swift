import ArgumentParser

/// The options that say how a `sweep` or `sensitivity` runs: where to, resumed or not, which
/// shard, how many threads, and how much it prints.
struct SweepRunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output folder (default: sweep, or sensitivity for `cyberrisk sensitivity`).", valueName: "dir"))
    var out: String?

    @Flag(help: "Continue the run in --out where it stopped (refused if the spec changed).")
    var resume = false

    @Flag(help: "Print the design's points as CSV and exit without running them.")
    var plan = false

    @Option(help: ArgumentHelp("Run only points with index ≡ I (mod N), e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
                               valueName: "I/N"))
    var shard: String?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressBar.Mode = .auto

    /// The session these options describe, writing to `--out` or else `defaultOut`.
    func session(defaultOut: String, keepPoints: Bool = false) -> SweepSession {
        SweepSession(out: out ?? defaultOut, resume: resume, keepPoints: keepPoints, quiet: quiet,
                     progress: progress, threads: threads)
    }
}
