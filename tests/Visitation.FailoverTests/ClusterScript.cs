using System.Diagnostics;
using Visitation.Testing.Processes;

namespace Visitation.FailoverTests;

/// <summary>
/// deploy/local/cluster.sh, which starts, crashes, promotes and stops the clusters (for people too).
/// A command that fails fails the test with the script's own words: a cluster that cannot start says why.
/// </summary>
public static class ClusterScript
{
    private static readonly string Script = Path.Combine(Checkout.Root, "deploy", "local", "cluster.sh");

    /// <summary>Longer than any command takes on a loaded machine (a cluster's formation: ~1 min there).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deploy/local/cluster.sh {string.Join(' ', arguments)} did not end within {Limit.TotalMinutes} min:\n{await output}{await error}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/local/cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}{await error}");
        }

        return await output;
    }

    /// <summary>
    /// Stops a cluster at a test's end. A failure to stop is told to the test's output, not thrown: thrown
    /// from a finally block it would hide the failure the test is reporting (deploy/test.sh stops the
    /// clusters again when the run ends).
    /// </summary>
    public static async Task StopAsync(string command)
    {
        try
        {
            await RunAsync(command);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Stopping the cluster failed: {ex.Message}");
        }
    }

    /// <summary>The variables that <c>rabbit-env</c> or <c>pg-env</c> exports, by name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvAsync(string command)
    {
        const string export = "export ";
        return (await RunAsync(command)).Split('\n')
            .Where(line => line.StartsWith(export, StringComparison.Ordinal))
            .Select(line => line[export.Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
    }
}

/// <summary>The servers deploy/test.sh started, for the half of a system a failover test does not cluster.</summary>
public static class TestServers
{
    public static string Get(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The failover tests need the test servers: {variable} is not set. Run them with `bash deploy/test.sh`, which starts them.");
}
