import ArgumentParser

/// The options that say how a `sweep` or `sensitivity` runs: resumed, restarted or not, which
/// shard, how many threads, and how much it prints. (`--out` and `--plan` each command declares
/// with its own help.)
struct SweepRunOptions: ParsableArguments {
    @Flag(help: "Continue the run in --out where it stopped (refused if the spec changed).")
    var resume = false

    @Flag(help: "Start over in an --out folder that already holds a sweep: its journal and outputs are deleted first.")
    var force = false

    @Option(help: ArgumentHelp("Run only points with index ≡ I (mod N), e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
                               valueName: "I/N"))
    var shard: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Worker threads, 1…4096 (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressBar.Mode = .auto

    /// The session these options describe, writing to `out`.
    func session(out: String, keepPoints: Bool = false) -> SweepSession {
        SweepSession(out: out, resume: resume, force: force, keepPoints: keepPoints, quiet: quiet,
                     progress: progress, threads: threads)
    }
}
