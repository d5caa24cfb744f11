using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.Console.Pages.VisitCentre.Approvals;

/// <summary>
/// The visit centre's whole queue, every page of it: the count is of the whole queue, and a task
/// opened for decision is found wherever it stands. A visit centre's queue is tens of tasks a day;
/// past <see cref="MaxPages"/> pages the list stops and says so.
/// </summary>
public static class PendingApprovals
{
    public const int PageSize = 100;
    public const int MaxPages = 10;

    public static async Task<(List<ApprovalTask> Tasks, bool Complete)> AllAsync(PrisonApprovalService.PrisonApprovalServiceClient prison, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(prison);
        var tasks = new List<ApprovalTask>();
        var token = string.Empty;
        for (var page = 0; page < MaxPages; page++)
        {
            var reply = await prison.ListPendingApprovalsAsync(
                new ListPendingApprovalsRequest { Page = new PageRequest { PageSize = PageSize, PageToken = token } }, cancellationToken: cancel);
            tasks.AddRange(reply.Tasks);
            token = reply.NextPageToken;
            if (string.IsNullOrEmpty(token))
            {
                return (tasks, true);
            }
        }

        return (tasks, false);
    }
}
