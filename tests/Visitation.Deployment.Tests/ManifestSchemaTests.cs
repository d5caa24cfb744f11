using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Checks;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests;

/// <summary>Every object of each overlay, rendered, is a valid Kubernetes object or operator resource.</summary>
public sealed class ManifestSchemaTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryRenderedObjectMatchesTheKubernetesModelsOrTheOperatorSchemas(string overlay)
    {
        var objects = Overlays.Render(overlay);

        Assert.NotEmpty(objects);
        Assert.Empty(objects.SelectMany(ObjectSchemas.Problems));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void NoTwoObjectsOfAnOverlayShareAKindAndName(string overlay)
    {
        var twice = Overlays.Render(overlay).GroupBy(item => $"{item.Kind()}/{item.Name()}").Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.Empty(twice);
    }

    [Fact]
    public void AMisspelledFieldOfADeploymentIsRefused()
    {
        var deployment = Overlays.Render(Overlays.Production).Named("Deployment", "application");
        ((JsonObject)deployment["spec"]!)["replica"] = 3;

        Assert.Contains(ObjectSchemas.Problems(deployment), problem => problem.Contains("replica", StringComparison.Ordinal));
    }

    [Fact]
    public void AMisspelledFieldDeepInAPodTemplateIsRefused()
    {
        var deployment = Overlays.Render(Overlays.Production).Named("Deployment", "application");
        deployment.MainContainer()["readinesProbe"] = deployment.MainContainer()["readinessProbe"]!.DeepClone();

        Assert.NotEmpty(ObjectSchemas.Problems(deployment));
    }

    [Fact]
    public void AMisspelledFieldOfADatabaseClusterIsRefused()
    {
        var cluster = Overlays.Render(Overlays.Production).Named("Cluster", "application-db");
        ((JsonObject)cluster["spec"]!["postgresql"]!["synchronous"]!)["numbr"] = 1;

        Assert.NotEmpty(ObjectSchemas.Problems(cluster));
    }

    [Fact]
    public void AWrongValueOfTheBrokerClusterIsRefused()
    {
        var broker = Overlays.Render(Overlays.Production).Named("RabbitmqCluster", "visitation-rabbitmq");
        ((JsonObject)broker["spec"]!["resources"]!)["limit"] = new JsonObject { ["cpu"] = "1" };

        Assert.NotEmpty(ObjectSchemas.Problems(broker));
    }

    [Fact]
    public void AKindNeitherKubernetesNorAnOperatorsIsRefused()
    {
        var unknown = new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w" } };

        Assert.NotEmpty(ObjectSchemas.Problems(unknown));
    }
}
