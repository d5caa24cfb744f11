using System.Diagnostics;
using Visitation.Benchmarks;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Benchmarks.Province;
using Visitation.Testing.Processes;

// The benchmark (docs/performance.md): `bash deploy/bench.sh [--rate N | --concurrency N] [--applications N] [--instances 1,2]`.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var elapsed = Stopwatch.StartNew();
void Say(string line) => Console.WriteLine($"[bench {elapsed.Elapsed.TotalSeconds,6:0.0}s] {line}");
var clock = new BenchClock(options.StartAt);
var machine = Machine.Now(clock.Real);
// Absolute: the services started from their own folders read the generated reference data by this path.
var results = options.ResultsDirectory is { } given ? Path.GetFullPath(given) : Path.Combine(Checkout.Root, ".local", "bench", "results", $"{machine.TakenAt:yyyyMMdd-HHmmss}");
Directory.CreateDirectory(results);
var province = ProvinceGenerator.Write(Path.Combine(results, "reference-data"));
Say($"generated reference data: {province.Prisons.Count} prisons, {province.Counties.Count} counties with a venue each, {province.Offices} offices ({province.Directory})");

var runs = new List<RunResult>();
foreach (var instances in options.Instances)
{
    var result = await new BenchmarkRun(options, clock, province, results, Say).RunAsync(instances);
    Say($"{instances} instance(s): {result.Completed} of {result.Applications} applications reached their SMS, {result.ApplicationsPerSecond} applications/s, " +
        $"CPU {result.CpuMsPerApplication["all"]} ms per application");
    runs.Add(result);
    // Written after each run, so a later run that fails leaves the earlier ones' figures.
    ReportWriter.Write(new BenchReport(machine, options.Smoke, CurrentCommit(), runs), results);
}

var report = new BenchReport(machine, options.Smoke, CurrentCommit(), runs);
Console.WriteLine(ReportWriter.Markdown(report));
Say($"results written to {results} (results.json, results.md)");
return report.EveryApplicationReachedItsSms ? 0 : 1;

static string CurrentCommit()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", Checkout.Root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true })!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? commit : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}
