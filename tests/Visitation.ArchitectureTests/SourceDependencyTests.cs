using System.Text.RegularExpressions;
using Xunit;

namespace Visitation.ArchitectureTests;

/// <summary>What the sources may name: the project references alone would not stop a fully qualified type name.</summary>
public sealed partial class SourceDependencyTests
{
    private static readonly string[] ServiceNames = ["Application", "BureauReview", "PrisonApproval", "Scheduling", "Notification", "Identity", "AuditStore"];

    public static TheoryData<string> Services => new(ServiceNames);

    [Theory]
    [MemberData(nameof(Services))]
    public void AServiceNamesNoOtherService(string service)
    {
        var project = ProjectFile.Load($"services/{service}/Visitation.{service}.csproj");
        var others = ServiceNames.Where(s => s != service).Select(s => $"Visitation.{s}.").ToList();

        var offenders = project.Sources()
            .Where(file => others.Any(File.ReadAllText(file).Contains))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void RulesDoNoInputOrOutput()
    {
        var rules = ProjectFile.Load("services/Visitation.Rules/Visitation.Rules.csproj");

        var offenders = rules.Sources()
            .Where(file => InputOutput().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("services/Visitation.ServiceDefaults/Visitation.ServiceDefaults.csproj")]
    [InlineData("services/Visitation.Messaging/Visitation.Messaging.csproj")]
    public void HostingAndMessagingKnowNothingOfVisits(string path)
    {
        var project = ProjectFile.Load(path);

        var offenders = project.Sources()
            .Where(file => DomainNamespaces().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(System\.IO|System\.Net|Microsoft\.EntityFrameworkCore|Npgsql|MassTransit|Grpc)\b")]
    private static partial Regex InputOutput();

    [GeneratedRegex(@"\bVisitation\.(Contracts|Rules|Workflow|Application|BureauReview|PrisonApproval|Scheduling|Notification|Identity|AuditStore)\b")]
    private static partial Regex DomainNamespaces();
}
