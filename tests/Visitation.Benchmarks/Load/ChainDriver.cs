using System.Collections.Concurrent;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Benchmarks.Province;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Benchmarks.Load;

/// <summary>
/// Plays every member of staff of the chain over gRPC: the clerk who files an application, the county
/// reviewer and the prison officer who approve it as soon as it is in their queue, and the visit centre
/// that confirms the proposed slot; an application ends when its 会见安排 SMS reaches the gateway.
/// </summary>
public sealed class ChainDriver
{
    private const string ScheduledSmsMarker = "会见已安排在";
    private const string ReceivedSmsMarker = "申请已受理";
    private readonly StaffCalls _calls;
    private readonly ConcurrentDictionary<string, ApplicationRun> _byPhone = new(StringComparer.Ordinal);
    private readonly QueueWatcher<ReviewTask> _reviewers;
    private readonly QueueWatcher<ApprovalTask> _officers;
    private readonly QueueWatcher<VisitView> _visitCentres;

    public ChainDriver(StaffCalls calls, TimeSpan poll, BenchClock clock)
    {
        _calls = calls;
        _reviewers = new(Moment.BureauQueued, poll, null, clock, ListReviewsAsync, ReviewAsync);
        _officers = new(Moment.PrisonQueued, poll, null, clock, ListApprovalsAsync, ApproveAsync);
        _visitCentres = new(Moment.Proposed, poll, visit => visit.ProposedAt, clock, ListProposalsAsync, ConfirmAsync);
    }

    public Task WatchAsync(CancellationToken ct) => Task.WhenAll(_reviewers.RunAsync(ct), _officers.RunAsync(ct), _visitCentres.RunAsync(ct));

    /// <summary>Each prison's register, in chunks, with the inmates of the families the run will use.</summary>
    public async Task ImportInmatesAsync(IEnumerable<BenchFamily> families, CancellationToken ct)
    {
        foreach (var prison in families.GroupBy(f => f.Prison.Id))
        {
            foreach (var chunk in prison.Chunk(500))
            {
                await _calls.Prison.ImportInmatesAsync(new ImportInmatesRequest { Inmates = { chunk.Select(f => f.Register()) } }, _calls.AsOfficer(prison.Key, ct));
            }
        }
    }

    /// <summary>The gateway's news: an SMS reached it.</summary>
    public void SmsArrived(GatewaySms sms)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (!_byPhone.TryGetValue(sms.Phone, out var run))
        {
            return;
        }

