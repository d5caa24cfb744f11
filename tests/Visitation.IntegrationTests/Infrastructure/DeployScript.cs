using System.Diagnostics;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>Runs one of the operators' bash scripts (deploy/…) as an operator would, failing with its output when it fails.</summary>
public static class DeployScript
{
    /// <summary>Runs <paramref name="script"/> (a path, absolute or from the checkout) with its arguments and extra environment; returns what it printed.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Checkout.Root, script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', start.ArgumentList.Skip(1))} failed ({process.ExitCode}): {await output}{await error}");
        }

        return await output + await error;
    }
}
