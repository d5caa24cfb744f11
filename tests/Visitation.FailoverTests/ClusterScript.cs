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

    public static async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/local/cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}{await error}");
        }

        return await output;
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
