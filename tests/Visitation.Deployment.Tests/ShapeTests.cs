using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Hosts;
using Visitation.Deployment.Tests.Rendering;
using Visitation.Messaging;

namespace Visitation.Deployment.Tests;

/// <summary>
/// The production shape (issue 17): every host at least twice, probed, bounded and stopped gently,
/// with a disruption budget and an autoscaler; three broker nodes with quorum queues; one PostgreSQL
/// cluster per service database, three instances, a synchronous standby, backups for point-in-time recovery.
/// </summary>
public sealed class ShapeTests
{
    private static readonly IReadOnlyList<JsonObject> Production = Overlays.Render(Overlays.Production);

    public static TheoryData<string> ProductionHosts() => [.. Production.Hosts().Select(deployment => deployment.Name())];

    [Theory]
    [MemberData(nameof(ProductionHosts))]
    public void EveryHostRunsAtLeastTwiceProbedBoundedAndStoppedGently(string name)
    {
        var deployment = Production.Named("Deployment", name);
        var container = deployment.MainContainer();
        var preStop = int.Parse(container.Text("lifecycle.preStop.sleep.seconds"), System.Globalization.CultureInfo.InvariantCulture);
        var grace = int.Parse(deployment.PodSpec().Text("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(int.Parse(deployment.Text("spec.replicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("/health", container.Text("readinessProbe.httpGet.path"));
        Assert.NotNull(container["livenessProbe"]);
        Assert.NotNull(container["startupProbe"]);
        Assert.All(new[] { "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" }, path => Assert.NotEmpty(container["resources"].Text(path)));
        // The .NET host's default shutdown timeout (30 s) must fit between the preStop sleep and the kill.
        Assert.True(grace >= preStop + 30, $"{name}: {grace} s of grace for a {preStop} s preStop and a 30 s shutdown");
    }

    [Theory]
    [MemberData(nameof(ProductionHosts))]
    public void EveryHostHasADisruptionBudgetAnAutoscalerAndAServiceOverItsPods(string name)
    {
        var labels = (JsonObject)Production.Named("Deployment", name)["spec"]!["template"]!["metadata"]!["labels"]!;
        bool Selects(JsonNode? selector) => selector is JsonObject match && match.All(entry => labels[entry.Key]?.ToString() == entry.Value?.ToString());

        Assert.True(Selects(Production.Named("PodDisruptionBudget", name)["spec"]!["selector"]!["matchLabels"]));
        Assert.True(Selects(Production.Named("Service", name)["spec"]!["selector"]));
        var autoscaler = Production.Named("HorizontalPodAutoscaler", name);
        Assert.Equal(name, autoscaler.Text("spec.scaleTargetRef.name"));
        Assert.True(int.Parse(autoscaler.Text("spec.minReplicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public void TheBrokerIsThreeNodesAndEveryQueueIsAQuorumQueue()
    {
        var broker = Production.OfKind("RabbitmqCluster").Single();

        Assert.Equal("3", broker.Text("spec.replicas"));
        Assert.Contains("default_queue_type = quorum", broker.Text("spec.rabbitmq.additionalConfig"), StringComparison.Ordinal);
        // The services declare their own queues quorum unless told otherwise, and no Deployment tells them.
        Assert.True(new MessagingOptions().QuorumQueues);
        Assert.DoesNotContain(Production.SelectMany(Manifest.Containers).SelectMany(container => container.Env()), variable => variable.Text("name") == "Messaging__QuorumQueues");
    }

    [Fact]
    public void EveryHostWithADatabaseHasItsOwnClusterAndConnectsToItsPrimaryOnly()
    {
        var withDatabase = HostProject.All.Where(host => File.Exists(host.AppSettings) && File.ReadAllText(host.AppSettings).Contains("\"Database\"", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(withDatabase);
        Assert.Equal(withDatabase.Select(host => $"{host.Deployment}-db").Order(), Production.OfKind("Cluster").Select(cluster => cluster.Name()).Order());
        foreach (var host in withDatabase)
        {
            var connection = Production.Named("Deployment", host.Deployment).MainContainer().Env().Single(variable => variable.Text("name") == "ConnectionStrings__Database").Text("value");
            Assert.StartsWith($"Host={host.Deployment}-db-rw;", connection, StringComparison.Ordinal);
            Assert.Contains($"Database={Production.Named("Cluster", $"{host.Deployment}-db").Text("spec.bootstrap.initdb.database")};", connection, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDatabaseClusterIsThreeInstancesWithASynchronousStandbyAndBackedUpForPointInTimeRecovery()
    {
        var clusters = Production.OfKind("Cluster").ToList();

        Assert.All(clusters, cluster =>
        {
            Assert.Equal("3", cluster.Text("spec.instances"));
            Assert.True(int.Parse(cluster.Text("spec.postgresql.synchronous.number"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("required", cluster.Text("spec.postgresql.synchronous.dataDurability"));
            Assert.NotEmpty(cluster.Text("spec.backup.barmanObjectStore.destinationPath"));
            Assert.NotEmpty(cluster.Text("spec.backup.barmanObjectStore.wal.compression"));
            Assert.Equal("false", cluster.Text("spec.enableSuperuserAccess"));
            Assert.Single(Production.OfKind("ScheduledBackup"), backup => backup.Text("spec.cluster.name") == cluster.Name());
        });
    }

    [Fact]
    public void TheDevelopmentOverlayIsOneOfEachWithoutAStandbyToWaitFor()
    {
        var development = Overlays.Render(Overlays.Development);

        Assert.All(development.Hosts(), deployment => Assert.Equal("1", deployment.Text("spec.replicas")));
        Assert.All(development.OfKind("Cluster"), cluster =>
        {
            Assert.Equal("1", cluster.Text("spec.instances"));
            Assert.Null(cluster["spec"]!["postgresql"]!["synchronous"]);
        });
        Assert.Equal("1", development.OfKind("RabbitmqCluster").Single().Text("spec.replicas"));
    }
}
