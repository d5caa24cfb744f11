using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Visitation.Benchmarks;

/// <summary>Writes results.json (every figure) and results.md (the tables docs/performance.md explains) into the results directory.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(BenchReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(directory, "results.md"), Markdown(report));
    }

    public static string Markdown(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        string Row(string name, Func<RunResult, string> value) => $"| {name} | {string.Join(" | ", report.Runs.Select(value))} |";

        Line($"# Benchmark {report.Machine.TakenAt:yyyy-MM-dd HH:mm} UTC{(report.Smoke ? " (smoke mode: no figure is meaningful)" : "")}");
        Line("");
        Line($"Machine: {report.Machine.Processors} CPUs, {report.Machine.CpuModel}; load average before the run {report.Machine.LoadAverageBefore}; commit {report.Commit}.");
        Line("");
        Line($"| figure | {string.Join(" | ", report.Runs.Select(r => $"{r.InstancesPerService} instance(s) per service"))} |");
        Line($"|---|{string.Concat(report.Runs.Select(_ => "---|"))}");
        Line(Row("load", r => r.Load));
        Line(Row("applications reached their SMS", r => $"{r.Completed} of {r.Applications}"));
        Line(Row("duplicate SMS at the gateway", r => r.DuplicateSms.ToString(CultureInfo.InvariantCulture)));
        Line(Row("applied on / visits booked from … to", r => $"{r.ChainDay} / {r.FirstVisitDay} … {r.LastVisitDay}"));
        Line(Row("applications/s (end to end)", r => F(r.ApplicationsPerSecond)));
        foreach (var leg in Leg.All)
        {
            Line(Row($"{leg.Key} p50 / p95 / p99 ms", r => r.Legs.Single(l => l.Leg == leg.Key) is var f ? $"{F(f.P50Ms)} / {F(f.P95Ms)} / {F(f.P99Ms)}" : ""));
        }

        foreach (var process in report.Runs.SelectMany(r => r.CpuMsPerApplication.Keys).Distinct().OrderBy(k => k == "all").ThenBy(k => k, StringComparer.Ordinal))
        {
            Line(Row($"CPU ms per application: {process}", r => F(r.CpuMsPerApplication.GetValueOrDefault(process))));
        }

        Line(Row("CPU ms per application: the benchmark itself (not in all)", r => F(r.ClientCpuMsPerApplication)));
        Line(Row("commits per application", r => F(r.CommitsPerApplication)));
        Line(Row("messages published / delivered per application", r => $"{F(r.MessagesPublishedPerApplication)} / {F(r.MessagesDeliveredPerApplication)}"));
        Line(Row("ceiling: PostgreSQL single-row commits/s", r => F(r.Ceiling.PostgresCommitsPerSecond)));
        Line(Row("ceiling: RabbitMQ confirmed publishes/s", r => F(r.Ceiling.RabbitConfirmedPublishesPerSecond)));
        Line(Row("applications/s the commit ceiling allows (our share)", r => $"{F(r.CommitBoundApplicationsPerSecond)} ({r.ShareOfCommitBound:P1})"));
        Line(Row("applications/s the publish ceiling allows (our share)", r => $"{F(r.PublishBoundApplicationsPerSecond)} ({r.ShareOfPublishBound:P1})"));
        foreach (var run in report.Runs)
        {
            Statements(run, Line, F);
        }

        foreach (var run in report.Runs.Where(r => r.Failures.Count > 0))
        {
            Line("");
            Line($"Failures with {run.InstancesPerService} instance(s) (first {run.Failures.Count}):");
            foreach (var failure in run.Failures)
            {
                Line($"- {failure}");
            }
        }

        return text.ToString();
    }

    private static void Statements(RunResult run, Action<string> line, Func<double, string> f)
    {
        line("");
        if (!run.StatementsMeasured)
        {
            line($"Statements with {run.InstancesPerService} instance(s): not counted (start the bench profile with VISITATION_PG_STATEMENTS=1 to load pg_stat_statements).");
            return;
        }

        line($"Statements per application with {run.InstancesPerService} instance(s), by service (all of them; server time is PostgreSQL's executing them, not parsing or sending):");
        line("");
        line("| service | statements / application | server ms / application |");
        line("|---|---|---|");
        foreach (var t in run.StatementTotals)
        {
            line($"| {t.Service} | {f(t.CallsPerApplication)} | {f(t.ServerMsPerApplication)} |");
        }

        line("");
        line($"The {run.TopStatements.Count} most frequent (pg_stat_statements, whose counting is in PostgreSQL's CPU above):");
        line("");
        line("| service | calls / application | mean ms | rows / call | statement |");
        line("|---|---|---|---|---|");
        foreach (var s in run.TopStatements)
        {
            line($"| {s.Service} | {f(s.CallsPerApplication)} | {s.MeanMs.ToString("0.###", CultureInfo.InvariantCulture)} | {f(s.RowsPerCall)} | `{s.Query.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal)}` |");
        }
    }
}
