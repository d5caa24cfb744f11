namespace Visitation.Contracts.Grpc.PrisonApproval;

/// <summary>The visit centre's task is a reviewing stage's task: see <see cref="IReviewTaskView"/>.</summary>
public sealed partial class ApprovalTask : IReviewTaskView;
