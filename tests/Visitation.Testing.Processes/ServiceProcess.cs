using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Visitation.Testing.Processes;

/// <summary>
/// A service as its own operating-system process: the build's own dll on real Kestrel, on a loopback
/// port, environment Testing, as deploy/run.sh starts it. A browser needs real addresses, and a fault
/// test must be able to kill a service without warning and start it again.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    /// <summary>How .NET reports a process that ended by SIGKILL: 128 + 9, as a shell would.</summary>
    public const int KilledBySigkill = 137;

    private const int KeptLines = 60;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly StreamWriter? _log;
    private readonly Lock _logGate = new();

    private ServiceProcess(Process process, Uri address, string? logFile)
    {
        _process = process;
        Address = address;
        _log = logFile is null ? null : new StreamWriter(logFile, append: false) { AutoFlush = true };
    }

    public Uri Address { get; }

    /// <summary>The operating system's id of the process, e.g. for reading its CPU time from /proc (the benchmark).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the service wrote, for a failure message.</summary>
    public string LastOutput => string.Join("\n", _output);

    /// <summary>A free loopback port, for a process whose address another must know before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts services/<paramref name="project"/> on <paramref name="port"/> with <paramref name="settings"/>
    /// (configuration keys, ':' or '__'). A gRPC service speaks plaintext HTTP/2 only (<paramref name="http2Only"/>),
    /// as in run.sh. With <paramref name="logFile"/>, every line it writes is kept there too.
    /// </summary>
    public static ServiceProcess Start(string project, int port, bool http2Only, string? logFile, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var address = new Uri($"http://127.0.0.1:{port}/");
        var dll = Path.Combine(Checkout.Root, "services", project, "bin", Checkout.Configuration, "net10.0", $"Visitation.{project}.dll");
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
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        if (http2Only)
        {
            start.Environment["Kestrel__EndpointDefaults__Protocols"] = "Http2";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, address, logFile);
        // Drain the output so a full pipe never blocks the service, keeping its last lines for a failure message.
        service._process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        service._process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Starts a gRPC service on a free port and waits until it answers.</summary>
    public static async Task<ServiceProcess> StartHealthyAsync(string project, IReadOnlyDictionary<string, string> settings)
    {
        var service = Start(project, FreePort(), http2Only: true, logFile: null, settings);
        await service.WaitHealthyAsync(http2: true);
        return service;
    }

    /// <summary>Waits until <paramref name="path"/> answers (over HTTP/2 for a gRPC-only service), or fails with the process's last output.</summary>
    public async Task WaitHealthyAsync(bool http2, string path = "health")
    {
        using var http = new HttpClient
        {
            DefaultRequestVersion = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        // Generous: the console tests' identity service seeds the run's accounts (a password hash each) before
        // it listens, which takes minutes on a machine shared by several test runs.
        var limit = TimeSpan.FromSeconds(360);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Address} exited with code {_process.ExitCode} while starting. Its last output:\n{LastOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, path));
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

        throw new TimeoutException($"{Address} did not become healthy in {limit.TotalSeconds} s. Its last output:\n{LastOutput}");
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
        lock (_logGate)
        {
            _log?.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        lock (_logGate)
        {
            _log?.WriteLine(line);
        }

        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
