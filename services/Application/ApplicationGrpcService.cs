using Grpc.Core;
using Visitation.Application.Features.GetApplication;
using Visitation.Application.Features.ListApplications;
using Visitation.Application.Features.NotReached;
using Visitation.Application.Features.Resubmit;
using Visitation.Application.Features.Report;
using Visitation.Application.Features.Submit;
using Visitation.Application.Features.Withdraw;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Application;

/// <summary>The clerks' API, a routing table: each call is one use case under <c>Features/</c>.</summary>
public sealed class ApplicationGrpcService(
    SubmitApplicationHandler submit,
    GetApplicationHandler get,
    ListApplicationsHandler list,
    WithdrawApplicationHandler withdraw,
    ResubmitApplicationHandler resubmit,
    ApplicationReportHandler report,
    ListFamiliesNotReachedHandler listNotReached,
    CountFamiliesNotReachedHandler countNotReached,
    CloseFamilyNotReachedHandler closeNotReached)
    : ApplicationService.ApplicationServiceBase
{
    public override Task<SubmitApplicationReply> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context) =>
        submit.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ApplicationView> GetApplication(GetApplicationRequest request, ServerCallContext context) =>
        get.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListApplicationsReply> ListApplications(ListApplicationsRequest request, ServerCallContext context) =>
        list.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ApplicationView> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        withdraw.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ApplicationView> ResubmitApplication(ResubmitApplicationRequest request, ServerCallContext context) =>
        resubmit.HandleAsync(request, Caller.From(context), context.CancellationToken);
    public override Task<ApplicationReportReply> GetApplicationReport(ApplicationReportRequest request, ServerCallContext context) =>
        report.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListFamiliesNotReachedReply> ListFamiliesNotReached(ListFamiliesNotReachedRequest request, ServerCallContext context) =>
        listNotReached.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<CountFamiliesNotReachedReply> CountFamiliesNotReached(CountFamiliesNotReachedRequest request, ServerCallContext context) =>
        countNotReached.HandleAsync(Caller.From(context), context.CancellationToken);

    public override Task<FamilyNotReached> CloseFamilyNotReached(CloseFamilyNotReachedRequest request, ServerCallContext context) =>
        closeNotReached.HandleAsync(request, Caller.From(context), context.CancellationToken);
}
