namespace Visitation.Contracts.Grpc.BureauReview;

/// <summary>The bureau's task is a reviewing stage's task: see <see cref="IReviewTaskView"/>.</summary>
public sealed partial class ReviewTask : IReviewTaskView;
