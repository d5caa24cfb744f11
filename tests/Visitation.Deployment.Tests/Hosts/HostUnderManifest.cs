using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// One host built by its own start-up with exactly what its Deployment in one overlay gives it: the
/// container's variables as its settings (on the command line, above its appsettings.json as the
/// environment is in a pod), its content root the project's build output (the image's /app), its
/// mounted files under a folder of the test's.
/// </summary>
internal sealed class HostUnderManifest : IDisposable
{
    private readonly string root;

    private HostUnderManifest(HostProject project, PodEnvironment pod, IHost? host, Exception? failure, ReadKeys read, string root)
    {
        Read = read;
        Project = project;
        Pod = pod;
        Host = host;
        Failure = failure;
        this.root = root;
    }

    public HostProject Project { get; }

    public PodEnvironment Pod { get; }

    public IHost? Host { get; }

    public Exception? Failure { get; }

    /// <summary>Every key the start-up and <see cref="ReadSettings"/> asked for.</summary>
    public ReadKeys Read { get; }

    /// <param name="change">A change to the rendering first (the tests proving a mistake is found make one).</param>
    public static HostUnderManifest Build(string overlay, HostProject project, Action<IReadOnlyList<JsonObject>>? change = null)
    {
        var rendered = Overlays.Render(overlay);
        change?.Invoke(rendered);
        var deployment = rendered.Named("Deployment", project.Deployment);
        var root = Directory.CreateTempSubdirectory("visitation-pod-").FullName;
        var pod = PodEnvironment.Of(rendered, deployment, root);
        var read = new ReadKeys();
        var (host, failure) = HostStartup.BuildOnly(project.Assembly, Arguments(pod, project), read);
        return new HostUnderManifest(project, pod, host, failure, read, root);
    }

    /// <summary>The checks the host runs as it starts (ValidateOnStart): what would stop the pod.</summary>
    public void ValidateAsAtStart() => Host!.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Binds every options class of the host's code and makes its hosted services, noting in <see cref="Read"/> each key they ask for.</summary>
    public void ReadSettings()
    {
        foreach (var options in OptionsClasses())
        {
            try
            {
                var monitor = Host!.Services.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(options));
                _ = monitor.GetType().GetProperty(nameof(IOptionsMonitor<object>.CurrentValue))!.GetValue(monitor);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is OptionsValidationException or InvalidOperationException)
            {
                // A setting that does not validate is the start-up test's finding; what it asked for is noted all the same.
            }
        }

        try
        {
            _ = Host!.Services.GetServices<IHostedService>().ToList();
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // Made for what they read as they are made; one that cannot be made here (no server) reads nothing more.
        }
    }

    public void Dispose()
    {
        Host?.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private static string[] Arguments(PodEnvironment pod, HostProject project)
    {
        var environment = pod.Variables.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        return
        [
            $"--environment={environment}",
            $"--contentRoot={project.OutputFolder}",
            $"--hostingStartupAssemblies={typeof(ReadKeysStartup).Assembly.GetName().Name}",
            .. pod.Variables.Where(variable => variable.Key != "ASPNETCORE_ENVIRONMENT")
                .Select(variable => $"--{SettingKey(variable.Key)}={variable.Value}"),
        ];
    }

    /// <summary>An environment variable's configuration key: <c>__</c> is the section separator.</summary>
    public static string SettingKey(string variable) => variable.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    /// <summary>The options classes of our code: each names its section in a <c>Section</c> constant.</summary>
    private static IEnumerable<Type> OptionsClasses() => AppDomain.CurrentDomain.GetAssemblies()
        .Where(assembly => assembly.GetName().Name?.StartsWith("Visitation.", StringComparison.Ordinal) == true)
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
            && type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });
}