        if (sms.Text.Contains(ScheduledSmsMarker, StringComparison.Ordinal))
        {
            run.Complete();
        }
        else if (sms.Text.Contains(ReceivedSmsMarker, StringComparison.Ordinal))
        {
            run.Mark(Moment.ReceivedSms);
        }
        else
        {
            run.Fail($"an SMS other than 受理 or 会见安排: {sms.Text}");
        }
    }

    /// <summary>Files the application as the office's clerk; the rest follows from the queues and the gateway.</summary>
    public async Task SubmitAsync(ApplicationRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        _byPhone[run.Family.Phone] = run;
        run.Mark(Moment.SubmitStarted);
        try
        {
            var request = run.Family.Application(); // the same request id however often it is sent
            var reply = await StaffCalls.UntilAnsweredAsync(run, async () => await _calls.Clerk.SubmitApplicationAsync(request, _calls.AsClerk(run.Family.Office, ct)), ct);
            run.ApplicationId = reply.ApplicationId;
            run.Mark(Moment.Submitted);
            _reviewers.Expect(run.Family.County.Id, run);
        }
        catch (Grpc.Core.RpcException ex)
        {
            run.Fail($"submit: {ex.StatusCode} {ex.Status.Detail}");
        }
    }

    private async Task<IReadOnlyList<(string, ReviewTask)>> ListReviewsAsync(string county, CancellationToken ct)
    {
        var tasks = new List<(string, ReviewTask)>();
        var page = new ListPendingReviewsReply();
        do
        {
            page = await _calls.Bureau.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new() { PageSize = 200, PageToken = page.NextPageToken } }, _calls.AsReviewer(county, ct));
            tasks.AddRange(page.Tasks.Select(t => (t.ApplicationId, t)));
        }
        while (page.NextPageToken.Length > 0);
        return tasks;
    }

    private async Task ReviewAsync(ApplicationRun run, ReviewTask task, CancellationToken ct)
    {
        var decision = await StaffCalls.UntilAnsweredAsync(run, async () =>
            await _calls.Bureau.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = run.ApplicationId }, _calls.AsReviewer(run.Family.County.Id, ct)), ct);
        run.Mark(Moment.BureauApproved);
        if (!decision.Approved)
        {
            run.Fail($"bureau refused: {decision.ReasonCode}");
            return;
        }

        _officers.Expect(run.Family.Prison.Id, run);
    }

    private async Task<IReadOnlyList<(string, ApprovalTask)>> ListApprovalsAsync(string prison, CancellationToken ct)
    {
        var tasks = new List<(string, ApprovalTask)>();
        var page = new ListPendingApprovalsReply();
        do
        {
            page = await _calls.Prison.ListPendingApprovalsAsync(new ListPendingApprovalsRequest { Page = new() { PageSize = 200, PageToken = page.NextPageToken } }, _calls.AsOfficer(prison, ct));
            tasks.AddRange(page.Tasks.Select(t => (t.ApplicationId, t)));
        }
        while (page.NextPageToken.Length > 0);
        return tasks;
    }

    private async Task ApproveAsync(ApplicationRun run, ApprovalTask task, CancellationToken ct)
    {
        run.Mark(Moment.PrisonApproveStarted);
        var decision = await StaffCalls.UntilAnsweredAsync(run, async () => await _calls.Prison.ApproveApplicationAsync(
            new PrisonApproveRequest { ApplicationId = run.ApplicationId, InmateNumber = run.Family.InmateNumber }, _calls.AsOfficer(run.Family.Prison.Id, ct)), ct);
        run.Mark(Moment.PrisonApproved);
        if (!decision.Approved)
        {
            run.Fail($"prison refused: {decision.ReasonCode}");
            return;
        }

        _visitCentres.Expect(run.Family.Prison.Id, run);
    }

    private async Task<bool> IsScheduledAsync(ApplicationRun run, VisitView proposal, CancellationToken ct) =>
        (await _calls.Scheduling.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId }, _calls.AsOfficer(run.Family.Prison.Id, ct))).Status == VisitStatus.Scheduled;

    private async Task<IReadOnlyList<(string, VisitView)>> ListProposalsAsync(string prison, CancellationToken ct)
    {
        var visits = new List<(string, VisitView)>();
        var page = new ListProposalsReply();
        do
        {
            page = await _calls.Scheduling.ListProposalsAsync(new ListProposalsRequest { Page = new() { PageSize = 200, PageToken = page.NextPageToken } }, _calls.AsOfficer(prison, ct));
            visits.AddRange(page.Visits.Select(v => (v.ApplicationId, v)));
        }
        while (page.NextPageToken.Length > 0);
        return visits;
    }

    private async Task ConfirmAsync(ApplicationRun run, VisitView proposal, CancellationToken ct)
    {
        run.Mark(Moment.ConfirmStarted);
        var retriesBefore = run.Retries;
        try
        {
            await StaffCalls.UntilAnsweredAsync(run, async () =>
                await _calls.Scheduling.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId }, _calls.AsOfficer(run.Family.Prison.Id, ct)), ct);
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition && run.Retries > retriesBefore)
        {
            // A confirmation repeated after UNAVAILABLE may find its first attempt on record: the server
            // committed it and went away before answering. Then it is confirmed, once.
            if (!await IsScheduledAsync(run, proposal, ct))
            {
                throw;
            }
        }

        run.Mark(Moment.Confirmed);
        run.VisitDay = proposal.Date;
    }
}
