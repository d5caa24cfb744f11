using System.Text.RegularExpressions;
using Visitation.Deployment.Tests.Rendering;
using Visitation.Testing.Processes;

namespace Visitation.Deployment.Tests.Broker;

/// <summary>
/// Each service's RabbitMQ permissions (deploy/local/service-accounts.json, which deploy/local/infra.sh and
/// the integration tests apply, and deploy/k8s/base/broker/users.yaml) against what its code does
/// (<see cref="ServiceMessages"/>): it may write exactly the exchanges of the events it publishes, read
/// exactly those of the messages it consumes, declare exactly those of both, and do all three on its own
/// queues and exchanges ("&lt;service&gt;-…", MassTransit's names for its endpoints, their _error and
/// _skipped) and its temporary bus endpoint — and nothing of another service's.
/// RabbitMQ applies a pattern to the whole name ("^…$" anchors it here as the broker's regular expressions do).
/// </summary>
public sealed class BrokerPermissionsTests
{
    public static TheoryData<string> Services => [.. ServiceMessages.All.Select(service => service.Service)];

    [Theory]
    [MemberData(nameof(Services))]
    public void WritesExactlyTheExchangesOfWhatItPublishes(string service)
    {
        var messages = Messages(service);
        Assert.Empty(Mismatches(Account(service).Write, messages.Published));
        Assert.NotEmpty(messages.Published);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void ReadsExactlyTheExchangesOfWhatItConsumes(string service) =>
        Assert.Empty(Mismatches(Account(service).Read, Messages(service).Consumed));

    [Theory]
    [MemberData(nameof(Services))]
    public void DeclaresExactlyTheExchangesOfWhatItPublishesOrConsumes(string service)
    {
        var messages = Messages(service);
        Assert.Empty(Mismatches(Account(service).Configure, messages.Published.Union(messages.Consumed).ToHashSet()));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void OwnsItsQueuesAndNoOtherServicesQueues(string service)
    {
        var permissions = Account(service);
        string[] own = [$"{service}-bureau-approved", $"{service}-bureau-approved_error", $"{service}-bureau-approved_skipped", "visitation01_dotnet_bus_4wdyyyfnb1ybf8a3bdq3ihrnd6"];
        var others = ServiceMessages.All.Select(other => other.Service).Where(other => other != service)
            .SelectMany(other => new[] { $"{other}-bureau-approved", $"{other}-bureau-approved_error" }).ToList();

        foreach (var pattern in new[] { permissions.Configure, permissions.Write, permissions.Read })
        {
            Assert.All(own, name => Assert.Matches(Anchored(pattern), name));
            Assert.All(others, name => Assert.DoesNotMatch(Anchored(pattern), name));
            Assert.DoesNotMatch(Anchored(pattern), "amq.default");
        }
    }

    [Fact]
    public void EveryServiceWithABusHasAccounts() =>
        Assert.Equal(ServiceMessages.All.Select(service => service.Service).Order(), ServiceAccount.All.Select(account => account.Name).Order());

    /// <summary>The Kubernetes users get the same permissions as the local ones (the Messaging Topology Operator's Permission).</summary>
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheKubernetesPermissionsAreTheLocalOnes(string overlay)
    {
        var permissions = Overlays.Render(overlay).OfKind("Permission").ToDictionary(
            permission => permission.Text("spec.userReference.name"),
            permission => new BrokerPermissions(permission.Text("spec.permissions.configure"), permission.Text("spec.permissions.write"), permission.Text("spec.permissions.read")));

        Assert.Equal(ServiceAccount.All.ToDictionary(account => account.Name, account => account.RabbitMq), permissions);
    }

    private static ServiceMessages Messages(string service) => ServiceMessages.All.Single(messages => messages.Service == service);

    private static BrokerPermissions Account(string service) => ServiceAccount.Named(service).RabbitMq;

    /// <summary>Each contract message whose exchange the pattern allows though it should not, or refuses though it should allow.</summary>
    private static List<string> Mismatches(string pattern, IReadOnlySet<Type> allowed)
    {
        var regex = Anchored(pattern);
        return ServiceMessages.Contracts.Concat(allowed).Distinct()
            .Where(type => regex.IsMatch(BrokerPermissions.ExchangeOf(type)) != allowed.Contains(type))
            .Select(type => (allowed.Contains(type) ? "refused but needed: " : "allowed but not used: ") + BrokerPermissions.ExchangeOf(type))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Regex Anchored(string pattern)
    {
        Assert.StartsWith("^", pattern, StringComparison.Ordinal);
        Assert.EndsWith("$", pattern, StringComparison.Ordinal);
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
