using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// A service as its own process (the build's dll on real Kestrel, loopback, environment Testing), as
/// deploy/run.sh starts it: a browser needs real addresses, and the identity service, the console
/// and the services reach each other over the network as they do in production.
/// </summary>
internal sealed class HostedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly StreamWriter _log;

    private HostedProcess(Process process, Uri address, string project)
    {
        _process = process;
        Address = address;
        // The whole output, for a failure the last lines do not explain: beside the test binaries, replaced each run.
        var logs = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs")).FullName;
        _log = new StreamWriter(Path.Combine(logs, project + ".log"), append: false) { AutoFlush = true };
    }

    public Uri Address { get; }

    /// <summary>A free loopback port, for a process whose address another must know before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts services/<paramref name="project"/> on <paramref name="port"/>; gRPC services speak HTTP/2 only, as in run.sh.</summary>
    public static HostedProcess Start(string project, int port, bool grpcOnly, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{port}/");
        var dll = Path.Combine(Repository.Root, "services", project, "bin", Repository.Configuration, "net10.0", $"Visitation.{project}.dll");
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
        if (grpcOnly)
        {
            start.Environment["Kestrel__EndpointDefaults__Protocols"] = "Http2";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var hosted = new HostedProcess(Process.Start(start)!, address, project);
        hosted._process.OutputDataReceived += (_, line) => hosted.Keep(line.Data);
        hosted._process.ErrorDataReceived += (_, line) => hosted.Keep(line.Data);
        hosted._process.BeginOutputReadLine();
        hosted._process.BeginErrorReadLine();
        return hosted;
    }

    /// <summary>Waits until <paramref name="path"/> answers (over HTTP/2 for a gRPC-only service), or fails with the process's last output.</summary>
    public async Task WaitHealthyAsync(bool grpcOnly, string path = "health")
    {
        using var http = new HttpClient
        {
            DefaultRequestVersion = grpcOnly ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var waited = Stopwatch.StartNew();
        // Generous: on a shared, loaded machine the identity service's seeding (a password hash per account) takes minutes.
        while (waited.Elapsed < TimeSpan.FromSeconds(StartLimitSeconds))
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

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Address} did not become healthy in {StartLimitSeconds} s. Its last output:\n{LastOutput}");
    }

    private const int StartLimitSeconds = 360;

    public string LastOutput => string.Join("\n", _output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        lock (_log)
        {
            _log.WriteLine(line);
        }

        while (_output.Count > 60 && _output.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
