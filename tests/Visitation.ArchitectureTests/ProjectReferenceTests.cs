using Xunit;
namespace Visitation.ArchitectureTests;

/// <summary>What each project may reference (docs/architecture.md, "The projects").</summary>
public sealed class ProjectReferenceTests
{
    private const string Contracts = "Visitation.Contracts";
    private const string Rules = "Visitation.Rules";
    private const string ServiceDefaults = "Visitation.ServiceDefaults";
    private const string Messaging = "Visitation.Messaging";
    private const string Workflow = "Visitation.Workflow";
    private const string Protection = "Visitation.Protection";

    public static TheoryData<string> Services => new()
    {
        "services/Application/Visitation.Application.csproj",
        "services/BureauReview/Visitation.BureauReview.csproj",
        "services/PrisonApproval/Visitation.PrisonApproval.csproj",
        "services/Scheduling/Visitation.Scheduling.csproj",
        "services/Notification/Visitation.Notification.csproj",
        "services/Identity/Visitation.Identity.csproj",
    };

    [Theory]
    [InlineData("services/Visitation.Rules/Visitation.Rules.csproj")]
    [InlineData("services/Visitation.ServiceDefaults/Visitation.ServiceDefaults.csproj")]
    [InlineData("services/Visitation.Messaging/Visitation.Messaging.csproj")]
    [InlineData("contracts/Visitation.Contracts/Visitation.Contracts.csproj")]
    [InlineData("services/Visitation.Protection/Visitation.Protection.csproj")]
    public void FoundationLibrariesReferenceNoOtherProject(string path)
    {
        Assert.Empty(ProjectFile.Load(path).ProjectReferences);
    }

    [Fact]
    public void RulesUseNoPackageAtAll()
    {
        Assert.Empty(ProjectFile.Load("services/Visitation.Rules/Visitation.Rules.csproj").PackageReferences);
    }

    [Fact]
    public void WorkflowBuildsOnTheFourFoundationsOnly()
    {
        var workflow = ProjectFile.Load("services/Visitation.Workflow/Visitation.Workflow.csproj");

        Assert.Equal([Contracts, Messaging, Rules, ServiceDefaults], workflow.ProjectReferences);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void AServiceReferencesTheSharedLibrariesAndNeverAnotherService(string path)
    {
        var service = ProjectFile.Load(path);

        // Field protection is for the services that hold ID or phone numbers (docs/encryption-at-rest.md).
        Assert.Equal([Messaging, ServiceDefaults, Workflow], service.ProjectReferences.Where(p => p != Protection));
    }
}
