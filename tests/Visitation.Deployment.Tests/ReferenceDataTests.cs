using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Hosts;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests;

/// <summary>The reference data the pods read is deploy/reference-data, every file of it, at its path.</summary>
public sealed class ReferenceDataTests
{
    private static readonly string Folder = Repository.PathOf("deploy/reference-data");

    private static IEnumerable<string> Files() => Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories)
        .Select(file => Path.GetRelativePath(Folder, file).Replace('\\', '/'));

    [Fact]
    public void TheConfigMapHoldsEveryFileOfTheReferenceDataFolderAsItIs()
    {
        var data = PodEnvironment.ConfigMapData(Overlays.Render(Overlays.Production), "visitation-reference-data")!;

        Assert.Equal(Files().Select(Key).Order(), data.Keys.Order());
        foreach (var file in Files())
        {
            Assert.Equal(File.ReadAllText(Path.Combine(Folder, file)).TrimEnd('\n'), data[Key(file)].TrimEnd('\n'));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryHostReadingReferenceDataFindsEveryFileAtItsPathInTheFolderItIsToldOf(string overlay)
    {
        var rendered = Overlays.Render(overlay);
        var hosts = rendered.Hosts().Where(deployment => deployment.Volumes().Any(volume => volume.Text("configMap.name") == "visitation-reference-data")).ToList();

        Assert.NotEmpty(hosts);
        foreach (var deployment in hosts)
        {
            var volume = deployment.Volumes().Single(volume => volume.Text("configMap.name") == "visitation-reference-data");
            var items = ((JsonArray)volume["configMap"]!["items"]!).Cast<JsonObject>().ToDictionary(item => item.Text("path"), item => item.Text("key"));
            Assert.Equal(Files().Order(), items.Keys.Order());
            Assert.All(items, item => Assert.Equal(Key(item.Key), item.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheReferenceDataPathEachHostIsGivenIsWhereTheFolderIsMounted(string overlay)
    {
        var rendered = Overlays.Render(overlay);
        foreach (var deployment in rendered.Hosts())
        {
            var pathSetting = deployment.MainContainer().Env().FirstOrDefault(variable => variable.Text("name") == "ReferenceData__Path")?.Text("value")
                ?? (deployment.MainContainer().EnvFrom().Any(source => source.Text("configMapRef.name") == "visitation-services")
                    ? PodEnvironment.ConfigMapData(rendered, "visitation-services")!["ReferenceData__Path"]
                    : null);
            if (pathSetting is null)
            {
                continue;
            }

            var mount = ((JsonArray)deployment.MainContainer()["volumeMounts"]!).Cast<JsonObject>().Single(mount => mount.Text("name") == "reference-data");
            Assert.Equal(mount.Text("mountPath"), pathSetting);
        }
    }

    /// <summary>A ConfigMap key holds no '/': the file's path with '-' (deploy/k8s/reference-data.sh).</summary>
    private static string Key(string file) => file.Replace('/', '-');
}
