using Visitation.Deployment.Tests.Hosts;
using Visitation.Deployment.Tests.Rendering;
using YamlDotNet.RepresentationModel;

namespace Visitation.Deployment.Tests;

/// <summary>The cluster's collector scrubs personal data exactly as deploy/otel/collector.yaml does.</summary>
public sealed class CollectorTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheCollectorsPersonalDataTransformIsTheComposeOnesAndRunsOnEveryTrace(string overlay)
    {
        var inCluster = Parse(PodEnvironment.ConfigMapData(Overlays.Render(overlay), "otel-collector")!["collector.yaml"]);
        var compose = Parse(File.ReadAllText(Repository.PathOf("deploy/otel/collector.yaml")));

        Assert.Equal(Transform(compose), Transform(inCluster));
        var processors = (YamlSequenceNode)inCluster["service"]["pipelines"]["traces"]["processors"];
        Assert.Contains(processors.Children, processor => processor.ToString() == "transform/personal-data");
    }

    private static string Transform(YamlMappingNode config)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(config["processors"]["transform/personal-data"])).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
