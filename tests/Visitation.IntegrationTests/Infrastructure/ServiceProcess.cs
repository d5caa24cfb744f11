using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// A service as its own operating-system process (the build's own dll, real Kestrel on a free
/// loopback port, HTTP/2), so a fault test can kill it without warning and start it again.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    /// <summary>How .NET reports a process that ended by SIGKILL: 128 + 9, as a shell would.</summary>
    public const int KilledBySigkill = 137;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var dll = Path.Combine(RepositoryRoot(), "services", project, "bin", BuildConfiguration(), "net10.0", $"Visitation.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the solution first: {dll} is missing.", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Kestrel__EndpointDefaults__Protocols"] = "Http2";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var service = new ServiceProcess(process, address);
        // Drain the service's output so a full pipe never blocks it, keeping its last lines for a failure message.
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitHealthyAsync();
        return service;
    }

    /// <summary>Waits for the process to end by itself (a crash point it was given) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(string why, int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The service process was still running after {seconds} s, waiting for {why}. Its last output:\n{LastOutput}");
        }

        return _process.ExitCode;
    }

    /// <summary>The last lines the service wrote, for a failure message.</summary>
    public string LastOutput => string.Join("\n", _output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 40 && _output.TryDequeue(out _))
        {
        }
    }

    public GrpcChannel Channel(string token) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()) });

    /// <summary>SIGKILL: no shutdown hooks, no flush, no goodbye — as a power cut would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service process exited with code {_process.ExitCode} during start-up. Its last output:\n{LastOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The service at {Address} did not become healthy in 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The checkout the tests were built in (the folder of Visitation.sln).</summary>
    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Visitation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Visitation.sln not found above the test binaries.");
    }

    // The tests run from tests/X/bin/<Configuration>/net10.0/: the services were built the same way.
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
