using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VisitCentre.Approvals;

/// <summary>One task as the queue and the decision page show it (<c>_ApprovalTask.cshtml</c>).</summary>
/// <param name="Overdue">The review clock's deadline has passed (the service expires it soon).</param>
/// <param name="DecideLink">Whether the card links to the decision page (not on that page itself).</param>
public sealed record ApprovalTaskCard(ApprovalTask Task, ReferenceDataSet Reference, bool Overdue, bool DecideLink);
