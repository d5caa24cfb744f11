using Google.Protobuf.Reflection;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Messaging.Tracing;
using Visitation.Workflow.Access;
using Xunit;

namespace Visitation.Workflow.Tests.Access;

/// <summary>
/// Which calls are steps of an application's trace (docs/tracing.md) is the access policy table's word,
/// as <see cref="AccessPolicyTable"/> lists each RPC a read or a change, not what the method is called.
/// </summary>
public sealed class ApplicationStepTests
{
    private static readonly Guid Application = Guid.Parse("0193a5c2-7d4e-7a10-9c3b-5e6f70819203");
    private static readonly AccessPolicyCallKinds Kinds = new();
    private static readonly ApplicationTraceInterceptor Interceptor = new(Kinds);

    [Fact]
    public void AChangeThatNamesAnApplicationIsAStepOfItsTrace()
    {
        var withdraw = FullName(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.WithdrawApplication));
        var approve = FullName(BureauReviewService.Descriptor, nameof(BureauReviewService.BureauReviewServiceBase.ApproveApplication));

        Assert.Equal(Application, Interceptor.StepOf(withdraw, new WithdrawApplicationRequest { ApplicationId = Application.ToString() }));
        Assert.Equal(Application, Interceptor.StepOf(approve, new ApproveReviewRequest { ApplicationId = Application.ToString() }));
    }

    [Fact]
    public void AReadIsNoStepWhateverItIsCalled()
    {
        var get = FullName(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.GetApplication));
        var messages = FullName(NotificationService.Descriptor, nameof(NotificationService.NotificationServiceBase.ListMessages));

        Assert.Null(Interceptor.StepOf(get, new GetApplicationRequest { ApplicationId = Application.ToString() }));
        Assert.Null(Interceptor.StepOf(messages, new ListMessagesRequest { ApplicationId = Application.ToString() }));
        // Reads named neither Get… nor List…, and a change named Check…: the table, not the name, decides.
        Assert.False(Kinds.Changes(FullName(AuditStoreService.Descriptor, nameof(AuditStoreService.AuditStoreServiceBase.SearchAudit))));
        Assert.False(Kinds.Changes(FullName(AuditStoreService.Descriptor, nameof(AuditStoreService.AuditStoreServiceBase.ExportAudit))));
        Assert.True(Kinds.Changes(FullName(SchedulingService.Descriptor, nameof(SchedulingService.SchedulingServiceBase.CheckIn))));
    }

    [Fact]
    public void ACallTheTableDoesNotListIsNoStepThoughItsNameSaysChange()
    {
        var unlisted = FullName(ApplicationService.Descriptor, "ArchiveApplication");

        Assert.Null(Interceptor.StepOf(unlisted, new WithdrawApplicationRequest { ApplicationId = Application.ToString() }));
    }

    private static string FullName(ServiceDescriptor service, string method) => $"/{service.FullName}/{method}";
}
