using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// Runs a host's own <c>Main</c> with the given command line until its host is built, then stops it
/// there (as <c>dotnet ef</c> and WebApplicationFactory do, through the hosting's "HostBuilt" event):
/// every registration of the real start-up runs, nothing starts, no server is needed.
/// </summary>
internal static class HostStartup
{
    private static readonly Lock OneAtATime = new();

    /// <summary>The built host, or the exception the start-up ended with before it was built.</summary>
    public static (IHost? Host, Exception? Failure) BuildOnly(Assembly entry, string[] args, ReadKeys read)
    {
        lock (OneAtATime)
        {
            ReadKeys.Current = read;
            IHost? built = null;
            using var subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners(host => built = host));
            try
            {
                entry.EntryPoint!.Invoke(null, [args]);
                return (null, new InvalidOperationException("The start-up returned without building a host."));
            }
            catch (TargetInvocationException ex) when (ex.InnerException is HostBuilt)
            {
                return (built, null);
            }
            catch (TargetInvocationException ex)
            {
                return (null, ex.InnerException ?? ex);
            }
            finally
            {
                ReadKeys.Current = null;
            }
        }
    }

    private sealed class HostBuilt : Exception;

    private sealed class Listeners(Action<IHost> onBuilt) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(new Events(onBuilt));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Events(Action<IHost> onBuilt) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilt" && value.Value is IHost host)
            {
                onBuilt(host);
                throw new HostBuilt();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
