using System.Diagnostics;
using System.Text.Json;
using Visitation.Testing.Processes;

namespace Visitation.Benchmarks.Tests;

/// <summary>
/// The benchmark in smoke mode (a couple of dozen applications, short probes) against the test run's
/// PostgreSQL and RabbitMQ, on databases and a virtual host of its own: every application reaches its
/// scheduled SMS and the report is written. No figure is asserted; a timed assertion would fail on a busy machine.
/// The run lives on a fixed day (<c>--start-at</c>, the services' training clock), never the machine's date.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    // Not a speed bound: the smoke run takes well under a minute on a quiet 2-core machine and about four
    // with a dozen other builds and test runs on it; the limit only stops a hung run.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    // A Monday of 2026, whose holidays the shipped notice gives: the visits fall in March (the next visit month).
    private const string ChainStart = "2026-02-02T09:00:00+08:00";

    [Fact]
    public async Task SmokeRunDrivesEveryApplicationToItsScheduledSmsAndWritesTheReport()
    {
        var results = Path.Combine(Path.GetTempPath(), "bench-smoke-" + Guid.NewGuid().ToString("N"));
        var (exitCode, output) = await RunBenchmarkAsync("--smoke", "--results", results, "--start-at", ChainStart,
            "--postgres", Server("VISITATION_TEST_POSTGRES"),
            "--rabbitmq", Server("VISITATION_TEST_RABBITMQ"),
            "--rabbitmq-management", Server("VISITATION_TEST_RABBITMQ_MANAGEMENT"));

        Assert.True(exitCode == 0, $"The benchmark exited with {exitCode}. Its output:\n{output}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "results.json"), TestContext.Current.CancellationToken));
        var run = Assert.Single(report.RootElement.GetProperty("runs").EnumerateArray());
        Assert.True(run.GetProperty("applications").GetInt32() > 0);
        Assert.Equal(run.GetProperty("applications").GetInt32(), run.GetProperty("completed").GetInt32());
        Assert.Empty(run.GetProperty("failures").EnumerateArray());
        Assert.Equal(0, run.GetProperty("duplicateSms").GetInt32());
        // The families applied on the chain's day and the services booked by it, not by the machine's date.
        Assert.Equal("2026-02-02", run.GetProperty("chainDay").GetString());
        Assert.StartsWith("2026-03-", run.GetProperty("firstVisitDay").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2026-03-", run.GetProperty("lastVisitDay").GetString(), StringComparison.Ordinal);
        Assert.Contains(run.GetProperty("legs").EnumerateArray(), leg => leg.GetProperty("leg").GetString() == "end_to_end" && leg.GetProperty("count").GetInt64() == run.GetProperty("completed").GetInt32());
        Assert.Contains("applications/s", await File.ReadAllTextAsync(Path.Combine(results, "results.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Directory.Delete(results, recursive: true);
    }

    private static string Server(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The benchmark's smoke run needs the test servers: {variable} is not set. Run the suite with `bash deploy/test.sh`, which starts them.");

    private static async Task<(int ExitCode, string Output)> RunBenchmarkAsync(params string[] arguments)
    {
        var dll = Path.Combine(Checkout.Root, "tests", "Visitation.Benchmarks", "bin", Checkout.Configuration, "net10.0", "Visitation.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"Build the solution first: {dll} is missing.");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The smoke run did not end within {Limit.TotalMinutes} minutes. Its output:\n{string.Join('\n', output)}");
        }

        return (process.ExitCode, string.Join('\n', output));
    }
}
